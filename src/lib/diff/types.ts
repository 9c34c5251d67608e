/** One run of text in a diff: kept on both sides, only in the new text, or only in the old text. */
export interface Segment {
	type: 'equal' | 'insert' | 'delete';
	text: string;
	/** Set on a change whose text adds or removes an operative word (shall, may, unless, …). */
	operative?: boolean;
}

/**
 * One row of the diff: a paragraph (or point) of the old text aligned with one of the new text.
 * `left` is null for an inserted paragraph, `right` is null for a deleted one.
 * Joining the `equal` and `delete` segments gives `left`; joining `equal` and `insert` gives `right`
 * (whitespace inside unchanged runs is taken from the new text).
 */
export interface ParagraphDiff {
	left: string | null;
	right: string | null;
	status: 'equal' | 'changed' | 'inserted' | 'deleted';
	segments: Segment[];
	/** True when this pair was shown as a whole replacement because the time budget ran out. */
	coarse?: boolean;
}

/** An operative word or phrase that a change added or removed. */
export interface OperativeChange {
	word: string;
	change: 'added' | 'removed';
}

export interface TextDiff {
	paragraphs: ParagraphDiff[];
	/** Words (and labels, footnote markers) added; punctuation is not counted. */
	added: number;
	/** Words (and labels, footnote markers) removed; punctuation is not counted. */
	removed: number;
	/** Operative words/phrases that changed, lower case, each once, in reading order. */
	operativeChanges: string[];
	/** The same with the direction of each change, in reading order (a word may appear twice). */
	operativeDetail: OperativeChange[];
	/** True when part of the diff is coarser than word level (see `coarseReason`). */
	coarse: boolean;
	coarseReason?: string;
	/** Wall time spent, for display and benchmarks. */
	ms: number;
}

export interface DiffOptions {
	/** Time budget in milliseconds before falling back to paragraph-level output. Default 250. */
	budgetMs?: number;
}
