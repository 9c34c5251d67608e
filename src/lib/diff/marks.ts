import type { TextDiff } from './types';
import { isWordToken, tokenise } from './tokenise';

/** Where a document's own change marks and our diff disagree, word by word. */
export interface MarkDisagreement {
	/** Words the document marks that our diff leaves unchanged. */
	markedNotChanged: string[];
	/** Words our diff changes that the document does not mark. */
	changedNotMarked: string[];
}

/** A Council text's three kinds of marks, each set against the diff it describes. */
export interface MarkCheck {
	/** Bold (against the Commission proposal) compared with the words our diff adds to the proposal. */
	added: MarkDisagreement;
	/**
	 * Struck through (against the proposal) compared with the words our diff removes from it. Null for a part
	 * of an article: struck words are no longer in any part's text, so the import files them with the article.
	 */
	deleted: MarkDisagreement | null;
	/**
	 * Underlined (since the text it revises) compared with the words our diff adds since the text before it.
	 * Null when the text before it here is not the one it says it revises: the two would not describe the same change.
	 */
	changed: MarkDisagreement | null;
}

/** Footnote markers are renumbered with every text; no document marks them as a change. */
const words = (text: string) => tokenise(text).tokens.filter((t) => isWordToken(t) && !t.startsWith('[^'));

/** The words a diff inserts (or deletes), in reading order. */
export function changedWords(diff: Pick<TextDiff, 'paragraphs'>, type: 'insert' | 'delete'): string[] {
	return diff.paragraphs.flatMap((p) => p.segments.filter((s) => s.type === type).flatMap((s) => words(s.text)));
}

/**
 * Compares the runs a document marks (its bold, strikethrough or underlined words) with the words our diff
 * inserts or deletes. Marks carry no position we can trust once the text is split into provisions, so
 * both sides are compared as bags of words (case kept: "Shall" and "shall" are different marks); each word
 * is listed as often as it is left over, in reading order.
 */
export function compareMarks(
	marked: string[],
	diff: Pick<TextDiff, 'paragraphs'>,
	type: 'insert' | 'delete'
): MarkDisagreement {
	const ours = changedWords(diff, type);
	return {
		markedNotChanged: leftOver(marked.flatMap(words), ours),
		changedNotMarked: leftOver(ours, marked.flatMap(words))
	};
}

/** The words of `a` not matched one for one by a word of `b`. */
function leftOver(a: string[], b: string[]): string[] {
	const counts = new Map<string, number>();
	for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
	const out: string[] = [];
	for (const w of a) {
		const n = counts.get(w) ?? 0;
		if (n > 0) counts.set(w, n - 1);
		else out.push(w);
	}
	return out;
}
