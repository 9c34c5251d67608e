import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { procedureStatus, timeline } from '$lib/server/dossiers';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ parent }) => {
	const { dossier } = await parent();
	const today = todayIso();
	const [entries, status] = await Promise.all([timeline(db(), dossier.id, today), procedureStatus(db(), dossier.id, today)]);
	return { today, entries, status };
};
