import { isUpcoming } from '$lib/dates';
import type { SourceRef } from '$lib/sources';

/**
 * A stage whose date a later act moved ("supersededBy" in dossier.json) keeps its original date, as the
 * original text set it, and carries the move as a source of kind 'superseded-by': the entry that moved it
 * is a timeline entry of its own (its key in `locator`), with its own sources. No schema change is needed,
 * and an editor sees and keeps it in the stage's sources like any other.
 */
export const SUPERSEDED_BY = 'superseded-by';
export const SUPERSEDED_IN_PART_BY = 'superseded-in-part-by';

export interface Supersession {
	/** The timeline key of the entry that sets the new date ('event:omnibus-annex-i-high-risk-apply'). */
	entryKey: string;
	title: string;
	/** The date that now applies. */
	date: string | null;
	/** Only part of the stage moved (the rest still applies on the original date). */
	partly: boolean;
	note: string | null;
}

/** The source recording a move, as the seed stores it. */
export function supersessionRef(s: Supersession): SourceRef {
	return {
		title: s.title,
		kind: s.partly ? SUPERSEDED_IN_PART_BY : SUPERSEDED_BY,
		url: null,
		locator: s.entryKey,
		published: s.date,
		note: s.note
	};
}

/** The move recorded in an entry's sources, if any; and the sources without it, to show as sources. */
export function splitSupersession(sources: SourceRef[]): { supersededBy: Supersession | null; sources: SourceRef[] } {
	const ref = sources.find((s) => (s.kind === SUPERSEDED_BY || s.kind === SUPERSEDED_IN_PART_BY) && s.locator);
	if (!ref) return { supersededBy: null, sources };
	return {
		supersededBy: {
			entryKey: ref.locator!,
			title: ref.title,
			date: ref.published ?? null,
			partly: ref.kind === SUPERSEDED_IN_PART_BY,
			note: ref.note ?? null
		},
		sources: sources.filter((s) => s !== ref)
	};
}

export interface StepCandidate {
	key: string;
	kind: 'stage' | 'event';
	title: string;
	date: string | null;
	sources: SourceRef[];
}

export interface NextStep {
	key: string;
	kind: 'stage' | 'event';
	title: string;
	/** The date it is due: for a stage a later act moved, the new date. */
	date: string;
	/** The original date, when a later act moved it. */
	originalDate: string | null;
}

/**
 * What comes next after `today`, soonest first: stages and events alike. A stage a later act moved as a
 * whole is due on its new date, or left out when the entry that moved it is itself on the list (it would
 * otherwise be listed twice); a stage moved only in part keeps its date, since the rest still applies then.
 * Undated entries are never "next": nobody can say when they come.
 */
export function nextSteps(entries: StepCandidate[], today: string, limit = 3): NextStep[] {
	const keys = new Set(entries.map((e) => e.key));
	const steps: NextStep[] = [];
	for (const e of entries) {
		const { supersededBy } = splitSupersession(e.sources);
		const moved = supersededBy && !supersededBy.partly ? supersededBy : null;
		if (moved && keys.has(moved.entryKey)) continue;
		const date = moved ? moved.date : e.date;
		if (!date || !isUpcoming(date, today)) continue;
		steps.push({ key: e.key, kind: e.kind, title: e.title, date, originalDate: moved ? e.date : null });
	}
	return steps
		.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'stage' ? -1 : 1))
		.slice(0, limit);
}
