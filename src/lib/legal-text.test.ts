import { describe, expect, it } from 'vitest';
import { legalLines } from './legal-text';

describe('legalLines', () => {
	it('nests lettered points and roman sub-points, and tells (i) the letter from (i) the numeral', () => {
		const text = [
			'1. The following shall be prohibited:',
			'(h) the use of systems, unless strictly necessary for one of the following objectives:',
			'(i) the targeted search for victims;',
			'(ii) the prevention of a threat;',
			'2. Next paragraph',
			'(h) a point',
			'(i) the letter i after h'
		].join('\n');
		expect(legalLines(text).map((l) => l.depth)).toEqual([0, 1, 2, 2, 0, 1, 1]);
	});

	it('cuts footnote references out of the text', () => {
		const [line] = legalLines('Framework Decision 2002/584/JHA[^62] and punishable');
		expect(line.parts).toEqual([
			{ text: 'Framework Decision 2002/584/JHA' },
			{ footnote: '62' },
			{ text: ' and punishable' }
		]);
	});

	it('keeps a line without footnotes whole, even an empty one', () => {
		expect(legalLines('')[0].parts).toEqual([{ text: '' }]);
	});
});
