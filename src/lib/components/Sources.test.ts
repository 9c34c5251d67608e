import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Sources from './Sources.svelte';

describe('Sources', () => {
	it('links http(s) sources', () => {
		const { body } = render(Sources, {
			props: { sources: [{ title: 'Regulation', url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj' }] }
		});
		expect(body).toContain('<a href="https://eur-lex.europa.eu/eli/reg/2024/1689/oj"');
	});
	it('never links an address that could run script (javascript:, data:), even one stored before input checks', () => {
		for (const url of [
			'javascript:alert(document.domain)',
			' JavaScript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'//evil.example/'
		]) {
			const { body } = render(Sources, { props: { sources: [{ title: 'Evil', url }] } });
			expect(body, url).not.toContain('href');
			expect(body).toContain('Evil');
		}
	});
});
