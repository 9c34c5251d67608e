import type { ChartSpec } from './spec';
import { formatValue, listing } from './spec';

export interface BanCriterionInfo {
	id: number;
	key: string;
	label: string;
}

/** A text of the act at one stage. `documentId` null: a text Trilogue does not hold (so it cannot be scored). */
export interface ScoredText {
	documentId: number | null;
	label: string;
	date: string | null;
	/** Why a text is not scored, shown with it. */
	note?: string;
}

export interface BanScoreValue {
	criterionId: number;
	documentId: number;
	score: number;
}

export interface BanStrengthRow {
	text: ScoredText;
	/** One per criterion, in the criteria's order; null when not scored. */
	scores: (number | null)[];
	/** Sum of the scores, or null when any criterion is unscored (a partial sum would mislead). */
	total: number | null;
	/** How many demands are fully met, met in part, not met, unknown. */
	met: number;
	partly: number;
	notMet: number;
	unknown: number;
}

/** Scores are 0 to 1; anything else is a data error, clamped rather than drawn off the scale. */
const clamp = (n: number) => Math.min(1, Math.max(0, n));

/** The ban's strength in each text: each criterion's score and their sum. */
export function banStrength(
	criteria: BanCriterionInfo[],
	texts: ScoredText[],
	scores: BanScoreValue[]
): BanStrengthRow[] {
	const byKey = new Map(scores.map((s) => [`${s.documentId}:${s.criterionId}`, clamp(s.score)]));
	return texts.map((text) => {
		const values = criteria.map((c) =>
			text.documentId === null ? null : (byKey.get(`${text.documentId}:${c.id}`) ?? null)
		);
		const known = values.filter((v): v is number => v !== null);
		return {
			text,
			scores: values,
			total: known.length === values.length && values.length > 0 ? known.reduce((a, b) => a + b, 0) : null,
			met: known.filter((v) => v === 1).length,
			partly: known.filter((v) => v > 0 && v < 1).length,
			notMet: known.filter((v) => v === 0).length,
			unknown: values.length - known.length
		};
	});
}

/** One sentence per text, e.g. "Final act: 1 of 5 (0 fully met, 2 in part)". */
export function banStrengthSummary(rows: BanStrengthRow[], criteriaCount: number): string {
	if (rows.length === 0 || criteriaCount === 0) return 'No text has been scored yet.';
	const parts = rows.map((r) =>
		r.total === null
			? `${r.text.label}: unknown${r.unknown < criteriaCount ? ` (${r.unknown} of ${criteriaCount} demands not scored)` : ''}`
			: `${r.text.label}: ${formatValue(r.total)} of ${criteriaCount} (${r.met} fully met, ${r.partly} in part)`
	);
	const scored = rows.filter((r) => r.total !== null);
	let verdict = '';
	if (scored.length > 0) {
		const best = Math.max(...scored.map((r) => r.total!));
		const strongest = scored.filter((r) => r.total === best).map((r) => r.text.label);
		verdict = ` The ban is strongest in ${listing(strongest)}.`;
		const last = scored.at(-1)!;
		if (scored.length > 1 && last.total! < best)
			verdict += ` The last scored text, ${last.text.label}, meets ${formatValue(last.total)}.`;
	}
	return `How many of the ${criteriaCount} demands each text meets (1 each when fully met, 0.5 in part): ${parts.join('; ')}.${verdict}`;
}

/** The ban-strength chart: one stacked bar per text, one segment per demand, height = demands met. */
export function banStrengthChart(criteria: BanCriterionInfo[], rows: BanStrengthRow[], id = 'ban-strength'): ChartSpec {
	return {
		id,
		title: 'The ban’s strength at each stage',
		kind: 'stacked-bar',
		labels: rows.map((r) => r.text.label),
		series: criteria.map((c, i) => ({ label: c.label, values: rows.map((r) => r.scores[i]) })),
		yLabel: `demands met (of ${criteria.length})`,
		yMax: criteria.length,
		showTotal: true,
		labelHeader: 'Text',
		summary: banStrengthSummary(rows, criteria.length)
	};
}
