import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next';

describe('safeNextPath', () => {
	it('keeps paths on this site', () => {
		expect(safeNextPath('/admin/users')).toBe('/admin/users');
		expect(safeNextPath('/dossiers/ai-act/timeline?x=1#art_5')).toBe('/dossiers/ai-act/timeline?x=1#art_5');
	});
	it('sends everything else home', () => {
		for (const next of [
			null,
			undefined,
			'',
			'admin',
			'//evil.example/x',
			'/\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'/\tevil',
			'/%0a'
		])
			expect(safeNextPath(next), String(next)).toMatch(/^\/(?!\/)/);
		expect(safeNextPath('//evil.example/x')).toBe('/');
		expect(safeNextPath('https://evil.example/')).toBe('/');
	});
	it('refuses paths that only become protocol-relative once their dot segments are resolved', () => {
		for (const next of [
			'/.//evil.example/x',
			'/a/..//evil.example',
			'/%2e%2e//evil.example',
			'/..\\/evil.example',
			'/./\\evil.example'
		])
			expect(safeNextPath(next), next).toBe('/');
	});
});
