import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { listTopLevel } from '$lib/server/provisions';

export const load: PageServerLoad = async ({ parent }) => {
	const { dossier } = await parent();
	return { provisions: await listTopLevel(db(), dossier.id) };
};
