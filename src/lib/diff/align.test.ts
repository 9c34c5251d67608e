import { describe, expect, it } from 'vitest';
import { alignParagraphs } from './align';
import { splitParagraphs, tokenise } from './tokenise';

function align(before: string, after: string, budgetMs = 1000) {
	const left = splitParagraphs(before).map(tokenise);
	const right = splitParagraphs(after).map(tokenise);
	return alignParagraphs(left, right, performance.now() + budgetMs);
}

describe('alignParagraphs', () => {
	it('pairs identical paragraphs and a relabelled, reworded point, keeping order', () => {
		const before = [
			'1. The following practices shall be prohibited:',
			'(a) the use of subliminal techniques;',
			'(b) the use of real-time remote biometric identification in public spaces;',
			'2. Closing paragraph.'
		].join('\n');
		const after = [
			'1. The following practices shall be prohibited:',
			'(a) the use of subliminal or manipulative techniques;',
			'(b) the untargeted scraping of facial images from the internet;',
			'(c) the use of real-time remote biometric identification in publicly accessible spaces;',
			'2. Closing paragraph.'
		].join('\n');
		expect(align(before, after).pairs).toEqual([
			{ left: 0, right: 0 },
			{ left: 1, right: 1 },
			{ left: null, right: 2 },
			{ left: 2, right: 3 },
			{ left: 3, right: 4 }
		]);
	});

	it('leaves unrelated paragraphs unpaired, deletions before insertions', () => {
		const { pairs } = align(
			'Same start.\nThe provider keeps logs.\nThe authority reports yearly.\nSame end.',
			'Same start.\nFines reach 35 million euro.\nSame end.'
		);
		expect(pairs).toEqual([
			{ left: 0, right: 0 },
			{ left: 1, right: null },
			{ left: 2, right: null },
			{ left: null, right: 1 },
			{ left: 3, right: 2 }
		]);
	});

	it('pairs a lone replaced paragraph even when it was heavily rewritten', () => {
		expect(align('(a) old wording of the point', '(a) entirely new text').pairs).toEqual([{ left: 0, right: 0 }]);
	});

	it('handles an empty side', () => {
		expect(align('', 'One.\nTwo.').pairs).toEqual([
			{ left: null, right: 0 },
			{ left: null, right: 1 }
		]);
		expect(align('One.', '').pairs).toEqual([{ left: 0, right: null }]);
	});

	it('keeps every paragraph, once, when blocks are too large to pair', () => {
		const left = splitParagraphs('a one\nb two\nsame\nc three\nd four').map(tokenise);
		const right = splitParagraphs('a one!\nb two!\nsame\nc three!\nd four!').map(tokenise);
		const result = alignParagraphs(left, right, performance.now() + 1000, 3);
		expect(result.gaveUp).toBe('size');
		expect(result.pairs.filter((p) => p.left !== null).map((p) => p.left)).toEqual([0, 1, 2, 3, 4]);
		expect(result.pairs.filter((p) => p.right !== null).map((p) => p.right)).toEqual([0, 1, 2, 3, 4]);
	});

	it('gives up pairing, with a reason, when the budget is already spent', () => {
		const result = align('a b\nc d', 'e f\ng h', -1);
		expect(result.gaveUp).toBe('time');
		expect(result.pairs).toHaveLength(4);
	});
});
