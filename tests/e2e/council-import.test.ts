import { test, expect, removeSeededDocument, seedDocumentFile } from './fixtures';

const fileName = '2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx';
const docx = seedDocumentFile(
	'council-compromise-texts',
	fileName,
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
);

test('a Council compromise text imports through the page, and Article 5(1)(d) shows its path through the Council', async ({
	page,
	authenticatedAs
}) => {
	test.setTimeout(90_000);
	await authenticatedAs('editor');
	// The seed imported this text already: take it out, so the page imports it afresh.
	await removeSeededDocument(page.request, 'council-st-12549-22');

	await page.goto('/dossiers/ai-act/documents/import');
	await page.getByLabel(/^Word file/).setInputFiles(docx);
	await page.getByRole('button', { name: 'Dry run' }).click();
	const report = page.getByRole('status').filter({ hasText: `Dry run of ${fileName}` });
	await expect(report).toContainText('ST 12549/22', { timeout: 30_000 });
	await expect(report).toContainText('2022-09-23');
	await expect(report).toContainText('Czech Presidency');
	await expect(report).toContainText('ST 12206/1/22 REV 1');

	await page.getByLabel(/^Word file/).setInputFiles(docx);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText(`Imported ${fileName}.`)).toBeVisible({ timeout: 30_000 });

	await page.goto('/dossiers/ai-act/provisions/art_5__para_1__point_d/council');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('ST 12549/22').first()).toBeVisible();
	// The Council struck "remote" from the point: a deletion against the Commission proposal, by its marks and by our diff.
	await expect(
		page
			.locator('del')
			.filter({ hasText: /remote/ })
			.first()
	).toBeAttached();
});
