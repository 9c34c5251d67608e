import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { hasRole } from '$lib/server/authorization';
import { positionMatrix } from '$lib/server/positions';
import { timeline } from '$lib/server/dossiers';
import { matrixQuery } from './matrix-query';

export const load: PageServerLoad = async (event) => {
	const { dossier, today, allTopics, query, viewer } = await matrixQuery(event);
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
		canDraft: hasRole(event.locals.user, 'reviewer'),
		canEditTopics: hasRole(event.locals.user, 'editor')
	};
};
