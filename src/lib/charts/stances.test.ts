import { describe, expect, it } from 'vitest';
import { halfYears, stanceChart, stancesOverTime } from './stances';
import { tableOf } from './spec';

describe('halfYears', () => {
	it('runs from the half-year holding the start to the one holding the end', () => {
		expect(halfYears('2021-04-21', '2022-07-01').map((p) => p.label)).toEqual([
			'H1 2021',
			'H2 2021',
			'H1 2022',
			'H2 2022'
		]);
		expect(halfYears('2021-04-21', '2022-07-01')[1].end).toBe('2021-12-31');
	});
});

describe('stancesOverTime', () => {
	const states = ['Austria', 'Germany', 'Italy'];
	const positions = [
		{ state: 'Germany', date: '2021-11', stance: 'full_ban' as const },
		{ state: 'Germany', date: '2022-12-06', stance: 'ban_with_exceptions' as const },
		{ state: 'Italy', date: '2022-03-01', stance: 'unknown' as const },
		{ state: 'Austria', date: null, stance: 'full_ban' as const }
	];
	const periods = halfYears('2021-01-01', '2022-12-31');

	it('counts each state once, with its latest position up to the end of each period', () => {
		const { rows, undated } = stancesOverTime(states, positions, periods);
		expect(rows.map((r) => r.counts.full_ban)).toEqual([0, 1, 1, 0]);
		expect(rows.map((r) => r.counts.ban_with_exceptions)).toEqual([0, 0, 0, 1]);
		expect(rows.map((r) => r.counts.unknown)).toEqual([0, 0, 1, 1]);
		expect(rows.map((r) => r.none)).toEqual([3, 2, 1, 1]);
		expect(undated).toBe(1);
	});

	it('makes a chart whose table matches the counts, and says what is left out', () => {
		const spec = stanceChart(states, positions, periods, 'the ban as a whole');
		const table = tableOf(spec);
		expect(table.columns).toEqual([
			'Period',
			'Full ban',
			'Ban with exceptions',
			'Neutral',
			'Opposes a ban',
			'Stance unknown',
			'No position recorded',
			'Total'
		]);
		expect(table.rows.at(-1)).toEqual({ header: 'H2 2022', cells: ['0', '1', '0', '0', '1', '1', '3'] });
		expect(spec.summary).toContain('2 of 3 member states have a published position');
		expect(spec.summary).toContain('1 undated position is left out');
		expect(spec.summary).toContain('state no position on the ban');
	});

	it('does not let a later record with no stance hide an earlier stated one, as the matrix does', () => {
		const later = [...positions, { state: 'Germany', date: '2022-12-20', stance: 'unknown' as const }];
		const { rows } = stancesOverTime(states, later, periods);
		expect(rows.at(-1)!.counts).toMatchObject({ ban_with_exceptions: 1, unknown: 1 });
	});
});
