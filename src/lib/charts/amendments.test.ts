import { describe, expect, it } from 'vitest';
import { amendmentsByDirectionChart, amendmentsByStatusChart, NOT_ASSESSED } from './amendments';
import { tableOf } from './spec';

describe('amendment charts', () => {
	it('counts amendments by status at each stage', () => {
		const spec = amendmentsByStatusChart([{ stage: 'EP plenary, 14 June 2023', status: 'plenary_adopted', n: 771 }]);
		expect(spec.labels).toEqual(['EP plenary, 14 June 2023']);
		expect(tableOf(spec).rows).toEqual([{ header: 'EP plenary, 14 June 2023', cells: ['771', '771'] }]);
		expect(spec.summary).toBe('771 amendments recorded at 1 stage (EP plenary, 14 June 2023): 771 adopted in plenary.');
	});

	it('shows amendments without a published assessment as not assessed', () => {
		const spec = amendmentsByDirectionChart([{ group: 'European Parliament', direction: null, n: 771 }], 'author');
		const table = tableOf(spec);
		expect(table.columns).toEqual([
			'Author',
			'Strengthens the ban',
			'Weakens the ban',
			'Neutral',
			NOT_ASSESSED,
			'Total'
		]);
		expect(table.rows[0]).toEqual({ header: 'European Parliament', cells: ['0', '0', '0', '771', '771'] });
		expect(spec.summary).toContain('none has a published assessment yet');
	});

	it('summarises assessed directions', () => {
		const spec = amendmentsByDirectionChart(
			[
				{ group: 'EP', direction: 'strengthens', n: 2 },
				{ group: 'EP', direction: 'weakens', n: 1 },
				{ group: 'EP', direction: null, n: 5 }
			],
			'stage'
		);
		expect(spec.summary).toBe(
			'8 amendments: 3 assessed (2 strengthening the ban and 1 weakening it), 5 not assessed yet.'
		);
	});
});
