import { describe, expect, it } from 'vitest';
import { provisionLabel } from './label';

describe('provisionLabel', () => {
	it('cites articles, paragraphs and points the way lawyers do', () => {
		expect(provisionLabel('art_5')).toBe('Article 5');
		expect(provisionLabel('art_5__para_1__point_h')).toBe('Article 5(1)(h)');
		expect(provisionLabel('art_5__para_1__point_h__point_iii')).toBe('Article 5(1)(h)(iii)');
		expect(provisionLabel('art_5__para_1__subpara_2')).toBe('Article 5(1), subparagraph 2');
		expect(provisionLabel('rec_32')).toBe('Recital 32');
		expect(provisionLabel('anx_III')).toBe('Annex III');
		expect(provisionLabel('art_4b')).toBe('Article 4b');
	});
});
