import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Evidence from './Evidence.svelte';

describe('Evidence', () => {
	it('the Evidence link has the http(s) check the Sources component has: never an address that could run script', () => {
		const ok = render(Evidence, {
			props: { evidence: [{ title: 'Statement', url: 'https://example.org/statement' }] }
		});
		expect(ok.body).toContain('<a href="https://example.org/statement"');
		for (const url of [
			'javascript:alert(document.domain)',
			' JavaScript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'//evil.example/'
		]) {
			const { body } = render(Evidence, { props: { evidence: [{ title: 'Evil', url }] } });
			expect(body, url).not.toContain('href');
			expect(body).toContain('Evil');
		}
	});
});
