import { expect, test, type Locator } from '@playwright/test';

/** The table's cells as numbers per series (null for "unknown"), to compare with what chart.js drew. */
async function tableSeries(figure: Locator) {
	const headers = await figure.locator('thead th').allInnerTexts();
	const rows = await figure
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
	const series = headers.slice(1).filter((h) => h !== 'Total');
	return series.map((label, i) => ({
		label,
		data: rows.map((cells) => (cells[i] === 'unknown' ? null : Number(cells[i])))
	}));
}

async function expectDrawnAsTabled(figure: Locator) {
	await expect(figure).toHaveAttribute('data-drawn', 'true');
	const canvas = figure.locator('canvas');
	await expect(canvas).toBeVisible();
	const box = await canvas.boundingBox();
	expect(box!.width).toBeGreaterThan(100);
	expect(box!.height).toBeGreaterThan(100);
	const drawn = JSON.parse((await canvas.getAttribute('data-series'))!);
	expect(drawn).toEqual(await tableSeries(figure));
}

test('the charts page draws every chart, each with a summary and a table that matches what is drawn', async ({
	page
}) => {
	await page.goto('/dossiers/ai-act/charts');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('how the ban fared');
	const figures = page.locator('figure.chart');
	await expect(figures).toHaveCount(5);
	for (const figure of await figures.all()) {
		await expect(figure.locator('.summary')).not.toBeEmpty();
		await expectDrawnAsTabled(figure);
	}

	const ban = page.locator('figure#ban-strength');
	const totals = await ban
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [
				tr.querySelector('th')!.textContent!.trim(),
				tr.querySelector('td:last-child')!.textContent!.trim()
			])
		);
	expect(totals).toEqual([
		['Proposal (2021)', '0'],
		['Council (2022)', '0'],
		['EP amendments (2023)', '4'],
		['Final act (2024)', '1'],
		['Unofficial consolidation (2026)', '1']
	]);
	await expect(ban.locator('.summary')).toContainText('strongest in EP amendments (2023)');

	const byAuthor = page.locator('figure#amendments-by-author');
	// Members' amendments count for their political group.
	await expect(byAuthor.locator('tbody tr th').filter({ hasText: /^European Parliament$/ })).toHaveCount(1);
	await expect(byAuthor.locator('tbody tr th').filter({ hasText: /Greens/ })).toHaveCount(1);
	expect(await byAuthor.locator('tbody tr').count()).toBeLessThan(15);
	await expect(byAuthor.locator('thead th').filter({ hasText: 'Not assessed' })).toHaveCount(1);
	await expect(page.locator('figure#amendments-by-status tbody tr').filter({ hasText: 'EP plenary' })).toContainText(
		'771'
	);
});

test('the stance chart can be shown per topic', async ({ page }) => {
	await page.goto('/dossiers/ai-act/charts');
	await page.getByLabel('Topic').selectOption({ label: 'Emotion recognition' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/topic=emotion-recognition/);
	const stances = page.locator('figure#stances-over-time');
	await expect(stances.getByRole('heading')).toContainText('emotion recognition');
	await expectDrawnAsTabled(stances);
	// Each half-year accounts for all 27 member states.
	const totals = await stances.locator('tbody td:last-child').allInnerTexts();
	expect(totals.length).toBeGreaterThan(8);
	expect(new Set(totals)).toEqual(new Set(['27']));
});

test('the justification of each score shows its quote and provision', async ({ page }) => {
	await page.goto('/dossiers/ai-act/charts');
	await page.getByText('Why each text scores as it does').click();
	const ep = page.locator('section', { has: page.getByRole('heading', { name: 'EP amendments (2023)' }) });
	await expect(ep.getByText('Amendment 220 removes the words')).toBeVisible();
	await expect(ep.getByRole('link', { name: 'Article 5(1)(d)' }).first()).toHaveAttribute(
		'href',
		'/dossiers/ai-act/provisions/art_5__para_1__point_d'
	);
});

test('drawing the charts moves nothing on the page (layout shift under 0.05)', async ({ page }) => {
	for (const path of ['/dossiers/ai-act/charts', '/dossiers/ai-act/timeline']) {
		await page.goto(path);
		await expect(page.locator('figure.chart[data-drawn="true"]').first()).toBeVisible();
		await expect(page.locator('figure.chart:not([data-drawn="true"])')).toHaveCount(0);
		// Every layout shift since navigation, as Lighthouse's CLS counts them (none after input here).
		const shift = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					new PerformanceObserver((list) => {
						resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0));
					}).observe({ type: 'layout-shift', buffered: true });
					setTimeout(() => resolve(0), 1000); // no entry at all: nothing shifted
				})
		);
		expect(shift, path).toBeLessThan(0.05);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the charts page shows the summaries and tables, and no empty canvas', async ({ page }) => {
		await page.goto('/dossiers/ai-act/charts');
		await expect(page.locator('figure.chart')).toHaveCount(5);
		await expect(page.locator('canvas:visible')).toHaveCount(0);
		await expect(page.locator('figure#ban-strength table')).toBeVisible();
		await expect(page.locator('figure#ban-strength tbody tr')).toHaveCount(5);
		await page.getByLabel('Topic').selectOption({ label: 'Biometric categorisation' });
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page.locator('figure#stances-over-time h3')).toContainText('biometric categorisation');
	});
});
