import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What every page is checked against: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core against `axeTags`, plus two checks axe no longer makes on its own: no id used twice on a page, and
 * no form control without a name a screen reader can announce. Tests reach it through the `expectAccessible`
 * fixture (tests/e2e/fixtures.ts), which knows whether the test's context runs JavaScript.
 */
export async function checkAccessible(page: Page, javaScriptEnabled: boolean) {
	// With JavaScript off, Playwright's evaluate still runs axe but no timer fires, and axe yields through
	// setTimeout: let its callbacks run as microtasks instead. The page's own scripts never ran.
	if (!javaScriptEnabled) {
		await page.evaluate(() => {
			window.setTimeout = ((run: (...args: unknown[]) => void, _ms?: number, ...args: unknown[]) => {
				Promise.resolve().then(() => run(...args));
				return 0;
			}) as typeof window.setTimeout;
			window.clearTimeout = () => {};
		});
	}
	const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0].target.join(' ')})`)
	).toEqual([]);
	const problems = await page.evaluate(() => {
		const seen = new Map<string, number>();
		for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
		const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => `duplicate id #${id}`);
		const unlabeled = [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
			.filter((c) => c.type !== 'hidden')
			.filter(
				(c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.title)
			)
			.map((c) => `unlabeled ${c.tagName.toLowerCase()}[name=${c.name}]`);
		return [...duplicates, ...unlabeled];
	});
	expect(problems).toEqual([]);
}
