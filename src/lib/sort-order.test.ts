import { describe, expect, it } from 'vitest';
import { movedOrder } from './sort-order';

const items = [
	{ id: 10, sortOrder: 1 },
	{ id: 20, sortOrder: 2 },
	{ id: 30, sortOrder: 3 }
];

describe('movedOrder', () => {
	it('swaps an item with its neighbour, writing only what changed', () => {
		expect(movedOrder(items, 20, 'up')).toEqual([
			{ id: 20, sortOrder: 1 },
			{ id: 10, sortOrder: 2 }
		]);
		expect(movedOrder(items, 20, 'down')).toEqual([
			{ id: 30, sortOrder: 2 },
			{ id: 20, sortOrder: 3 }
		]);
	});

	it('moves nothing past either end, nor an item not in the list', () => {
		expect(movedOrder(items, 10, 'up')).toEqual([]);
		expect(movedOrder(items, 30, 'down')).toEqual([]);
		expect(movedOrder(items, 99, 'up')).toEqual([]);
	});

	it('renumbers ties and gaps so that every item has a place of its own', () => {
		const ragged = [
			{ id: 1, sortOrder: 5 },
			{ id: 2, sortOrder: 5 },
			{ id: 3, sortOrder: 9 }
		];
		expect(movedOrder(ragged, 3, 'up')).toEqual([
			{ id: 1, sortOrder: 1 },
			{ id: 3, sortOrder: 2 },
			{ id: 2, sortOrder: 3 }
		]);
	});
});
