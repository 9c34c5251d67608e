import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal, viewerOf } from '$lib/server/authorization';
import { positionMatrix, topicColumns } from '$lib/server/positions';
import { parseMatrixQuery } from '$lib/positions/query';
import { todayIso } from '$lib/dates';

const defaultTopic = 'real-time-rbi';

/** One topic on a tile map of the EU (and the same as a table). */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const today = todayIso();
	const allTopics = await topicColumns(db(), dossier.id);
	const query = parseMatrixQuery(
		url.searchParams,
		allTopics.map((t) => t.key),
		today
	);
	const topicKey = query.topic ?? (allTopics.some((t) => t.key === defaultTopic) ? defaultTopic : allTopics[0].key);
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	const matrix = await positionMatrix(db(), dossier.id, { asOf: query.asOf, topic: topicKey, viewer });
	return { today, query, allTopics, topic: matrix.topics[0], rows: matrix.memberStates, recorded: matrix.recorded };
};
