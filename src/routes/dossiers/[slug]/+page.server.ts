import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { latestEvents, listDocuments, procedureStatus } from '$lib/server/dossiers';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ parent }) => {
	const { dossier } = await parent();
	const today = todayIso();
	const [status, latest, documents] = await Promise.all([
		procedureStatus(db(), dossier.id, today),
		latestEvents(db(), dossier.id, today, 6),
		listDocuments(db(), dossier.id)
	]);
	return { today, status, latest, documents };
};
