import { describe, expect, it } from 'vitest';
import { formatValue, listing, pivotCounts, tableOf, totalOf } from './spec';

describe('chart helpers', () => {
	it('formats values for the table', () => {
		expect(formatValue(null)).toBe('unknown');
		expect(formatValue(4)).toBe('4');
		expect(formatValue(0.5)).toBe('0.5');
		expect(formatValue(1 / 3)).toBe('0.33');
	});

	it('totals known values only', () => {
		expect(totalOf([1, null, 0.5])).toBe(1.5);
		expect(totalOf([null, null])).toBeNull();
	});

	it('pivots counts into series, in the order asked, with zeros for missing pairs', () => {
		const { labels, series } = pivotCounts(
			[
				{ x: 'EP', series: 'Adopted', n: 3 },
				{ x: 'Council', series: 'Tabled', n: 2 },
				{ x: 'EP', series: 'Tabled', n: 1 }
			],
			['Council'],
			['Tabled', 'Adopted', 'Withdrawn']
		);
		expect(labels).toEqual(['Council', 'EP']);
		expect(series).toEqual([
			{ label: 'Tabled', values: [2, 1] },
			{ label: 'Adopted', values: [0, 3] },
			{ label: 'Withdrawn', values: [0, 0] }
		]);
	});

	it('builds a table with one row per label', () => {
		const table = tableOf({
			id: 'x',
			title: 'X',
			kind: 'stacked-bar',
			yLabel: 'n',
			summary: '',
			labelHeader: 'Stage',
			labels: ['a', 'b'],
			series: [{ label: 'S', values: [1, 2] }]
		});
		expect(table).toEqual({
			columns: ['Stage', 'S'],
			rows: [
				{ header: 'a', cells: ['1'] },
				{ header: 'b', cells: ['2'] }
			]
		});
	});

	it('lists in prose', () => {
		expect(listing([])).toBe('');
		expect(listing(['a'])).toBe('a');
		expect(listing(['a', 'b', 'c'])).toBe('a, b and c');
	});
});
