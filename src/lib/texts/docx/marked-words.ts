/**
 * Words in place, for comparing a Council text's marks with our diff word by word (see src/lib/diff/marks.ts):
 * the document's marks as it prints them (bold on its text, strikethrough on its copy of the Commission
 * proposal, underline), and our diff's changes with how our diff came to make each. Pure.
 */
import { diffArrays } from 'diff';
import { diffProvisionText } from '../../diff/index';
import { REWRITE_BELOW } from '../../diff/paragraph';
import { contentBag, dice } from '../../diff/similarity';
import { counting, diffWords, type DiffWords, type Word } from '../../diff/marks';
import { tokenise, tokeniseParagraphs } from '../../diff/tokenise';
import { joinHyphenated, type Segment } from './marks';

export interface Sides {
	/** The new text: the Council's (what its item text is made of) or what our diff's insertions are counted on. */
	after: Word[];
	/** The old text: the document's copy of the proposal (its struck text kept) or the seeded proposal. */
	before: Word[];
}

/**
 * One version of a printed line, with the raw offset and mark of every character: segments for which `drop`
 * holds are left out, with a space kept where they held one, as versionText does; then a word broken at the end
 * of a printed line is joined again, as joinHyphenated does.
 */
function version(
	segments: Segment[],
	drop: (s: Segment) => boolean,
	mark: (s: Segment) => boolean
): { text: string; at: number[]; marked: boolean[] } {
	let text = '';
	const at: number[] = [];
	const marked: boolean[] = [];
	let raw = 0;
	let space = false;
	for (const s of segments) {
		if (drop(s)) {
			space ||= /\s/.test(s.text);
			raw += s.text.length;
			continue;
		}
		if (space && s.text && !/\s$/.test(text) && text && !/^[\s,.;:!?)\]’”]/.test(s.text)) {
			text += ' ';
			at.push(raw);
			marked.push(false);
		}
		space = false;
		for (let k = 0; k < s.text.length; k++) {
			at.push(raw + k);
			marked.push(mark(s));
		}
		text += s.text;
		raw += s.text.length;
	}
	// joinHyphenated removes the space after "high-": do the same here, offsets and marks with it.
	const joined = joinHyphenated(text);
	if (joined !== text) {
		const keep: number[] = [];
		for (let i = 0, j = 0; i < text.length; i++) {
			if (j < joined.length && text[i] === joined[j]) {
				keep.push(i);
				j++;
			}
		}
		return { text: joined, at: keep.map((i) => at[i]), marked: keep.map((i) => marked[i]) };
	}
	return { text, at, marked };
}

function wordsOf(line: number, v: { text: string; at: number[]; marked: boolean[] }): Word[] {
	const t = tokenise(v.text);
	return t.tokens.map((text, k) => {
		let marked = false;
		for (let c = t.starts[k]; c < t.ends[k] && !marked; c++) marked = v.marked[c];
		return { text, marked, counted: true, line, at: v.at[t.starts[k]] };
	});
}

/**
 * The document's two versions of an item: its text (struck runs left out, a word touched by bold marked) and its
 * copy of the Commission proposal (bold runs left out, a word touched by strikethrough marked).
 */
export function documentSides(lines: Segment[][]): Sides {
	const after: Word[] = [];
	const before: Word[] = [];
	lines.forEach((segments, line) => {
		after.push(
			...wordsOf(
				line,
				version(
					segments,
					(s) => s.deleted,
					(s) => s.added
				)
			)
		);
		before.push(
			...wordsOf(
				line,
				version(
					segments,
					(s) => s.added,
					(s) => s.deleted
				)
			)
		);
	});
	return { after: counting(after), before: counting(before) };
}

/**
 * The document's underlining (changed since the text it revises), in place: `text` is its text (struck runs left
 * out), `printed` everything it prints (struck runs kept, flagged `struck`), each word marked when underlined.
 */
export function underlinedSides(lines: Segment[][]): {
	text: (Word & { struck: boolean })[];
	printed: (Word & { struck: boolean })[];
} {
	const text: (Word & { struck: boolean })[] = [];
	const printed: (Word & { struck: boolean })[] = [];
	lines.forEach((segments, line) => {
		text.push(
			...wordsOf(
				line,
				version(
					segments,
					(s) => s.deleted,
					(s) => s.changed
				)
			).map((w) => ({ ...w, struck: false }))
		);
		// The same characters twice, once marked by underline and once by strikethrough, so the words line up.
		const struck = wordsOf(
			line,
			version(
				segments,
				() => false,
				(s) => s.deleted
			)
		);
		printed.push(
			...wordsOf(
				line,
				version(
					segments,
					() => false,
					(s) => s.changed
				)
			).map((w, k) => ({ ...w, struck: struck[k]?.marked ?? false }))
		);
	});
	counting(text);
	counting(printed);
	return { text, printed };
}

/** How our diff came to change a word: what a reader of the diff would see differently with another engine. */
export type ChangeHow =
	/**
	 * The document keeps the word but moves it into another paragraph (a paragraph split in two, two merged, a
	 * paragraph left unpaired): our diff aligns paragraphs first and compares words only within a pair.
	 */
	| 'across paragraphs'
	/** The pair shares too few content words to diff word by word, so it is shown as one replacement. */
	| 'rewrite'
	/** The word diff (Myers) keeps the word; the semantic clean-up folded it into a replacement. */
	| 'clean-up'
	/** The word diff itself changes it. */
	| 'word diff';

export interface DiffSides extends Sides, DiffWords {
	/** Per word of `after` and of `before`: how our diff came to change it (meaningless for kept words). */
	howAfter: ChangeHow[];
	howBefore: ChangeHow[];
}

/** Our diff from `before` to `after` as words in place, with which old word each kept new word is. */
export function diffSides(before: string, after: string): DiffSides {
	const diff = diffProvisionText(before, after, { budgetMs: 2000 });
	const words = diffWords(diff);
	const out: DiffSides = { ...words, howAfter: [], howBefore: [] };
	// The words of each row are consecutive, row by row: take each row's ways of change in turn.
	const hows = diff.paragraphs.map((p) => changeHow(p.left, p.right));
	const take = (side: 'before' | 'after', to: ChangeHow[]) => {
		let [line, k] = [-1, 0];
		for (const w of words[side]) {
			[line, k] = w.line === line ? [line, k + 1] : [w.line, 0];
			to.push(hows[line][side][k] ?? 'word diff');
		}
	};
	take('before', out.howBefore);
	take('after', out.howAfter);
	return out;
}

/** Per token of each side of a paragraph pair, how our diff came to change it (see ChangeHow). */
function changeHow(left: string | null, right: string | null): { before: ChangeHow[]; after: ChangeHow[] } {
	const a = left === null ? [] : tokeniseParagraphs(left).tokens;
	const b = right === null ? [] : tokeniseParagraphs(right).tokens;
	if (left === null || right === null)
		return { before: a.map(() => 'across paragraphs'), after: b.map(() => 'across paragraphs') };
	if (dice(contentBag(a), contentBag(b)) < REWRITE_BELOW)
		return { before: a.map(() => 'rewrite'), after: b.map(() => 'rewrite') };
	const before: ChangeHow[] = [];
	const after: ChangeHow[] = [];
	for (const c of diffArrays(a, b)) {
		const how: ChangeHow = c.added || c.removed ? 'word diff' : 'clean-up';
		if (!c.added) for (let k = 0; k < c.count; k++) before.push(how);
		if (!c.removed) for (let k = 0; k < c.count; k++) after.push(how);
	}
	return { before, after };
}
