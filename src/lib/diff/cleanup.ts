import type { ArrayChange } from 'diff';
import { isGlueToken } from './similarity';

/**
 * A run of the token-level diff. Equal hunks and change hunks alternate; a change hunk replaces
 * left tokens [a0, a1) by right tokens [b0, b1) (either range may be empty).
 */
export interface Hunk {
	equal: boolean;
	a0: number;
	a1: number;
	b0: number;
	b1: number;
}

/** Turn jsdiff change objects into alternating equal/change hunks (adjacent changes merged). */
export function hunksFromChanges(changes: ArrayChange<string>[]): Hunk[] {
	const hunks: Hunk[] = [];
	let a = 0;
	let b = 0;
	for (const change of changes) {
		const n = change.count;
		const equal = !change.added && !change.removed;
		const last = hunks[hunks.length - 1];
		const target = last && last.equal === equal ? last : null;
		const hunk = target ?? { equal, a0: a, a1: a, b0: b, b1: b };
		if (!target) hunks.push(hunk);
		if (!change.added) a += n;
		if (!change.removed) b += n;
		hunk.a1 = a;
		hunk.b1 = b;
	}
	return hunks;
}

// An unchanged run with this many content words (not glue, not punctuation) is a phrase of its own and always
// stays unchanged, however long the changes around it: folding it would show words the text keeps as deleted
// and inserted again. Measured on the Council's compromise texts against their own change marks: at eight, the
// clean-up folded 3-4% of all changed words that the document keeps ("should be forbidden. Such AI systems
// deploy subliminal components" between two rewrites); at three, half as many, while kept runs of one or two
// words between changes (the confetti) are as rare as before, on those texts and on the proposal against the act.
const KEEP_FROM_CONTENT_WORDS = 3;

// What a kept content word weighs against the changes around it, per character. At one, a word such as
// "materially" kept between "in order to" → "with the objective to or the effect of" and "distort" →
// "distorting" was folded into one replacement, though the text keeps it: on the Council's compromise texts
// against their own marks, 1.5-2.5% of all changed words. At two, half of those stay kept, and kept runs of
// one or two words between changes on the proposal against the act rise from 89 to 130 (of 2,500 changes),
// each a content word the text keeps ("(i) the targeted search for specific [-potential-] victims of").
const CONTENT_WEIGHT = 2;

function tokenWeight(token: string): number {
	// An unchanged run of glue between two changes is what makes a rewritten clause read as
	// confetti, so glue counts one character however long it is.
	return isGlueToken(token) ? 1 : CONTENT_WEIGHT * token.length;
}

/** Running sums over a token list, so the weight or length of any run costs O(1), not O(run). */
function prefixSums(tokens: string[], of: (token: string) => number): Float64Array {
	const sums = new Float64Array(tokens.length + 1);
	for (let i = 0; i < tokens.length; i++) sums[i + 1] = sums[i] + of(tokens[i]);
	return sums;
}

/**
 * Semantic clean-up in the manner of diff-match-patch's `cleanupSemantic`: an unchanged run that
 * is no longer than the changes on both sides of it is folded into them, so a rewritten clause
 * becomes one deletion and one insertion. Lengths are counted in characters, with glue words and
 * punctuation in the unchanged run counting one each and content words double (CONTENT_WEIGHT). A run of three or more content words is never
 * folded: it is a kept phrase, not confetti. Mutates nothing; returns new hunks. Stops folding at
 * `deadline` (a `performance.now()` time), so it stays inside the diff's time budget.
 */
export function cleanupSemantic(hunks: Hunk[], left: string[], right: string[], deadline = Infinity): Hunk[] {
	const out = hunks.map((h) => ({ ...h }));
	// Characters plus one space per token; in the unchanged run, glue weighs one and content words double.
	const leftLength = prefixSums(left, (t) => t.length + 1);
	const rightLength = prefixSums(right, (t) => t.length + 1);
	const rightWeight = prefixSums(right, tokenWeight);
	const rightContent = prefixSums(right, (t) => (isGlueToken(t) ? 0 : 1));
	const run = (sums: Float64Array, from: number, to: number) => sums[to] - sums[from];
	let k = 1;
	// Past the deadline the folding stops where it is: the hunks are still a correct diff, only less regrouped.
	while (k < out.length - 1 && performance.now() < deadline) {
		const eq = out[k];
		const prev = out[k - 1];
		const next = out[k + 1];
		if (!eq.equal || prev.equal || next.equal || run(rightContent, eq.b0, eq.b1) >= KEEP_FROM_CONTENT_WORDS) {
			k++;
			continue;
		}
		const w = run(rightWeight, eq.b0, eq.b1);
		const before = Math.max(run(leftLength, prev.a0, prev.a1), run(rightLength, prev.b0, prev.b1));
		const after = Math.max(run(leftLength, next.a0, next.a1), run(rightLength, next.b0, next.b1));
		if (w <= before && w <= after) {
			out.splice(k - 1, 3, { equal: false, a0: prev.a0, a1: next.a1, b0: prev.b0, b1: next.b1 });
			// The merged change is bigger, so the unchanged run before it may now qualify too.
			k = Math.max(1, k - 2);
		} else {
			k++;
		}
	}
	return out;
}
