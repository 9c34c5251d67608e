import { describe, expect, it } from 'vitest';
import { numberingPairs, parseCitation, resolveCitation } from './numbering';

describe('numbering maps', () => {
	it('reads the leading citation of an entry', () => {
		expect(parseCitation('5(1)(d) + 5(2)-(4)')).toEqual({ article: '5', labels: ['1', 'd'] });
		expect(parseCitation('3(33) (Am. 186)')).toEqual({ article: '3', labels: ['33'] });
		expect(parseCitation('5(1)(dd) new (Am. 227)')).toEqual({ article: '5', labels: ['1', 'dd'] });
		expect(parseCitation('— (transparency only)')).toBeNull();
		expect(parseCitation('high-risk only (Annex III 1(a))')).toBeNull();
	});

	it('resolves a label to a paragraph or a point, whichever the text has', () => {
		const known = new Set(['art_3', 'art_3__point_33', 'art_5', 'art_5__para_1', 'art_5__para_1__point_d']);
		expect(resolveCitation('3(33)', known)).toBe('art_3__point_33');
		expect(resolveCitation('5(1)(d)', known)).toBe('art_5__para_1__point_d');
		expect(resolveCitation('5', known)).toBe('art_5');
		expect(resolveCitation('5(9)', known)).toBeNull();
	});

	it('pairs the Commission column with each later one, else the new provisions with the final act', () => {
		const known = {
			commission: new Set(['art_5', 'art_5__para_1', 'art_5__para_1__point_d']),
			council: new Set(['art_5', 'art_5__para_1', 'art_5__para_1__point_d']),
			parliament: new Set(['art_5', 'art_5__para_1', 'art_5__para_1__point_d', 'art_5__para_1__point_ba']),
			final: new Set(['art_5', 'art_5__para_1', 'art_5__para_1__point_g', 'art_5__para_1__point_h'])
		};
		const pairs = numberingPairs(
			{
				article5: [
					{
						commission: '5(1)(d) + 5(2)-(4)',
						council: '5(1)(d)',
						parliament: '5(1)(d) (Am. 220-223)',
						final: '5(1)(h) + 5(2)-(7)'
					},
					{ commission: '—', council: '—', parliament: '5(1)(ba) new (Am. 217)', final: '5(1)(g)' }
				]
			},
			known
		);
		expect(pairs).toEqual([
			{ from: 'commission', to: 'council', fromEid: 'art_5__para_1__point_d', toEid: 'art_5__para_1__point_d' },
			{ from: 'commission', to: 'parliament', fromEid: 'art_5__para_1__point_d', toEid: 'art_5__para_1__point_d' },
			{ from: 'commission', to: 'final', fromEid: 'art_5__para_1__point_d', toEid: 'art_5__para_1__point_h' },
			{ from: 'parliament', to: 'final', fromEid: 'art_5__para_1__point_ba', toEid: 'art_5__para_1__point_g' }
		]);
	});
});
