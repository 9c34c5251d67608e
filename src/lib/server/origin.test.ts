import { describe, expect, it } from 'vitest';
import { requireOrigin, siteOrigin } from './origin';

describe('the site origin', () => {
	it('feed ids and links come from ORIGIN, not the Host header', () => {
		const forged = new URL('http://evil.example/dossiers/ai-act/feed.atom');
		expect(siteOrigin(forged, { ORIGIN: 'https://trilogue.example.org/' }).href).toBe('https://trilogue.example.org/');
		expect(siteOrigin(new URL('http://localhost:5173/x'), {}).href).toBe('http://localhost:5173/');
	});

	it('without ORIGIN the production server refuses to start, saying why', () => {
		expect(() => requireOrigin({})).toThrow(/ORIGIN is not set/);
		expect(() => requireOrigin({ ORIGIN: 'trilogue.example.org' })).toThrow(/not an http\(s\) URL/);
		expect(() => requireOrigin({ ORIGIN: 'https://trilogue.example.org' })).not.toThrow();
	});
});
