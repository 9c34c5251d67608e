import { describe, expect, it } from 'vitest';
import { byDate, cellKey, cellsAsOf, takenBy, type DatedPosition } from './as-of';
import { tileGrid } from './tile-grid';

const p = (
	id: number,
	date: string | null,
	stance: DatedPosition['stance'],
	topicKey = 'real-time-rbi',
	actorId = 1
): DatedPosition => ({
	id,
	actorId,
	topicKey,
	date,
	stance
});

describe('takenBy', () => {
	it('counts full and partial dates once their period has begun, undated always', () => {
		expect(takenBy('2022-12-06', '2022-12-06')).toBe(true);
		expect(takenBy('2022-12-07', '2022-12-06')).toBe(false);
		expect(takenBy('2022-12', '2022-12-01')).toBe(true);
		expect(takenBy('2023', '2022-12-31')).toBe(false);
		expect(takenBy(null, '2000-01-01')).toBe(true);
	});
});

describe('byDate', () => {
	it('puts undated first, then dates, then recorded order', () => {
		const list = [
			p(3, '2022-12-06', 'unknown'),
			p(1, null, 'unknown'),
			p(2, '2022-12', 'unknown'),
			p(4, '2022-12-06', 'unknown')
		];
		expect(list.sort(byDate).map((x) => x.id)).toEqual([1, 2, 3, 4]);
	});
});

describe('cellsAsOf', () => {
	const history = [
		p(1, '2021-11-24', 'full_ban'),
		p(2, '2022-12-06', 'ban_with_exceptions'),
		p(3, '2025-01', 'unknown'),
		p(4, '2022-10', 'opposes', 'post-rbi'),
		p(5, '2023-01-01', 'full_ban', 'real-time-rbi', 2)
	];

	it('shows the latest position taken by the date', () => {
		const cells = cellsAsOf(history, '2022-12-05');
		expect(cells.get(cellKey(1, 'real-time-rbi'))?.position.id).toBe(1);
		expect(cells.get(cellKey(1, 'post-rbi'))?.position.id).toBe(4);
		expect(cells.has(cellKey(2, 'real-time-rbi'))).toBe(false);
		expect(cellsAsOf(history, '2022-12-06').get(cellKey(1, 'real-time-rbi'))?.position.id).toBe(2);
	});

	it('keeps an earlier stated stance when a later record states none, and lists the later one', () => {
		const cell = cellsAsOf(history, null).get(cellKey(1, 'real-time-rbi'))!;
		expect(cell.position.id).toBe(2);
		expect(cell.laterUnknown.map((x) => x.id)).toEqual([3]);
	});

	it('shows an unknown record when nothing states a stance', () => {
		const cell = cellsAsOf([p(7, null, 'unknown'), p(8, '2024', 'unknown')], '2024-06-01').get(
			cellKey(1, 'real-time-rbi')
		)!;
		expect(cell.position.id).toBe(8);
		expect(cell.laterUnknown).toEqual([]);
	});

	it('is empty before the first position', () => {
		expect(cellsAsOf(history, '2020-01-01').size).toBe(0);
	});
});

describe('tileGrid', () => {
	it('places the 27 member states on distinct tiles', () => {
		const places = Object.values(tileGrid).map((t) => `${t.row}:${t.col}`);
		expect(places).toHaveLength(27);
		expect(new Set(places).size).toBe(27);
	});
});
