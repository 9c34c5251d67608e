import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dossier } from './pages';

/**
 * Holds back the site's JavaScript until the returned function is called, so a test can type into the
 * server-rendered page before it hydrates, as a reader on a slow connection does. (The page's module script
 * is held too, so the test waits for the fields rather than for DOMContentLoaded.)
 */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	return async () => {
		release();
		await page.waitForLoadState('networkidle');
	};
}

test('what a reader types before the page hydrates is kept', async ({ page }) => {
	const hydrate = await holdScripts(page);
	await page.goto(`${dossier}/amendments`, { waitUntil: 'commit' });
	await page.getByLabel('Search the texts').fill('biometric');
	await page.getByLabel('Author').fill('Melbārde');
	await hydrate();
	await expect(page.getByLabel('Search the texts')).toHaveValue('biometric');
	await expect(page.getByLabel('Author')).toHaveValue('Melbārde');

	const signIn = await holdScripts(page);
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('Email address').fill('typed.early@example.org');
	await signIn();
	await expect(page.getByLabel('Email address')).toHaveValue('typed.early@example.org');
});
