import type { Stance } from './stance';

/** What the as-of selection needs of a position. `topicKey` is the topic's slug, or WHOLE_BAN. */
export interface DatedPosition {
	id: number;
	actorId: number;
	topicKey: string;
	/** ISO 8601, possibly partial ('2022-11', '2022'); null when unknown. */
	date: string | null;
	stance: Stance;
}

export interface Cell<P> {
	/** The position shown: the latest one with a stated stance, else the latest one. */
	position: P;
	/** Records dated after `position` that state no stance (shown as "later records"). */
	laterUnknown: P[];
}

/**
 * Whether a position dated `date` was already taken on `asOf`. A partial date counts once its period
 * has begun ('2022-11' counts from 1 November 2022), as `isUpcoming` in $lib/dates does; an undated
 * position cannot be placed in time and counts on every date (it sorts before every dated one).
 */
export function takenBy(date: string | null, asOf: string): boolean {
	if (!date) return true;
	return date <= asOf.slice(0, date.length);
}

/** Oldest first: undated first, then by date ('2022-12' before '2022-12-06'), then by id (recorded order). */
export function byDate(a: Pick<DatedPosition, 'date' | 'id'>, b: Pick<DatedPosition, 'date' | 'id'>): number {
	if (a.date !== b.date) {
		if (a.date === null) return -1;
		if (b.date === null) return 1;
		return a.date < b.date ? -1 : 1;
	}
	return a.id - b.id;
}

export const cellKey = (actorId: number, topicKey: string) => `${actorId}:${topicKey}`;

/**
 * The matrix on a date: for each actor × topic, the position in force on `asOf` (null = today, all
 * positions). A later record that states no stance ('unknown') does not hide an earlier stated
 * stance: it is listed in `laterUnknown` instead, so the cell shows both.
 */
export function cellsAsOf<P extends DatedPosition>(positions: P[], asOf: string | null): Map<string, Cell<P>> {
	const groups = new Map<string, P[]>();
	for (const p of positions) {
		if (asOf && !takenBy(p.date, asOf)) continue;
		const key = cellKey(p.actorId, p.topicKey);
		const list = groups.get(key);
		if (list) list.push(p);
		else groups.set(key, [p]);
	}
	const cells = new Map<string, Cell<P>>();
	for (const [key, list] of groups) {
		list.sort(byDate);
		let current = list.length - 1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (list[i].stance !== 'unknown') {
				current = i;
				break;
			}
		}
		cells.set(key, { position: list[current], laterUnknown: list.slice(current + 1) });
	}
	return cells;
}
