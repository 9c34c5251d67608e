/**
 * Near-identical amendments: several groups often table the same wording on the same provision
 * ("also tabled by …"). Texts are compared as sets of word triples (shingles), which ignores
 * punctuation, case and small rewordings but not a changed meaning of any length.
 */

const SHINGLE = 3;
export const NEAR_DUPLICATE_THRESHOLD = 0.85;

export function shingles(text: string): Set<string> {
	const words =
		text
			.toLowerCase()
			.normalize('NFKC')
			.match(/[\p{L}\p{N}]+/gu) ?? [];
	const out = new Set<string>();
	if (words.length < SHINGLE) {
		if (words.length) out.add(words.join(' '));
		return out;
	}
	for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
	return out;
}

/** Jaccard similarity of two shingle sets, 0 (nothing shared) to 1 (same words in the same order). */
export function similarity(a: Set<string>, b: Set<string>): number {
	if (a.size === 0 && b.size === 0) return 1;
	let shared = 0;
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	for (const s of small) if (large.has(s)) shared++;
	return shared / (a.size + b.size - shared);
}

/**
 * The candidates whose proposed text is near-identical to `text` (similarity ≥ threshold), most similar
 * first. Two deletions of the same provision count as identical.
 */
export function nearDuplicates<T extends { proposedText: string; deletesProvision: boolean }>(
	subject: { proposedText: string; deletesProvision: boolean },
	candidates: T[],
	threshold = NEAR_DUPLICATE_THRESHOLD
): (T & { similarity: number })[] {
	const mine = shingles(subject.proposedText);
	const out: (T & { similarity: number })[] = [];
	for (const c of candidates) {
		if (c.deletesProvision !== subject.deletesProvision) continue;
		const score = subject.deletesProvision ? 1 : similarity(mine, shingles(c.proposedText));
		if (score >= threshold) out.push({ ...c, similarity: score });
	}
	return out.sort((x, y) => y.similarity - x.similarity);
}
