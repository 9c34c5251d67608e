import { listing, type ChartSpec } from './spec';

export const stanceOrder = ['full_ban', 'ban_with_exceptions', 'neutral', 'opposes', 'unknown'] as const;
export type StanceKey = (typeof stanceOrder)[number];

export const stanceLabels: Record<StanceKey, string> = {
	full_ban: 'Full ban',
	ban_with_exceptions: 'Ban with exceptions',
	neutral: 'Neutral',
	opposes: 'Opposes a ban',
	unknown: 'Stance unknown'
};
export const NO_POSITION = 'No position recorded';

export interface StatePosition {
	state: string;
	/** ISO 8601, possibly partial; positions without a date cannot be placed in time and are left out. */
	date: string | null;
	stance: StanceKey;
}

export interface Period {
	label: string;
	/** Last day of the period, 'YYYY-MM-DD'. */
	end: string;
}

/** Half-years from the one holding `from` to the one holding `to`: 'H2 2021' … */
export function halfYears(from: string, to: string): Period[] {
	const start = { y: Number(from.slice(0, 4)), h: Number(from.slice(5, 7) || '1') > 6 ? 2 : 1 };
	const stop = { y: Number(to.slice(0, 4)), h: Number(to.slice(5, 7) || '1') > 6 ? 2 : 1 };
	const periods: Period[] = [];
	let { y, h } = start;
	while ((y < stop.y || (y === stop.y && h <= stop.h)) && periods.length < 200) {
		periods.push({ label: `H${h} ${y}`, end: h === 1 ? `${y}-06-30` : `${y}-12-31` });
		if (h === 2) {
			y += 1;
			h = 1;
		} else h = 2;
	}
	return periods;
}

/**
 * How many member states held each stance at the end of each period: each state counts once, with its
 * latest dated position up to then (a partial date counts from its start); states with none count as
 * "no position recorded". As in the matrix (`cellsAsOf`), a later record that states no stance does not
 * hide an earlier stated one.
 */
export function stancesOverTime(states: string[], positions: StatePosition[], periods: Period[]) {
	const dated = positions.filter((p) => p.date).sort((a, b) => a.date!.localeCompare(b.date!));
	const rows = periods.map((period) => {
		const latest = new Map<string, StanceKey>();
		for (const p of dated) {
			if (p.date! > period.end || !states.includes(p.state)) continue;
			const held = latest.get(p.state);
			if (p.stance !== 'unknown' || held === undefined || held === 'unknown') latest.set(p.state, p.stance);
		}
		const counts = Object.fromEntries(stanceOrder.map((s) => [s, 0])) as Record<StanceKey, number>;
		for (const stance of latest.values()) counts[stance] += 1;
		return { period, counts, none: states.length - latest.size };
	});
	return { rows, undated: positions.length - dated.length };
}

/** The stance chart for one topic (or the ban as a whole). */
export function stanceChart(
	states: string[],
	positions: StatePosition[],
	periods: Period[],
	topicName: string
): ChartSpec {
	const { rows, undated } = stancesOverTime(states, positions, periods);
	const last = rows.at(-1);
	let summary: string;
	if (!last) summary = `No dated position on ${topicName} is recorded.`;
	else {
		const held = stanceOrder
			.filter((s) => last.counts[s] > 0)
			.map((s) => `${last.counts[s]} ${stanceLabels[s].toLowerCase()}`);
		summary =
			`At the end of ${last.period.label}, ${states.length - last.none} of ${states.length} member states have a published position on ${topicName}` +
			(held.length ? ` (${listing(held)})` : '') +
			`; ${last.none} have none recorded.`;
		if (last.counts.unknown > 0)
			summary +=
				' “Stance unknown” means the recorded sources state no position on the ban that Trilogue’s scale can hold (many concern a national law or police practice).';
	}
	if (undated) summary += ` ${undated} undated ${undated === 1 ? 'position is' : 'positions are'} left out.`;
	return {
		id: 'stances-over-time',
		title: `Member states by stance over time: ${topicName}`,
		kind: 'stacked-bar',
		labels: rows.map((r) => r.period.label),
		series: [
			...stanceOrder.map((s) => ({ label: stanceLabels[s], values: rows.map((r) => r.counts[s]) })),
			{ label: NO_POSITION, values: rows.map((r) => r.none) }
		],
		yLabel: 'member states',
		yMax: states.length,
		showTotal: true,
		labelHeader: 'Period',
		summary
	};
}
