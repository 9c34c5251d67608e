import { isLabelToken, isWordToken } from './tokenise';

// Words that hold a sentence together but say little about what it is about. Two unrelated
// paragraphs of the same act share plenty of them, so similarity ignores them, and the clean-up
// weighs an unchanged run made only of them as next to nothing.
const GLUE_WORDS = new Set(
	(
		'a an the of to in on at by for from with within into as or and nor but ' +
		'that which who whom whose this these those it its their his her be is are was were been ' +
		'has have had such any all each other than'
	).split(' ')
);

/** True for punctuation, short words in any script (και, на, de) and English function words. */
export function isGlueToken(token: string): boolean {
	if (isLabelToken(token)) return false;
	if (!isWordToken(token)) return true;
	return token.length <= 2 || GLUE_WORDS.has(token.toLowerCase());
}

/** Multiset of a paragraph's content words (lower case; no labels, punctuation or glue). */
export interface WordBag {
	counts: Map<string, number>;
	size: number;
}

export function contentBag(tokens: string[]): WordBag {
	const counts = new Map<string, number>();
	let size = 0;
	for (const token of tokens) {
		if (isGlueToken(token) || isLabelToken(token)) continue;
		const key = token.toLowerCase();
		counts.set(key, (counts.get(key) ?? 0) + 1);
		size++;
	}
	return { counts, size };
}

/** Dice coefficient of two bags: 1 for the same words, 0 for none in common. */
export function dice(x: WordBag, y: WordBag): number {
	if (x.size === 0 || y.size === 0) return 0;
	const [small, large] = x.counts.size <= y.counts.size ? [x.counts, y.counts] : [y.counts, x.counts];
	let shared = 0;
	for (const [word, n] of small) shared += Math.min(n, large.get(word) ?? 0);
	return (2 * shared) / (x.size + y.size);
}
