import { describe, expect, it } from 'vitest';
import { banStrength, banStrengthChart, banStrengthSummary } from './ban-strength';
import { tableOf } from './spec';

const criteria = [
	{ id: 1, key: 'private-actors', label: 'Private actors' },
	{ id: 2, key: 'post-rbi', label: 'Post identification' },
	{ id: 3, key: 'no-exceptions', label: 'No exceptions' }
];
const texts = [
	{ documentId: 10, label: 'Proposal (2021)', date: '2021-04-21' },
	{ documentId: 20, label: 'EP amendments (2023)', date: '2023-06-14' },
	{ documentId: 30, label: 'Final act (2024)', date: '2024-07-12' },
	{ documentId: null, label: 'Later amending acts', date: '2026-06-29', note: 'Not scored.' }
];
const scores = [
	...criteria.map((c) => ({ criterionId: c.id, documentId: 10, score: 0 })),
	{ criterionId: 1, documentId: 20, score: 1 },
	{ criterionId: 2, documentId: 20, score: 0.5 },
	{ criterionId: 3, documentId: 20, score: 1 },
	{ criterionId: 1, documentId: 30, score: 0 },
	{ criterionId: 2, documentId: 30, score: 0.5 }
	// criterion 3 in the final act is not scored
];

describe('banStrength', () => {
	it('sums each text’s scores, in the criteria’s order', () => {
		const rows = banStrength(criteria, texts, scores);
		expect(rows.map((r) => r.scores)).toEqual([
			[0, 0, 0],
			[1, 0.5, 1],
			[0, 0.5, null],
			[null, null, null]
		]);
		expect(rows[0].total).toBe(0);
		expect(rows[1].total).toBe(2.5);
		expect(rows[1]).toMatchObject({ met: 2, partly: 1, notMet: 0, unknown: 0 });
	});

	it('gives no total when any criterion is unscored, rather than a misleading partial sum', () => {
		const rows = banStrength(criteria, texts, scores);
		expect(rows[2].total).toBeNull();
		expect(rows[2].unknown).toBe(1);
		expect(rows[3].total).toBeNull();
		expect(rows[3].unknown).toBe(3);
	});

	it('clamps scores outside 0–1', () => {
		const [row] = banStrength(criteria.slice(0, 1), texts.slice(0, 1), [{ criterionId: 1, documentId: 10, score: 7 }]);
		expect(row.total).toBe(1);
	});
});

describe('banStrengthSummary', () => {
	it('names each text’s score, says unknown where it is, and names the strongest', () => {
		const rows = banStrength(criteria, texts, scores);
		const summary = banStrengthSummary(rows, 3);
		expect(summary).toContain('Proposal (2021): 0 of 3');
		expect(summary).toContain('EP amendments (2023): 2.5 of 3 (2 fully met, 1 in part)');
		expect(summary).toContain('Final act (2024): unknown (1 of 3 demands not scored)');
		expect(summary).toContain('Later amending acts: unknown');
		expect(summary).toContain('strongest in EP amendments (2023)');
	});

	it('says when nothing is scored', () => {
		expect(banStrengthSummary([], 5)).toBe('No text has been scored yet.');
	});
});

describe('banStrengthChart', () => {
	it('stacks one series per criterion, and its table matches the scores', () => {
		const spec = banStrengthChart(criteria, banStrength(criteria, texts, scores));
		expect(spec.labels).toEqual(texts.map((t) => t.label));
		expect(spec.series.map((s) => s.label)).toEqual(criteria.map((c) => c.label));
		expect(spec.yMax).toBe(3);
		const table = tableOf(spec);
		expect(table.columns).toEqual(['Text', 'Private actors', 'Post identification', 'No exceptions', 'Total']);
		expect(table.rows[1]).toEqual({ header: 'EP amendments (2023)', cells: ['1', '0.5', '1', '2.5'] });
		expect(table.rows[2].cells).toEqual(['0', '0.5', 'unknown', 'unknown']);
		expect(table.rows[3].cells).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
	});
});
