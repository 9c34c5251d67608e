import { test, expect, removeSeededDocument, seedDocumentFile } from './fixtures';

const list = '/dossiers/ai-act/amendments';
const fileName = 'AIA-CULT-Rule-57-Opinion-Amendments-1-April.pdf';
const pdf = seedDocumentFile('ep-committee-amendments', fileName, 'application/pdf');

test('a committee amendment PDF imports through the page, and its amendments are found by author and group', async ({
	page,
	authenticatedAs
}) => {
	test.setTimeout(90_000);
	await authenticatedAs('editor');
	// The seed imported this document already: take it out, so the page imports it afresh.
	await removeSeededDocument(page.request, 'ep-cult-pe730.175v01-00');

	await page.goto(`${list}/import`);
	await page.getByLabel(/^File \(/).setInputFiles(pdf);
	await page.getByRole('button', { name: 'Dry run' }).click();
	const report = page.getByRole('status').filter({ hasText: `Dry run of ${fileName}` });
	await expect(report).toContainText('Would create 217, update 0, leave 0 unchanged; 0 refused.', { timeout: 30_000 });
	await expect(report).toContainText('Committee on Culture and Education');
	await expect(report).toContainText('PE730.175v01-00');

	await page.getByLabel(/^File \(/).setInputFiles(pdf);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText(`Imported ${fileName}: 217 created, 0 updated, 0 unchanged.`)).toBeVisible({
		timeout: 30_000
	});

	// Amendment 54 was tabled by Dace Melbārde and Andrey Slabakov (ECR).
	await page.goto(`${list}?author=dace-melbarde&body=ep-cult`);
	const first = page.locator('ol.amendments > li').filter({ hasText: 'Recital 1' }).first();
	await expect(first).toBeVisible();
	await first
		.getByRole('link', { name: /Amendment 54|^54/ })
		.first()
		.click();
	await expect(page.getByRole('link', { name: /Dace MELBĀRDE/i })).toBeVisible();
	await expect(page.getByRole('link', { name: /Andrey SLABAKOV/i })).toBeVisible();

	await page.goto(`${list}?group=ecr&body=ep-cult`);
	const heading = page.getByRole('heading', { level: 2, name: /amendments?/ });
	const count = Number((await heading.textContent())!.match(/^(\d+)/)![1]);
	expect(count).toBeGreaterThan(0);
	expect(count).toBeLessThan(217);

	// The member's page lists the amendment by target.
	await page.goto('/dossiers/ai-act/actors/dace-melbarde');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Dace MELBĀRDE/i);
	await expect(
		page.getByRole('link', { name: /europarl|Parliament’s page|Parliament's page/i }).first()
	).toHaveAttribute('href', /europarl\.europa\.eu\/meps\/en\/\d+/);
});
