import { expect, test } from '@playwright/test';

test('Article 5 shows its text in every document, with sources, and links to its parts', async ({ page }) => {
	await page.goto('/dossiers/ai-act/provisions/art_5');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Article 5');

	const final = page.locator('section.version', {
		has: page.getByRole('heading', { name: /^Regulation \(EU\) 2024\/1689 \(final act\)/ })
	});
	await expect(
		final.getByText(
			/^\(h\) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purposes of law enforcement/
		)
	).toBeVisible();
	await expect(final.getByRole('link', { name: /Regulation \(EU\) 2024\/1689/ })).toHaveAttribute(
		'href',
		/eli\/reg\/2024\/1689/
	);
	// The proposal, seven Council compromise texts and the general approach, the Parliament, the final act, the 2026 consolidation.
	await expect(page.locator('section.version')).toHaveCount(12);

	await page.getByRole('link', { name: 'Article 5(1)', exact: true }).click();
	await expect(page).toHaveURL(/art_5__para_1$/);
	await page.getByRole('link', { name: 'Article 5(1)(h)', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Article 5(1)(h)');
	await expect(page.getByText(/^\(h\) the use of ‘real-time’/).first()).toBeVisible();
});

test('an unknown provision or dossier is a proper 404', async ({ page }) => {
	const missing = await page.goto('/dossiers/ai-act/provisions/art_999');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
	const noDossier = await page.goto('/dossiers/no-such-act');
	expect(noDossier?.status()).toBe(404);
	await expect(page.getByText('There is no dossier called “no-such-act”.')).toBeVisible();
});
