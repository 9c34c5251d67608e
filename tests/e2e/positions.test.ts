import { test, expect, signInContext } from './fixtures';
import type { Page } from '@playwright/test';

const unique = () => Math.random().toString(36).slice(2, 10);

/** The cell of a member state's row under a column heading. */
async function cell(page: Page, country: string, column: string) {
	const table = page.getByRole('table', { name: /Member states × parts of the ban/ });
	const headers = await table.locator('thead th').allInnerTexts();
	const index = headers.findIndex((h) => h.trim() === column);
	return table
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: country, exact: true }) })
		.locator('td')
		.nth(index - 1);
}

test.describe('the public positions pages, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the matrix shows the positions as of a chosen date, and each cell opens its history', async ({ page }) => {
		await page.goto('/dossiers/ai-act/positions');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where the member states stand');
		await expect(page.getByRole('table', { name: /Member states/ }).getByRole('rowheader')).toHaveCount(27);

		// The day of the Council general approach, through the GET form.
		await page.getByLabel('As of').fill('2022-12-06');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/asOf=2022-12-06/);
		await expect(await cell(page, 'Germany', 'Whole ban')).toContainText('Ban with exceptions');
		await expect(await cell(page, 'Germany', 'Post RBI')).toContainText('Opposes');

		// The day before: Germany's coalition agreement still stands.
		await page.goto('/dossiers/ai-act/positions?asOf=2022-12-05');
		const before = await cell(page, 'Germany', 'Whole ban');
		await expect(before).toContainText('Full ban');
		await expect(before).toContainText('24 November 2021');

		// Filters by topic and stance.
		await page.goto('/dossiers/ai-act/positions');
		await page.getByLabel('Topic').selectOption({ label: 'Post remote biometric identification' });
		await page.getByLabel('Stance').selectOption({ label: 'Opposes a ban' });
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page.getByRole('table', { name: /Member states/ }).getByRole('rowheader')).toHaveText(['Germany']);

		await page.getByRole('link', { name: /Germany, Post remote biometric identification: .*Opposes/ }).click();
		await expect(page).toHaveURL(/\/positions\/germany#post-rbi$/);
		const section = page.locator('section#post-rbi');
		await expect(section.getByRole('heading', { level: 2 })).toHaveText('Post remote biometric identification');
		await expect(section).toContainText('wanted to allow ex-post (post) identification');
		await expect(section.getByRole('link', { name: /Biometric Update/ })).toHaveAttribute(
			'href',
			/biometricupdate\.com/
		);
	});

	test('as of Coreper’s endorsement (2 February 2024) the matrix shows the records dated by then, not later ones', async ({
		page
	}) => {
		await page.goto('/dossiers/ai-act/positions?asOf=2024-02-02');
		const denmark = await cell(page, 'Denmark', 'Real-time RBI');
		await expect(denmark).toContainText('Ban with exceptions');
		await expect(denmark).toContainText('10 January 2024');
		await expect(await cell(page, 'Poland', 'Exceptions')).toContainText('Unknown');
		// Portugal's exceptions were reported on 22 January 2025, Sweden's records are from 2024 on.
		await expect(await cell(page, 'Portugal', 'Exceptions')).toContainText('no position recorded');
		await expect(await cell(page, 'Sweden', 'Real-time RBI')).toContainText('no position recorded');

		await page.goto('/dossiers/ai-act/positions');
		await expect(await cell(page, 'Portugal', 'Exceptions')).toContainText('Ban with exceptions');
		await expect(await cell(page, 'Sweden', 'Real-time RBI')).toContainText('Unknown');

		// The tile map of the exceptions, then and today.
		await page.goto('/dossiers/ai-act/positions/map?topic=exceptions&asOf=2024-02-02');
		const map = page.getByRole('list', { name: /Map of the member states/ });
		await expect(map.getByRole('link', { name: 'Denmark: Supports a ban with exceptions' })).toBeVisible();
		await expect(map.getByRole('link', { name: 'Portugal: no position recorded' })).toBeVisible();
		await page.goto('/dossiers/ai-act/positions/map?topic=exceptions');
		await expect(map.getByRole('link', { name: 'Portugal: Supports a ban with exceptions' })).toBeVisible();
	});

	test('a country page shows a record with no stance, the quote, and "Reported on …" where the report dates it', async ({
		page
	}) => {
		await page.goto('/dossiers/ai-act/positions/portugal');
		const exceptions = page.locator('section#exceptions');
		await expect(exceptions).toContainText('Supports a ban with exceptions');
		await expect(exceptions).toContainText('Reported on 22 January 2025: the date of the report, not of the statement');
		await expect(exceptions.locator('blockquote')).toContainText('Portugal esteve ao lado da França e da Hungria');
		await expect(exceptions.getByRole('link', { name: /Portugal defendeu e aprovou/ })).toHaveAttribute(
			'href',
			/publico\.pt/
		);

		await page.goto('/dossiers/ai-act/positions/sweden');
		const realTime = page.locator('section#real-time-rbi');
		await expect(realTime.getByRole('article')).toHaveCount(2);
		await expect(realTime).toContainText('proposes using real-time RBI');
		await expect(realTime.getByRole('article').first()).toContainText('Unknown');
	});

	test('the tile map shows one topic with the same information as a table', async ({ page }) => {
		await page.goto('/dossiers/ai-act/positions/map?topic=real-time-rbi&asOf=2022-12-06');
		const map = page.getByRole('list', { name: /Map of the member states/ });
		await expect(map.getByRole('listitem')).toHaveCount(27);
		await expect(map.getByRole('link', { name: 'Germany: Supports a full ban' })).toBeVisible();
		await expect(map.getByRole('link', { name: 'Netherlands: Supports a ban with exceptions' })).toBeVisible();
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Netherlands' }) });
		await expect(row).toContainText('Supports a ban with exceptions');
		await expect(row).toContainText('5 December 2022');
	});
});

test('an editor drafts a position, another member approves it, and only then is it public', async ({
	page,
	authenticatedAs,
	browser,
	baseURL
}) => {
	const editor = await authenticatedAs('editor');
	const summary = `E2E ${unique()}: the government said it opposes any ban on emotion recognition.`;
	const internalNote = `E2E internal ${unique()}`;

	await page.goto('/review/positions/new?dossier=ai-act&actor=luxembourg&topic=emotion-recognition');
	await expect(page.getByLabel('Who took the position')).toHaveValue(/\d+/);
	await page.getByLabel('Date', { exact: true }).fill('2026-03');
	await page.getByLabel('Opposes a ban').check();
	await page.getByLabel('Summary: what the source says').fill(summary);
	await page.getByLabel('Web address', { exact: true }).fill('https://example.org/luxembourg-statement');
	await page.getByLabel('Quote', { exact: true }).fill('“We oppose a ban.”');
	await page.getByLabel(/Public: on the public pages/).check();
	await page.getByLabel('Internal note (never public)').fill(internalNote);
	await page.getByRole('button', { name: 'Save and send for review' }).click();
	await expect(page).toHaveURL(/\/review\/positions\/\d+$/);
	const positionUrl = page.url();
	await expect(page.getByText('In review', { exact: true })).toBeVisible();
	await expect(page.getByText(/you drafted it, so you cannot approve it/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

	// Not public while in review.
	const anonymous = await browser.newContext();
	const publicPage = await anonymous.newPage();
	await publicPage.goto(`${baseURL}/dossiers/ai-act/positions/luxembourg`);
	await expect(publicPage.getByRole('heading', { level: 1 })).toContainText('Luxembourg');
	await expect(publicPage.getByText(summary)).toHaveCount(0);

	// A reviewer finds it in their queue, sees the internal note and approves it.
	const reviewerContext = await browser.newContext();
	await signInContext(reviewerContext, baseURL!, 'reviewer');
	const reviewer = await reviewerContext.newPage();
	await reviewer.goto(`${baseURL}/review`);
	const queue = reviewer.locator('section', {
		has: reviewer.getByRole('heading', { name: /Waiting for your review/ })
	});
	await queue
		.getByRole('link', { name: /Luxembourg.*Emotion recognition/ })
		.last()
		.click();
	await expect(reviewer).toHaveURL(positionUrl);
	await expect(reviewer.getByText(internalNote)).toBeVisible();
	await expect(reviewer.getByText(`Drafted by ${editor.name}`)).toBeVisible();
	await reviewer.getByRole('button', { name: 'Approve' }).click();
	await expect(reviewer.getByText('Approved', { exact: true })).toBeVisible();
	await expect(reviewer.getByRole('listitem').filter({ hasText: /approve \(in review → approved\)/ })).toBeVisible();

	// Now public, without the internal note, and in the matrix.
	await publicPage.goto(`${baseURL}/dossiers/ai-act/positions/luxembourg`);
	await expect(publicPage.locator('section#emotion-recognition')).toContainText(summary);
	await expect(publicPage.locator('section#emotion-recognition')).toContainText('“We oppose a ban.”');
	await expect(publicPage.getByText(internalNote)).toHaveCount(0);
	await publicPage.goto(`${baseURL}/dossiers/ai-act/positions`);
	await expect(await cell(publicPage, 'Luxembourg', 'Emotion recognition')).toContainText('Opposes');
	await anonymous.close();
	await reviewerContext.close();
});

test('a draft never appears on a public page', async ({ page, authenticatedAs, browser, baseURL }) => {
	await authenticatedAs('reviewer');
	const summary = `E2E draft ${unique()}: never public.`;
	await page.goto('/review/positions/new?dossier=ai-act&actor=malta&topic=predictive-policing');
	await page.getByLabel('Supports a full ban').check();
	await page.getByLabel('Summary: what the source says').fill(summary);
	await page.getByLabel('Document reference', { exact: true }).fill('Internal memo 12');
	await page.getByLabel(/Public: on the public pages/).check();
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page).toHaveURL(/\/review\/positions\/\d+$/);
	await expect(page.getByText('Draft', { exact: true })).toBeVisible();
	await page.goto('/review');
	await expect(page.locator('section', { has: page.getByRole('heading', { name: /Your drafts/ }) })).toContainText(
		'Malta'
	);

	const anonymous = await browser.newContext();
	const publicPage = await anonymous.newPage();
	for (const path of [
		'/dossiers/ai-act/positions',
		'/dossiers/ai-act/positions/malta',
		'/dossiers/ai-act/positions/map?topic=predictive-policing'
	]) {
		await publicPage.goto(`${baseURL}${path}`);
		await expect(publicPage.locator('main')).not.toContainText(summary);
		await expect(publicPage.locator('main')).not.toContainText('Internal memo 12');
	}
	await publicPage.goto(`${baseURL}/dossiers/ai-act/positions`);
	await expect(await cell(publicPage, 'Malta', 'Predictive policing')).toContainText('no position recorded');
	// The review pages are for signed-in members only.
	await publicPage.goto(`${baseURL}/review`);
	await expect(publicPage).toHaveURL(/\/login\?next=%2Freview$/);
	await anonymous.close();
});

test('a bad draft is refused with the errors beside the fields and the values kept', async ({
	page,
	authenticatedAs
}) => {
	await authenticatedAs('editor');
	await page.goto('/review/positions/new?dossier=ai-act');
	await page.getByLabel('Who took the position').selectOption({ label: 'Denmark' });
	await page.getByLabel('Date', { exact: true }).fill('2022-02-30');
	await page.getByLabel('Summary: what the source says').fill('Kept text');
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page.getByText('Please correct the fields marked below.')).toBeVisible();
	await expect(page.getByText(/A date as YYYY-MM-DD/)).toBeVisible();
	await expect(page.getByText(/Give at least one source/)).toBeVisible();
	await expect(page.getByLabel('Summary: what the source says')).toHaveValue('Kept text');
});
