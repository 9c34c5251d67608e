import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { listTopLevel } from '$lib/server/provisions';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	return { provisions: await listTopLevel(db(), dossier.id) };
};
