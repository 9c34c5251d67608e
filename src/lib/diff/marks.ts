/**
 * A document's own change marks set against our diff, word by word in place. Both are lists of words in
 * reading order, in the diff's tokenisation, each flagged as marked: by the document (its bold, strikethrough
 * or underline) or by our diff (an insertion on the new side, a deletion on the old). The Word reader's check
 * (src/lib/texts/docx/mark-agreement.ts) and the Council track both stand on these.
 */
import type { TextDiff } from './types';
import { isLabelToken, isWordToken, tokenise } from './tokenise';

export interface Word {
	text: string;
	marked: boolean;
	/** A word that counts: a letter or digit, not a label "(a)", a footnote `[^12]` or the placeholder "[deleted]". */
	counted: boolean;
	/** Document sides: the line and the offset in the printed line (struck text included), so that the same
	 * printed word can be found on both sides. Our diff: the row of the diff. */
	line: number;
	at: number;
}

/** Our diff as words in place. */
export interface DiffWords {
	/** The new text, words our diff inserts marked. */
	after: Word[];
	/** The old text, words our diff deletes marked. */
	before: Word[];
	/** For each word of `after` that our diff keeps, the index of the word of `before` it keeps; else -1. */
	keeps: number[];
}

/** Marks whether each token counts; "[deleted]" stands for a gap, not for a word of the text. */
export function counting(words: Word[]): Word[] {
	words.forEach((w, k) => {
		const placeholder = w.text === 'deleted' && words[k - 1]?.text === '[' && words[k + 1]?.text === ']';
		w.counted = isWordToken(w.text) && !isLabelToken(w.text) && !w.text.startsWith('[^') && !placeholder;
	});
	return words;
}

/** The words of both sides of a diff in reading order, each flagged as changed, with what each kept word keeps. */
export function diffWords(diff: Pick<TextDiff, 'paragraphs'>): DiffWords {
	const out: DiffWords = { after: [], before: [], keeps: [] };
	diff.paragraphs.forEach((p, line) => {
		let first = true;
		// A row may hold several paragraphs, joined by "\n" (a paragraph split in two, two merged).
		const pieces = p.segments.flatMap((s) => s.text.split('\n').map((text, n) => ({ s, text, opens: n > 0 })));
		for (const { s, text: piece, opens } of pieces) {
			// Only a paragraph's first token can be a leading "1." label: tokenise the rest as inner text.
			first ||= opens;
			const t = first ? tokenise(piece).tokens : tokenise(`x ${piece}`).tokens.slice(1);
			first &&= !/\S/.test(piece);
			for (const text of t) {
				const w = (marked: boolean): Word => ({ text, marked, counted: true, line, at: 0 });
				if (s.type !== 'insert') out.before.push(w(s.type === 'delete'));
				if (s.type !== 'delete') {
					out.after.push(w(s.type === 'insert'));
					out.keeps.push(s.type === 'equal' ? out.before.length - 1 : -1);
				}
			}
		}
	});
	counting(out.after);
	counting(out.before);
	return out;
}

/** Where a document's own change marks and our diff disagree, word by word. */
export interface MarkDisagreement {
	/** Words the document marks that our diff leaves unchanged at that place, in reading order. */
	markedNotChanged: string[];
	/** Words our diff changes that the document does not mark at that place, in reading order. */
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

/** The counted words of a marked run, as they read inside a paragraph. */
const runWords = (run: string) =>
	counting(tokenise(`x ${run}`).tokens.map((text) => ({ text, marked: true, counted: true, line: 0, at: 0 })))
		.slice(1)
		.filter((w) => w.counted)
		.map((w) => w.text);

/**
 * Puts a document's marked runs on the words of the text they were marked in. The runs come in reading order
 * without offsets, so each is placed where its words next occur in a row after the run before it (from the
 * start when not found after it); a run found nowhere is returned as unplaced. Only counted words are compared,
 * so a run that spans a label or punctuation differently is still found.
 */
function placeRuns(runs: string[], side: Word[]): { marked: boolean[]; unplaced: string[] } {
	const at = side.flatMap((w, k) => (w.counted ? [k] : []));
	const texts = at.map((k) => side[k].text);
	const marked = side.map(() => false);
	const unplaced: string[] = [];
	const find = (words: string[], from: number) => {
		for (let i = from; i + words.length <= texts.length; i++) if (words.every((w, k) => texts[i + k] === w)) return i;
		return -1;
	};
	let cursor = 0;
	for (const run of runs) {
		const words = runWords(run);
		if (!words.length) continue;
		let i = find(words, cursor);
		if (i < 0) i = find(words, 0);
		if (i < 0) {
			unplaced.push(...words);
			continue;
		}
		for (let k = i; k < i + words.length; k++) marked[at[k]] = true;
		cursor = i + words.length;
	}
	return { marked, unplaced };
}

/**
 * Compares the runs a document marks (its bold, strikethrough or underlined words) with the words our diff
 * inserts (`type` 'insert': the runs are in the new text) or deletes ('delete': in the old text), word by word
 * in place: a marked word agrees only if our diff changes that very word, so the same word marked in one place
 * and changed in another is listed twice, not taken as agreement. Labels and footnote markers (renumbered with
 * every text) are not words here; case is kept ("Shall" and "shall" are different marks).
 */
export function compareMarks(
	marked: string[],
	diff: Pick<TextDiff, 'paragraphs'>,
	type: 'insert' | 'delete'
): MarkDisagreement {
	const words = diffWords(diff);
	const side = type === 'insert' ? words.after : words.before;
	const placed = placeRuns(marked, side);
	const out: MarkDisagreement = { markedNotChanged: [], changedNotMarked: [] };
	side.forEach((w, k) => {
		if (!w.counted || w.marked === placed.marked[k]) return;
		(w.marked ? out.changedNotMarked : out.markedNotChanged).push(w.text);
	});
	out.markedNotChanged.push(...placed.unplaced);
	return out;
}
