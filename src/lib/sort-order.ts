/**
 * Moving one item of an ordered list (a dossier's topics, its ban criteria) one place up or down, as the editing
 * pages do without JavaScript: one button per step. Pure, so it is tested alone.
 */

import { z } from 'zod';
import { idField } from './validators';

export type Direction = 'up' | 'down';

/** The form of a "move up" or "move down" button: which item, which way. */
export const moveForm = z.object({ id: idField, direction: z.enum(['up', 'down'], 'Choose up or down.') });

/**
 * The new `sortOrder` (1, 2, 3…) of each item whose place changes when `id` moves one step in `direction`, the
 * items taken in their current order. Renumbering rather than swapping two values also mends ties and gaps
 * left by a seed or a removal. Empty when nothing moves (the first item moved up, an id not in the list).
 */
export function movedOrder(
	items: readonly { id: number; sortOrder: number }[],
	id: number,
	direction: Direction
): { id: number; sortOrder: number }[] {
	const order = [...items];
	const from = order.findIndex((i) => i.id === id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= order.length) return [];
	[order[from], order[to]] = [order[to], order[from]];
	return order
		.map((item, i) => ({ id: item.id, sortOrder: i + 1 }))
		.filter((next, i) => next.sortOrder !== order[i].sortOrder);
}
