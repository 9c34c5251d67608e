import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { cleanupSemantic, hunksFromChanges } from './cleanup';
import { tokenise } from './tokenise';

function hunks(a: string, b: string) {
	const left = tokenise(a).tokens;
	const right = tokenise(b).tokens;
	const raw = hunksFromChanges(diffArrays(left, right));
	return { left, right, raw, clean: cleanupSemantic(raw, left, right) };
}

describe('hunksFromChanges', () => {
	it('alternates equal and change hunks with token ranges on both sides', () => {
		const { raw } = hunks('a b c d', 'a x y d');
		expect(raw).toEqual([
			{ equal: true, a0: 0, a1: 1, b0: 0, b1: 1 },
			{ equal: false, a0: 1, a1: 3, b0: 1, b1: 3 },
			{ equal: true, a0: 3, a1: 4, b0: 3, b1: 4 }
		]);
	});
});

describe('cleanupSemantic', () => {
	it('folds glue words kept between changes into one replacement', () => {
		const { raw, clean } = hunks(
			'the provider shall ensure the quality of the data sets',
			'the deployer must verify the accuracy of the output logs'
		);
		expect(raw.filter((h) => h.equal).length).toBeGreaterThan(2);
		// One leading "the" stays; everything after is one change.
		expect(clean.map((h) => h.equal)).toEqual([true, false]);
	});

	it('keeps a long unchanged run between two small changes', () => {
		const { clean } = hunks(
			'for the purpose of law enforcement, unless and in as far as',
			'for the purposes of law enforcement, unless and in so far as'
		);
		expect(clean.filter((h) => !h.equal)).toHaveLength(2);
	});

	it('does not change a diff without confetti', () => {
		const { raw, clean } = hunks('one two three', 'one two four');
		expect(clean).toEqual(raw);
	});
});
