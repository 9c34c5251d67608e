import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { positionMatrix } from '$lib/server/positions';
import { matrixQuery } from '../matrix-query';

const defaultTopic = 'real-time-rbi';

/** One topic on a tile map of the EU (and the same as a table). */
export const load: PageServerLoad = async (event) => {
	const { dossier, today, allTopics, query, viewer } = await matrixQuery(event);
	const topicKey = query.topic ?? (allTopics.some((t) => t.key === defaultTopic) ? defaultTopic : allTopics[0].key);
	const matrix = await positionMatrix(db(), dossier.id, { asOf: query.asOf, topic: topicKey, viewer });
	return { today, query, allTopics, topic: matrix.topics[0], rows: matrix.memberStates, recorded: matrix.recorded };
};
