import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { listDossiers } from '$lib/server/dossiers';

export const load: PageServerLoad = async () => ({ dossiers: await listDossiers(db()) });
