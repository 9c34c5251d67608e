/**
 * Text similarity for provision lineage: word-shingle sets compared by Jaccard, and a greedy one-to-one
 * assignment of the best pairs. Pure and fast enough to run over whole acts inside the seed.
 */

/** Words of a provision for comparison: lower case, without its leading label, footnote markers or punctuation. */
export function comparableWords(text: string): string[] {
	const body = text
		.replace(/\[\^\w+\]/g, ' ')
		.replace(/^\s*(\((-?[a-z]{1,4}|\d+\s?[a-z]{0,2})\)|[a-z]\)|-?\d+(\.\d+)*\s?[a-z]{0,2}\.)\s+/i, '')
		.toLowerCase();
	return body.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a, 32 bits: shingles are stored as numbers so sets stay small and comparisons cheap. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * The set of `size`-word shingles of a text (hashed). A text shorter than `size` words gives one
 * shingle of all its words, so short headings still compare.
 */
export function shingles(text: string, size = 3): ReadonlySet<number> {
	if (size !== 3) return shinglesOf(text, size);
	let set = recent.get(text);
	if (!set) {
		if (recent.size >= RECENT) recent.clear();
		recent.set(text, (set = shinglesOf(text, size)));
	}
	return set;
}

/**
 * The shingle sets of recent texts, by text: the seed and an import compare the same provisions again and
 * again (each Council text with the proposal, most provisions unchanged from one text to the next). The sets
 * are shared, so they are read-only.
 */
const recent = new Map<string, ReadonlySet<number>>();
const RECENT = 20_000;

function shinglesOf(text: string, size: number): Set<number> {
	const words = comparableWords(text).map(hash);
	const out = new Set<number>();
	if (words.length === 0) return out;
	const n = Math.min(size, words.length);
	for (let i = 0; i + n <= words.length; i++) {
		let h = 0x811c9dc5;
		for (let k = 0; k < n; k++) h = Math.imul(h ^ words[i + k], 0x01000193) + k;
		out.add(h >>> 0);
	}
	return out;
}

function common<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let n = 0;
	for (const x of small) if (large.has(x)) n++;
	return n;
}

/** |A ∩ B| / |A ∪ B|; 0 when either is empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
	if (a.size === 0 || b.size === 0) return 0;
	const n = common(a, b);
	return n / (a.size + b.size - n);
}

/** |A ∩ B| / min(|A|, |B|): how much of the smaller set the larger one contains; 0 when either is empty. */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
	if (a.size === 0 || b.size === 0) return 0;
	return common(a, b) / Math.min(a.size, b.size);
}

/** Word-shingle Jaccard similarity of two texts, 0–1. */
export function textSimilarity(a: string, b: string): number {
	return jaccard(shingles(a), shingles(b));
}

export interface Scored<S, T> {
	source: S;
	target: T;
	/** What the pair is ranked by (similarity plus any bonus). */
	score: number;
	/** The plain similarity, 0–1. */
	similarity: number;
}

/**
 * Greedy one-to-one assignment: best score first, each source and each target used once.
 * Ties keep the input order, so callers list preferred pairs first.
 */
export function assignGreedy<S, T>(pairs: Scored<S, T>[]): Scored<S, T>[] {
	const ranked = pairs.map((p, i) => ({ p, i })).sort((x, y) => y.p.score - x.p.score || x.i - y.i);
	const usedSources = new Set<S>();
	const usedTargets = new Set<T>();
	const out: Scored<S, T>[] = [];
	for (const { p } of ranked) {
		if (usedSources.has(p.source) || usedTargets.has(p.target)) continue;
		usedSources.add(p.source);
		usedTargets.add(p.target);
		out.push(p);
	}
	return out;
}

/**
 * Pairs of items that share at least one shingle, with how many they share: an inverted index over the
 * targets keeps this near-linear for the dissimilar majority, and the count gives any set measure in O(1).
 */
export function sharedShingles<S, T>(
	sources: { item: S; set: ReadonlySet<number> }[],
	targets: { item: T; set: ReadonlySet<number> }[]
): { source: S; target: T; common: number }[] {
	const index = new Map<number, number[]>();
	targets.forEach((t, k) => {
		for (const x of t.set) {
			const list = index.get(x);
			if (list) list.push(k);
			else index.set(x, [k]);
		}
	});
	const out: { source: S; target: T; common: number }[] = [];
	const counts = new Int32Array(targets.length);
	for (const s of sources) {
		const touched: number[] = [];
		for (const x of s.set) {
			const list = index.get(x);
			if (!list) continue;
			for (const k of list) if (counts[k]++ === 0) touched.push(k);
		}
		for (const k of touched) {
			out.push({ source: s.item, target: targets[k].item, common: counts[k] });
			counts[k] = 0;
		}
	}
	return out;
}
