import { amendmentStatuses, assessmentDirections, type AmendmentStatus } from '$lib/amendments/statuses';
import { statusLabels } from '$lib/amendments/lifecycle';
import { listing, pivotCounts, type ChartSpec } from './spec';

export const NOT_ASSESSED = 'Not assessed';
export const directionLabels: Record<string, string> = {
	strengthens: 'Strengthens the ban',
	weakens: 'Weakens the ban',
	neutral: 'Neutral'
};
const directionInProse: Record<string, string> = {
	strengthens: 'strengthening the ban',
	weakens: 'weakening it',
	neutral: 'neutral'
};
const directionOrder = [...assessmentDirections.map((d) => directionLabels[d]), NOT_ASSESSED];

export interface StatusCount {
	/** Where the amendments were tabled (the stage), e.g. 'EP plenary, 14 June 2023'. */
	stage: string;
	status: AmendmentStatus;
	n: number;
}

export interface DirectionCount {
	/** The stage or the author. */
	group: string;
	/** A published assessment's direction, or null when none is published. */
	direction: string | null;
	n: number;
}

const sum = (xs: { n: number }[]) => xs.reduce((a, c) => a + c.n, 0);

/** Amendments by status at each stage. */
export function amendmentsByStatusChart(counts: StatusCount[]): ChartSpec {
	const present = amendmentStatuses.filter((s) => counts.some((c) => c.status === s && c.n > 0));
	const { labels, series } = pivotCounts(
		counts.map((c) => ({ x: c.stage, series: statusLabels[c.status], n: c.n })),
		[],
		present.map((s) => statusLabels[s])
	);
	const total = sum(counts);
	const parts = present.map((s) => `${sum(counts.filter((c) => c.status === s))} ${statusLabels[s].toLowerCase()}`);
	return {
		id: 'amendments-by-status',
		title: 'Amendments by status at each stage',
		kind: 'stacked-bar',
		labels,
		series,
		yLabel: 'amendments',
		showTotal: true,
		labelHeader: 'Stage',
		summary: total
			? `${total} amendments recorded at ${labels.length} ${labels.length === 1 ? 'stage' : 'stages'} (${listing(labels)}): ${listing(parts)}.`
			: 'No amendments are recorded yet.'
	};
}

/**
 * Amendments by the coalition's published assessment of their direction, grouped by stage or author.
 * Amendments without a published assessment are counted as "not assessed", never guessed.
 */
export function amendmentsByDirectionChart(counts: DirectionCount[], by: 'stage' | 'author'): ChartSpec {
	const { labels, series } = pivotCounts(
		counts.map((c) => ({
			x: c.group,
			series: c.direction ? (directionLabels[c.direction] ?? c.direction) : NOT_ASSESSED,
			n: c.n
		})),
		[],
		directionOrder
	);
	const total = sum(counts);
	const unassessed = sum(counts.filter((c) => !c.direction));
	const assessed = total - unassessed;
	const detail = assessmentDirections
		.map((d) => [d, sum(counts.filter((c) => c.direction === d))] as const)
		.filter(([, n]) => n > 0)
		.map(([d, n]) => `${n} ${directionInProse[d]}`);
	let summary = total ? `${total} amendments` : 'No amendments are recorded yet.';
	if (total) {
		summary += by === 'author' ? ` by ${labels.length} ${labels.length === 1 ? 'author' : 'authors'}` : '';
		summary += assessed
			? `: ${assessed} assessed (${listing(detail)}), ${unassessed} not assessed yet.`
			: ': none has a published assessment yet, so every one shows as “not assessed”.';
	}
	return {
		id: by === 'author' ? 'amendments-by-author' : 'amendments-by-direction',
		title:
			by === 'author'
				? 'Amendments by assessed direction, per author'
				: 'Amendments by assessed direction at each stage',
		kind: 'stacked-bar',
		labels,
		series,
		yLabel: 'amendments',
		showTotal: true,
		labelHeader: by === 'author' ? 'Author' : 'Stage',
		summary
	};
}
