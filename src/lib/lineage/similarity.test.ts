import { describe, expect, it } from 'vitest';
import {
	assignGreedy,
	comparableWords,
	containment,
	jaccard,
	sharedShingles,
	shingles,
	textSimilarity
} from './similarity';

describe('similarity', () => {
	it('compares words, not labels, footnote markers, case or punctuation', () => {
		expect(comparableWords('(d) The use of ‘real-time’ systems[^12];')).toEqual([
			'the',
			'use',
			'of',
			'real',
			'time',
			'systems'
		]);
		expect(textSimilarity('(d) the use of real-time systems', '(h) The use of real-time systems.')).toBe(1);
	});

	it('scores unrelated texts near 0 and a rewrite in between', () => {
		const a =
			'the use of real-time remote biometric identification systems in publicly accessible spaces for the purpose of law enforcement';
		const b = 'the use of real-time remote biometric identification systems in publicly accessible spaces';
		expect(textSimilarity(a, 'Member States shall lay down the rules on penalties')).toBe(0);
		expect(textSimilarity(a, b)).toBeGreaterThan(0.4);
		expect(textSimilarity(a, b)).toBeLessThan(1);
	});

	it('gives short texts one shingle of all their words, and empty texts none', () => {
		expect(shingles('Scope').size).toBe(1);
		expect(shingles('').size).toBe(0);
		expect(jaccard(shingles(''), shingles('x'))).toBe(0);
	});

	it('measures containment of the smaller set', () => {
		expect(containment(new Set([1, 2]), new Set([1, 2, 3, 4]))).toBe(1);
		expect(jaccard(new Set([1, 2]), new Set([1, 2, 3, 4]))).toBe(0.5);
	});

	it('counts shared shingles for every pair that shares one, and only those', () => {
		const pairs = sharedShingles(
			[{ item: 'a', set: new Set([1, 2, 3]) }],
			[
				{ item: 'x', set: new Set([2, 3]) },
				{ item: 'y', set: new Set([9]) }
			]
		);
		expect(pairs).toEqual([{ source: 'a', target: 'x', common: 2 }]);
	});

	it('assigns pairs one to one, best first', () => {
		const picked = assignGreedy([
			{ source: 'a', target: 'x', score: 0.5, similarity: 0.5 },
			{ source: 'a', target: 'y', score: 0.9, similarity: 0.9 },
			{ source: 'b', target: 'y', score: 0.8, similarity: 0.8 },
			{ source: 'b', target: 'x', score: 0.4, similarity: 0.4 }
		]);
		expect(picked.map((p) => `${p.source}${p.target}`)).toEqual(['ay', 'bx']);
	});
});
