import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// The public pages everyone reads, checked with axe-core against WCAG 2.1 A and AA rules.
const pages = ['/', '/dossiers/ai-act', '/dossiers/ai-act/timeline', '/dossiers/ai-act/provisions', '/dossiers/ai-act/provisions/art_5'];

for (const path of pages) {
	test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
	});
}

test('the skip link and the main navigation are reachable by keyboard, with visible focus', async ({ page }) => {
	await page.goto('/dossiers/ai-act');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	const outline = await page.evaluate(() => {
		const link = document.querySelector('header nav a') as HTMLElement;
		link.focus();
		return getComputedStyle(link).outlineStyle;
	});
	expect(outline).not.toBe('none');
});
