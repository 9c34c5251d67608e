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

	it('keeps a content word the text keeps between two rewritten phrases', () => {
		const { right, clean } = hunks(
			'in order to materially distort a person’s behaviour',
			'with the objective to or the effect of materially distorting a person’s behaviour'
		);
		const kept = clean.filter((h) => h.equal).map((h) => right.slice(h.b0, h.b1).join(' '));
		expect(kept).toContain('materially');
	});

	it('keeps a long unchanged run between two small changes', () => {
		const { clean } = hunks(
			'for the purpose of law enforcement, unless and in as far as',
			'for the purposes of law enforcement, unless and in so far as'
		);
		expect(clean.filter((h) => !h.equal)).toHaveLength(2);
	});

	it('keeps an unchanged clause of eight content words between two long rewrites', () => {
		// Recital 72 of ST 13955/22 in small: a kept sentence between two rewritten ones.
		const kept = 'To ensure uniform implementation across the Union and economies of scale, common rules apply.';
		const { clean, right } = hunks(
			`The sandboxes should foster innovation by removing barriers for small enterprises. ${kept} The use of personal data collected for other purposes is lawful within the sandbox under strict conditions.`,
			`The participation should focus on issues that raise legal uncertainty for providers and start-ups. ${kept} Access to the regulatory sandbox and supervision should in principle be free of charge, exceptional costs aside.`
		);
		const unchanged = clean.filter((h) => h.equal).map((h) => right.slice(h.b0, h.b1).join(' '));
		expect(unchanged.some((run) => run.includes(tokenise(kept).tokens.join(' ')))).toBe(true);
	});

	it('keeps a phrase of three content words between two long rewrites, as the Council marks it', () => {
		// Recital 16 of ST 13955/22 in small: "cannot perceive" stayed while the text around it was rewritten.
		const { clean, right } = hunks(
			'Such systems deploy components individuals cannot perceive and exploit children.',
			'Such systems deploy components such as audio and video stimuli that persons cannot perceive as those stimuli are beyond human perception.'
		);
		const unchanged = clean.filter((h) => h.equal).map((h) => right.slice(h.b0, h.b1).join(' '));
		expect(unchanged).toContain('Such systems deploy components');
	});

	it('does not change a diff without confetti', () => {
		const { raw, clean } = hunks('one two three', 'one two four');
		expect(clean).toEqual(raw);
	});

	it('the diff clean-up stays inside the time budget: past its deadline it stops folding and returns a correct diff', () => {
		const left = 'the provider shall ensure the quality of the data sets';
		const right = 'the deployer must verify the accuracy of the output logs';
		const { raw } = hunks(left, right);
		const a = tokenise(left).tokens;
		const b = tokenise(right).tokens;
		expect(cleanupSemantic(raw, a, b, performance.now() - 1)).toEqual(raw);
		expect(cleanupSemantic(raw, a, b, Infinity).length).toBeLessThan(raw.length);
	});
});
