import { describe, expect, it } from 'vitest';
import { queryLexemes, snippet } from './highlight';

describe('queryLexemes', () => {
	it('reads the positive lexemes of a tsquery', () => {
		expect(queryLexemes(`'law' <-> 'enforc' & !'except'`)).toEqual(['law', 'enforc']);
		expect(queryLexemes(`( 'biometr' & 'identif' ) | 'polici'`)).toEqual(['biometr', 'identif', 'polici']);
		expect(queryLexemes('')).toEqual([]);
	});
});

describe('snippet', () => {
	it('marks the forms of each lexeme around the first match', () => {
		const parts = snippet('The use of remote biometric identification systems by the police is prohibited.', [
			'biometr',
			'identif',
			'polic'
		]);
		expect(parts!.filter((p) => p.hit).map((p) => p.text)).toEqual(['biometric', 'identification', 'police']);
		expect(parts!.map((p) => p.text).join('')).toBe(
			'The use of remote biometric identification systems by the police is prohibited.'
		);
	});

	it('cuts a long text to a window with ellipses', () => {
		const text = `${'word '.repeat(100)}emotion recognition ${'more '.repeat(100)}`;
		const parts = snippet(text, ['emot'], 10)!;
		const joined = parts.map((p) => p.text).join('');
		expect(joined.startsWith('… ')).toBe(true);
		expect(joined.endsWith(' …')).toBe(true);
		expect(joined.split(/\s+/).length).toBeLessThan(16);
	});

	it('handles a stem that ends in i for a word ending in y', () => {
		expect(snippet('A new policy.', ['polici'])!.find((p) => p.hit)?.text).toBe('policy');
	});

	it('returns null when nothing matches and keeps markup as text', () => {
		expect(snippet('nothing here', ['biometr'])).toBeNull();
		expect(snippet('<script>alert(1)</script> biometric', ['biometr'])![0].text).toContain('<script>');
	});
});
