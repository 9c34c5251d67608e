import type { Hunk } from './cleanup';
import type { OperativeChange } from './types';

/**
 * Words and phrases that carry the legal force of a provision: an obligation, a permission, a
 * prohibition, an exception or a threshold. A change to one of them changes what the law
 * requires, so the diff flags it. Bare "not" is left out (most are descriptive: "would not have
 * taken"); the modal negations are phrases, so "shall" becoming "shall not" reports "shall not".
 * English only: the sources are the English versions.
 */
export const OPERATIVE_PHRASES: readonly string[] = [
	'shall not',
	'may not',
	'must not',
	'should not',
	'need not',
	'provided that',
	'without prejudice',
	'at least',
	'no later than',
	'shall',
	'should',
	'must',
	'may',
	'cannot',
	'unless',
	'except',
	'only',
	'solely',
	'exclusively',
	'prohibited',
	'prohibit',
	'prohibits',
	'prohibition',
	'never',
	'notwithstanding',
	'required',
	'obliged',
	'mandatory',
	'exempt',
	'exempted',
	'derogation',
	'derogate',
	'derogating',
	'permitted',
	'strictly'
];

// First word → phrases (as word arrays) starting with it, longest first, so "shall not" wins
// over "shall".
const BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of OPERATIVE_PHRASES) {
	const words = phrase.split(' ');
	const list = BY_FIRST_WORD.get(words[0]) ?? [];
	list.push(words);
	list.sort((x, y) => y.length - x.length);
	BY_FIRST_WORD.set(words[0], list);
}

function key(token: string): string {
	// "May" capitalised is nearly always the month ("14 May 2024"), not the modal verb.
	return token === 'May' ? '' : token.toLowerCase();
}

interface Occurrence {
	word: string;
	start: number;
	end: number;
}

/** Operative words and phrases in a token list, with their token ranges, left to right. */
export function findOperative(tokens: string[]): Occurrence[] {
	const found: Occurrence[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const candidates = BY_FIRST_WORD.get(key(tokens[i]));
		if (!candidates) continue;
		for (const words of candidates) {
			let ok = i + words.length <= tokens.length;
			for (let j = 1; ok && j < words.length; j++) ok = key(tokens[i + j]) === words[j];
			if (ok) {
				found.push({ word: words.join(' '), start: i, end: i + words.length });
				i += words.length - 1;
				break;
			}
		}
	}
	return found;
}

/** Operative words a change hunk removed and added, after cancelling the ones on both sides. */
export interface HunkOperative {
	removed: string[];
	added: string[];
}

function assign(occurrences: Occurrence[], hunks: Hunk[], side: 'a' | 'b', into: Map<number, string[]>): void {
	let h = 0;
	for (const occ of occurrences) {
		// Both lists are in text order, so one forward walk pairs them.
		for (; h < hunks.length; h++) {
			const end = side === 'a' ? hunks[h].a1 : hunks[h].b1;
			if (end > occ.start) break;
		}
		// A phrase may straddle an unchanged word and a change ("shall" kept, "not" inserted):
		// it belongs to the first change hunk it touches.
		for (let k = h; k < hunks.length; k++) {
			const hunk = hunks[k];
			const start = side === 'a' ? hunk.a0 : hunk.b0;
			const end = side === 'a' ? hunk.a1 : hunk.b1;
			if (start >= occ.end) break;
			if (!hunk.equal && end > start && end > occ.start) {
				const list = into.get(k) ?? [];
				list.push(occ.word);
				into.set(k, list);
				break;
			}
		}
	}
}

function subtract(from: string[], other: string[]): string[] {
	const rest = [...other];
	return from.filter((word) => {
		const i = rest.indexOf(word);
		if (i < 0) return true;
		rest.splice(i, 1);
		return false;
	});
}

/**
 * For each change hunk (by index), the operative words it removed and added. A word found on both
 * sides of one hunk ("shall" in the old and in the rewritten clause) is not a change of force and
 * is dropped from both lists.
 */
export function operativeByHunk(hunks: Hunk[], left: string[], right: string[]): Map<number, HunkOperative> {
	const removed = new Map<number, string[]>();
	const added = new Map<number, string[]>();
	assign(findOperative(left), hunks, 'a', removed);
	assign(findOperative(right), hunks, 'b', added);
	const out = new Map<number, HunkOperative>();
	for (const k of new Set([...removed.keys(), ...added.keys()])) {
		const r = removed.get(k) ?? [];
		const a = added.get(k) ?? [];
		const result = { removed: subtract(r, a), added: subtract(a, r) };
		if (result.removed.length || result.added.length) out.set(k, result);
	}
	return out;
}

/** Flatten per-hunk results into the reading-order list kept on the diff result. */
export function operativeDetail(byHunk: Map<number, HunkOperative>): OperativeChange[] {
	const detail: OperativeChange[] = [];
	for (const k of [...byHunk.keys()].sort((x, y) => x - y)) {
		const { removed, added } = byHunk.get(k)!;
		for (const word of removed) detail.push({ word, change: 'removed' });
		for (const word of added) detail.push({ word, change: 'added' });
	}
	return detail;
}
