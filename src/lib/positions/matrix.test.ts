import { describe, expect, it } from 'vitest';
import { cellsAsOf, type DatedPosition } from './as-of';
import { matrixFigures, matrixRows, stanceCounts } from './matrix';

const positions: DatedPosition[] = [
	{ id: 1, actorId: 1, topicKey: 'real-time-rbi', date: '2022-10', stance: 'full_ban' },
	{ id: 2, actorId: 1, topicKey: 'post-rbi', date: '2022-10', stance: 'opposes' },
	{ id: 3, actorId: 2, topicKey: 'real-time-rbi', date: '2022-12-05', stance: 'ban_with_exceptions' }
];
const actors = [{ id: 1 }, { id: 2 }, { id: 3 }];
const keys = ['real-time-rbi', 'post-rbi'];

describe('matrixRows', () => {
	it('gives every actor a cell per topic, empty where nothing is recorded', () => {
		const rows = matrixRows(actors, keys, cellsAsOf(positions, null), null);
		expect(rows).toHaveLength(3);
		expect(rows[0].cells.map((c) => c.cell?.position.id ?? null)).toEqual([1, 2]);
		expect(rows[2].cells.every((c) => c.cell === null && c.matches)).toBe(true);
		expect(stanceCounts(rows)).toEqual({ full_ban: 1, ban_with_exceptions: 1, neutral: 0, opposes: 1, unknown: 3 });
	});

	it('counts the cells with a stance and the rows with a record, an unknown one included', () => {
		const withUnknown = [
			...positions,
			{ id: 4, actorId: 3, topicKey: 'post-rbi', date: '2023', stance: 'unknown' as const }
		];
		expect(matrixFigures(matrixRows(actors, keys, cellsAsOf(withUnknown, null), null))).toEqual({
			cells: 6,
			withStance: 3,
			rows: 3,
			rowsWithRecord: 3
		});
		expect(matrixFigures(matrixRows(actors, keys, cellsAsOf(withUnknown, '2022-11-30'), null))).toEqual({
			cells: 6,
			withStance: 2,
			rows: 3,
			rowsWithRecord: 1
		});
	});

	it('keeps only rows with a cell of the filtered stance, marking the others', () => {
		const rows = matrixRows(actors, keys, cellsAsOf(positions, null), 'opposes');
		expect(rows.map((r) => r.actor.id)).toEqual([1]);
		expect(rows[0].cells.map((c) => c.matches)).toEqual([false, true]);
		expect(matrixRows(actors, keys, cellsAsOf(positions, null), 'unknown').map((r) => r.actor.id)).toEqual([2, 3]);
	});

	it('follows the as-of date', () => {
		const rows = matrixRows(actors, keys, cellsAsOf(positions, '2022-11-30'), 'ban_with_exceptions');
		expect(rows).toEqual([]);
	});
});
