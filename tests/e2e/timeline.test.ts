import { expect, test } from '@playwright/test';

test('the public timeline lists the proposal and the publication with their sources', async ({ page }) => {
	await page.goto('/dossiers/ai-act/timeline');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('timeline');

	const proposal = page.locator('li#commission-proposal');
	await expect(proposal.getByRole('heading')).toContainText('Commission proposal');
	await expect(proposal.locator('time')).toHaveText('21 April 2021');
	await expect(
		proposal.getByRole('link', { name: /Commission proposal COM\(2021\) 206 final/ }).first()
	).toHaveAttribute('href', /52021PC0206/);

	const publication = page.locator('li#oj-publication');
	await expect(publication.locator('time')).toHaveText('12 July 2024');
	await expect(publication.getByRole('link', { name: /Regulation \(EU\) 2024\/1689/ }).first()).toHaveAttribute(
		'href',
		/eli\/reg\/2024\/1689/
	);

	const later = page.locator('li#application-article-6-1');
	await expect(later.locator('time')).toHaveText('2 August 2027');
	await expect(later.getByText('upcoming')).toBeVisible();

	await expect(page.locator('li#ep-committee-endorsement-final').getByText('not verified')).toBeVisible();
});

test('the timeline says where the procedure is, what comes next, and draws the ban’s strength', async ({ page }) => {
	await page.goto('/dossiers/ai-act/timeline');
	const now = page.getByRole('region', { name: 'Where we are now' });
	await expect(now.getByText(/stage \d+ of 19/)).toBeVisible();
	// The next step may be an event (an application date a later act moved) as well as a stage.
	await expect(now.locator('.next')).toContainText(/Next (stage|event): .+,\s+due \d+ \w+ \d{4}\./s);
	await expect(now.locator('.next')).not.toContainText('2 August 2027');
	const chart = page.locator('figure#ban-strength');
	await expect(chart).toHaveAttribute('data-drawn', 'true');
	await expect(chart.locator('canvas')).toBeVisible();
	await expect(chart.locator('tbody tr')).toHaveCount(5);
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
		'href',
		'/dossiers/ai-act/feed.atom'
	);
	// Editing is for editors only: the public sees no edit links.
	await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Add a stage or event' })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the timeline and the dossier page render on the server', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'AI Act' }).first().click();
		await expect(page.getByRole('heading', { name: 'Where the procedure stands' })).toBeVisible();
		await expect(page.getByText(/Stage \d+ of 19/)).toBeVisible();
		await page.getByRole('link', { name: 'The full timeline' }).click();
		await expect(page.locator('li#oj-publication time')).toHaveText('12 July 2024');
	});

	test('the timeline shows where we are, what comes next, the sources and the ban-strength table', async ({ page }) => {
		await page.goto('/dossiers/ai-act/timeline');
		await expect(page.getByRole('heading', { name: 'Where we are now' })).toBeVisible();
		await expect(page.getByText(/stage \d+ of 19/)).toBeVisible();
		await expect(page.locator('.next')).toContainText(/Next (stage|event):/);
		await expect(page.locator('canvas:visible')).toHaveCount(0);
		const table = page.locator('figure#ban-strength table');
		await expect(table).toBeVisible();
		await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Proposal (2021)');
		await expect(page.locator('li#commission-proposal .sources a').first()).toHaveAttribute('href', /52021PC0206/);
	});
});
