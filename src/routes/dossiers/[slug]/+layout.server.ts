import type { LayoutServerLoad } from './$types';
import { dossierOf } from '$lib/server/dossiers';

export const load: LayoutServerLoad = async (event) => ({ dossier: await dossierOf(event) });
