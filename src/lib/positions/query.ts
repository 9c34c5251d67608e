import { isFullDate } from '$lib/validators';
import { isStance, type Stance } from './stance';

export interface MatrixQuery {
	/** Null: today (every position). */
	asOf: string | null;
	topic: string | null;
	stance: Stance | null;
	/** What was wrong with the query, said to the reader; the bad value is ignored. */
	problems: string[];
}

/**
 * Reads the matrix's GET parameters (`asOf`, `topic`, `stance`). A bad value is not an error page:
 * it is ignored and explained, so a mistyped link still shows the matrix.
 */
export function parseMatrixQuery(params: URLSearchParams, topicKeys: string[], today: string): MatrixQuery {
	const problems: string[] = [];
	const rawAsOf = params.get('asOf')?.trim() ?? '';
	let asOf: string | null = null;
	if (rawAsOf !== '') {
		if (!isFullDate(rawAsOf)) problems.push(`“${rawAsOf}” is not a date (YYYY-MM-DD): showing today.`);
		else if (rawAsOf < today) asOf = rawAsOf;
	}
	const rawTopic = params.get('topic')?.trim() ?? '';
	const topic = rawTopic === '' ? null : topicKeys.includes(rawTopic) ? rawTopic : null;
	if (rawTopic !== '' && topic === null) problems.push(`There is no topic “${rawTopic}”: showing every topic.`);
	const rawStance = params.get('stance')?.trim() ?? '';
	const stance = rawStance === '' ? null : isStance(rawStance) ? rawStance : null;
	if (rawStance !== '' && stance === null) problems.push(`There is no stance “${rawStance}”: showing every stance.`);
	return { asOf, topic, stance, problems };
}

/** The query string for a matrix view, leaving out defaults. */
export function matrixSearch(q: Partial<Pick<MatrixQuery, 'asOf' | 'topic' | 'stance'>>): string {
	const p = new URLSearchParams();
	if (q.asOf) p.set('asOf', q.asOf);
	if (q.topic) p.set('topic', q.topic);
	if (q.stance) p.set('stance', q.stance);
	const s = p.toString();
	return s ? `?${s}` : '';
}
