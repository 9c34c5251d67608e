import { diffArrays } from 'diff';
import { cleanupSemantic, hunksFromChanges, type Hunk } from './cleanup';
import { operativeByHunk, operativeDetail } from './operative';
import { contentBag, dice } from './similarity';
import { countWords, type TokenList } from './tokenise';
import type { OperativeChange, Segment } from './types';

/** Word-level diff of one aligned pair of paragraphs. */
export interface PairDiff {
	segments: Segment[];
	added: number;
	removed: number;
	operative: OperativeChange[];
	/** True when the word diff ran out of time and the pair is one deletion plus one insertion. */
	coarse: boolean;
}

// Below this similarity a pair is a rewrite: on the real texts, the clean-up then keeps less
// than a fifth (mostly under 5 %) of the words as unchanged anyway, and those pairs took 90 % of
// the word-diff time, since Myers is slowest on unrelated texts. So skip it.
export const REWRITE_BELOW = 0.25;

const WHITESPACE = /\s/;

/**
 * Diff two tokenised paragraphs word by word (jsdiff's Myers diff over token arrays), clean up
 * the result and build segments. `timeoutMs` <= 0 means no time is left: the pair is returned as
 * a whole replacement without trying.
 */
export function diffParagraphPair(left: TokenList, right: TokenList, timeoutMs: number): PairDiff {
	const deadline = performance.now() + timeoutMs;
	const a = left.tokens;
	const b = right.tokens;
	const whole: Hunk[] = [{ equal: false, a0: 0, a1: a.length, b0: 0, b1: b.length }];
	let minimal: Hunk[] | null = null;
	if (a.length === 0 || b.length === 0) {
		// Nothing to align: skip Myers, which could only report the same thing.
		minimal = whole;
	} else if (dice(contentBag(a), contentBag(b)) < REWRITE_BELOW) {
		minimal = replaceMiddle(a, b);
	} else if (timeoutMs > 0) {
		const changes = diffArrays(a, b, { timeout: Math.ceil(timeoutMs) });
		if (changes) minimal = hunksFromChanges(changes);
	}
	const coarse = minimal === null;
	// Counts come from the minimal diff: clean-up only regroups for reading, and a kept "the"
	// folded into a replacement was not really removed and added.
	let added = 0;
	let removed = 0;
	for (const h of minimal ?? whole) {
		if (h.equal) continue;
		removed += countWords(a, h.a0, h.a1);
		added += countWords(b, h.b0, h.b1);
	}
	const hunks = minimal === null || minimal === whole ? whole : cleanupSemantic(minimal, a, b, deadline);
	const byHunk = operativeByHunk(hunks, a, b);
	const segments = buildSegments(hunks, left, right, (k) => byHunk.get(k));
	return { segments, added, removed, operative: operativeDetail(byHunk), coarse };
}

type OperativeLookup = (k: number) => { removed: string[]; added: string[] } | undefined;

/**
 * Hunks to text segments. An equal hunk is the new text from its first to its last token. A
 * change hunk covers the old and new text between the neighbouring unchanged tokens, spaces
 * included; whitespace both sides share at its edges is emitted as unchanged text so that each
 * side reads back exactly and "<del>" never swallows the space before the next word.
 */
function buildSegments(hunks: Hunk[], left: TokenList, right: TokenList, operativeOf: OperativeLookup): Segment[] {
	const out: Segment[] = [];
	const push = (seg: Segment) => {
		if (!seg.text) return;
		const last = out[out.length - 1];
		if (last && last.type === seg.type && !last.operative && !seg.operative) last.text += seg.text;
		else out.push(seg);
	};
	hunks.forEach((h, k) => {
		if (h.equal) {
			if (h.b1 > h.b0) push({ type: 'equal', text: right.text.slice(right.starts[h.b0], right.ends[h.b1 - 1]) });
			return;
		}
		let del = regionText(left, h.a0, h.a1);
		let ins = regionText(right, h.b0, h.b1);
		const lead = sharedLeadingSpace(del, ins);
		del = del.slice(lead.length);
		ins = ins.slice(lead.length);
		const trail = sharedTrailingSpace(del, ins);
		del = del.slice(0, del.length - trail.length);
		ins = ins.slice(0, ins.length - trail.length);
		const op = operativeOf(k);
		push({ type: 'equal', text: lead });
		push(op?.removed.length ? { type: 'delete', text: del, operative: true } : { type: 'delete', text: del });
		push(op?.added.length ? { type: 'insert', text: ins, operative: true } : { type: 'insert', text: ins });
		push({ type: 'equal', text: trail });
	});
	return out;
}

/** A rewrite as one change, keeping the tokens both sides start and end with (a label, a ";"). */
function replaceMiddle(a: string[], b: string[]): Hunk[] {
	let pre = 0;
	while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
	let suf = 0;
	const room = Math.min(a.length, b.length) - pre;
	while (suf < room && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
	const hunks: Hunk[] = [];
	if (pre) hunks.push({ equal: true, a0: 0, a1: pre, b0: 0, b1: pre });
	hunks.push({ equal: false, a0: pre, a1: a.length - suf, b0: pre, b1: b.length - suf });
	if (suf) hunks.push({ equal: true, a0: a.length - suf, a1: a.length, b0: b.length - suf, b1: b.length });
	return hunks;
}

/** Text replaced by tokens [from, to): from the end of the token before to the start of the one after. */
function regionText(list: TokenList, from: number, to: number): string {
	const start = from > 0 ? list.ends[from - 1] : 0;
	const end = to < list.tokens.length ? list.starts[to] : list.text.length;
	return list.text.slice(start, end);
}

function sharedLeadingSpace(x: string, y: string): string {
	let n = 0;
	while (n < x.length && n < y.length && x[n] === y[n] && WHITESPACE.test(x[n])) n++;
	return x.slice(0, n);
}

function sharedTrailingSpace(x: string, y: string): string {
	let n = 0;
	const room = Math.min(x.length, y.length);
	while (n < room && x[x.length - 1 - n] === y[y.length - 1 - n] && WHITESPACE.test(y[y.length - 1 - n])) n++;
	return x.slice(x.length - n);
}

/** Segments for a paragraph present on one side only. */
export function wholeParagraph(list: TokenList, type: 'insert' | 'delete'): PairDiff {
	const empty: TokenList = { text: '', tokens: [], starts: [], ends: [] };
	const [left, right] = type === 'delete' ? [list, empty] : [empty, list];
	return diffParagraphPair(left, right, 0);
}
