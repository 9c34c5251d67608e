import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal, hasRole, viewerOf } from '$lib/server/authorization';
import { positionMatrix, topicColumns } from '$lib/server/positions';
import { dossierOf, timeline } from '$lib/server/dossiers';
import { parseMatrixQuery } from '$lib/positions/query';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const today = todayIso();
	const allTopics = await topicColumns(db(), dossier.id);
	const query = parseMatrixQuery(
		url.searchParams,
		allTopics.map((t) => t.key),
		today
	);
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	const [matrix, events] = await Promise.all([
		positionMatrix(db(), dossier.id, { asOf: query.asOf, topic: query.topic, stance: query.stance, viewer }),
		timeline(db(), dossier.id, today)
	]);
	// Stages with a full date make handy "as of" links (e.g. the Council general approach).
	const stages = events
		.filter((e) => e.kind === 'stage' && e.date?.length === 10 && !e.upcoming)
		.map((e) => ({ title: e.title, date: e.date! }));
	return {
		today,
		query,
		allTopics,
		matrix,
		stages,
		viewerIsCoalition: viewer.canSeeInternal,
		canDraft: hasRole(locals.user, 'reviewer')
	};
};
