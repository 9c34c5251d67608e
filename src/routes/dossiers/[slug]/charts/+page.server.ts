import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { banStrengthData, scoreValues } from '$lib/server/scores';
import {
	amendmentDirectionCounts,
	amendmentStatusCounts,
	chartsStart,
	memberStateNames,
	memberStatePositions
} from '$lib/server/charts';
import { hasRole } from '$lib/server/authorization';
import { listTopics } from '$lib/server/topics';
import { banStrength, banStrengthChart } from '$lib/charts/ban-strength';
import { amendmentsByDirectionChart, amendmentsByStatusChart } from '$lib/charts/amendments';
import { halfYears, stanceChart } from '$lib/charts/stances';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const today = todayIso();
	const topics = await listTopics(db(), dossier.id);
	// An unknown ?topic= falls back to the ban as a whole rather than failing: it is only a view choice.
	const topic = topics.find((t) => t.slug === url.searchParams.get('topic')) ?? null;
	const [scores, statusCounts, byStage, byAuthor, states, positions, start] = await Promise.all([
		banStrengthData(db(), dossier.id),
		amendmentStatusCounts(db(), dossier.id),
		amendmentDirectionCounts(db(), dossier.id, 'stage'),
		amendmentDirectionCounts(db(), dossier.id, 'author'),
		memberStateNames(db()),
		memberStatePositions(db(), dossier.id, topic?.id ?? null),
		chartsStart(db(), dossier.id)
	]);
	const rows = banStrength(scores.criteria, scores.texts, scoreValues(scores));
	return {
		scores,
		canEdit: hasRole(locals.user, 'editor'),
		topics: topics.map((t) => ({ slug: t.slug, name: t.name })),
		topic: topic?.slug ?? '',
		charts: {
			ban: banStrengthChart(scores.criteria, rows),
			status: amendmentsByStatusChart(statusCounts),
			direction: amendmentsByDirectionChart(byStage, 'stage'),
			author: amendmentsByDirectionChart(byAuthor, 'author'),
			stances: stanceChart(
				states,
				positions,
				halfYears(start ?? today, today),
				topic ? topic.name.toLowerCase() : 'the ban as a whole'
			)
		}
	};
};
