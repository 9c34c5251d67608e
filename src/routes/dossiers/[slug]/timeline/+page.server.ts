import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf, procedureStatus, timeline } from '$lib/server/dossiers';
import { banStrengthData, scoreValues } from '$lib/server/scores';
import { internalEvents } from '$lib/server/stages';
import { hasRole } from '$lib/server/authorization';
import { banStrength, banStrengthChart } from '$lib/charts/ban-strength';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const today = todayIso();
	const canEdit = hasRole(locals.user, 'editor');
	const [entries, status, scores, internal] = await Promise.all([
		timeline(db(), dossier.id, today),
		procedureStatus(db(), dossier.id, today),
		banStrengthData(db(), dossier.id),
		canEdit ? internalEvents(db(), dossier.id) : Promise.resolve([])
	]);
	const rows = banStrength(scores.criteria, scores.texts, scoreValues(scores));
	return { today, entries, status, scores, banChart: banStrengthChart(scores.criteria, rows), canEdit, internal };
};
