import { describe, expect, it } from 'vitest';
import { countWords, isLabelToken, paragraphLabel, splitParagraphs, tokenise } from './tokenise';

describe('tokenise', () => {
	it('keeps point labels whole', () => {
		expect(tokenise('(a) the placing; (iii) the use').tokens).toEqual([
			'(a)',
			'the',
			'placing',
			';',
			'(iii)',
			'the',
			'use'
		]);
	});

	it('treats a leading "1." as a label but a sentence-final number as number and full stop', () => {
		expect(tokenise('1. Member States shall act').tokens[0]).toBe('1.');
		expect(tokenise('within 3 years of 2024.').tokens.slice(-2)).toEqual(['2024', '.']);
		expect(paragraphLabel(tokenise('2a. The provider'))).toBe('2a.');
		expect(paragraphLabel(tokenise('In addition, the use'))).toBeNull();
	});

	it('reads the labels the Council gives inserted paragraphs and points as labels, at the start only', () => {
		for (const label of ['2aa.', '-1a.', 'a)', 'ii)', '3)'])
			expect(paragraphLabel(tokenise(`${label} contribute to evidence-based regulatory learning;`))).toBe(label);
		expect(tokenise('referred to in point a) of paragraph 1').tokens).toContain('a');
	});

	it('keeps footnote markers, references and numbers whole', () => {
		const { tokens } = tokenise('Decision 2002/584/JHA[^62] and Article 2(2), point (d), 1.5 %');
		expect(tokens).toEqual([
			'Decision',
			'2002/584/JHA',
			'[^62]',
			'and',
			'Article',
			'2',
			'(2)',
			',',
			'point',
			'(d)',
			',',
			'1.5',
			'%'
		]);
	});

	it('keeps apostrophes and hyphens inside words but splits quotation marks', () => {
		expect(tokenise('a person’s ‘real-time’ use').tokens).toEqual(['a', 'person’s', '‘', 'real-time', '’', 'use']);
	});

	it('tokenises Greek and Bulgarian by Unicode letters', () => {
		expect(tokenise('Τα κράτη μέλη διασφαλίζουν').tokens).toEqual(['Τα', 'κράτη', 'μέλη', 'διασφαλίζουν']);
		expect(tokenise('(а) системи за ИИ, които').tokens).toEqual(['(а)', 'системи', 'за', 'ИИ', ',', 'които']);
	});

	it('records offsets that give the source text back', () => {
		const text = '(b)  the  use, of [^3] it';
		const list = tokenise(text);
		list.tokens.forEach((t, i) => expect(text.slice(list.starts[i], list.ends[i])).toBe(t));
	});

	it('counts words, labels and footnotes but not punctuation', () => {
		const { tokens } = tokenise('(a) the use, of [^3] “it”.');
		expect(countWords(tokens, 0, tokens.length)).toBe(6);
		expect(isLabelToken('(iv)')).toBe(true);
		expect(isLabelToken('(')).toBe(false);
	});
});

describe('splitParagraphs', () => {
	it('splits on newlines and drops blank lines and edge spaces', () => {
		expect(splitParagraphs(' 1. First\n\n(a) point \n')).toEqual(['1. First', '(a) point']);
		expect(splitParagraphs('')).toEqual([]);
	});
});
