import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * A dossier of one's own, built as an admin and an editor would: opened on /admin/dossiers, given two texts
 * by importing Council Word files through the page, then every page of it walked. The inputs are real files
 * (the Slovenian Presidency's compromise text of November 2021, the French Presidency's of June 2022) with
 * their procedure reference rewritten to the new dossier's, since the importer refuses a document of another
 * procedure. The dossier has no Commission proposal, stages, amendments, positions or scores.
 */
const folder = 'src/lib/server/seed/data/ai-act/documents/council-compromise-texts';
const files = [
	{
		source: '2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx',
		name: 'second-dossier-slovenia.docx',
		reference: 'ST 14278/21',
		date: '2021-11-29'
	},
	{
		source: '2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx',
		name: 'second-dossier-france.docx',
		reference: 'ST 10069/22',
		date: '2022-06-15'
	}
];

/** The Word file with every mention of the AI Act's procedure replaced by `procedure`. */
function wordFileFor(source: string, fileName: string, procedure: string) {
	const parts = unzipSync(new Uint8Array(readFileSync(`${folder}/${source}`)));
	const xml = strFromU8(parts['word/document.xml']);
	expect(xml).toContain('2021/0106(COD)');
	parts['word/document.xml'] = strToU8(xml.replaceAll('2021/0106(COD)', procedure));
	return {
		name: fileName,
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		buffer: Buffer.from(zipSync(parts))
	};
}

/** Every address the page links to or posts to, as a path. */
async function addressesOn(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll('a[href]')].map(
			(a) => new URL((a as HTMLAnchorElement).href, location.href).pathname
		),
		...[...document.querySelectorAll('form')].map(
			(f) => new URL(f.getAttribute('action') ?? location.href, location.href).pathname
		)
	]);
}

test('a second dossier: created by an admin, given a Word text by an editor, and every page of it works', async ({
	page,
	authenticatedAs
}) => {
	test.setTimeout(180_000);
	const n = String(Date.now() % 10_000).padStart(4, '0');
	const slug = `test-act-${n}`;
	const procedure = `2031/${n}(COD)`;
	const shortTitle = `Test Act ${n}`;
	const base = `/dossiers/${slug}`;
	// An admin is an editor too: one sign-in does both jobs.
	await authenticatedAs('admin');

	await page.goto('/admin/dossiers');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Title', { exact: true }).fill(`Regulation on test infrastructure ${n}`);
	await page.getByLabel('Short title').fill(shortTitle);
	await page.getByLabel('Procedure reference').fill(procedure);
	await page.getByLabel('Address').fill(slug);
	await page.getByLabel('Summary').fill('A dossier opened by the browser test, with one Council text.');
	await page.getByRole('button', { name: 'Open the dossier' }).click();
	await expect(page).toHaveURL(base);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(shortTitle);
	await expect(page.locator('main')).toContainText(`Regulation on test infrastructure ${n}`);

	for (const file of files) {
		const docx = wordFileFor(file.source, file.name, procedure);
		await page.goto(`${base}/documents/import`);
		await page.waitForLoadState('networkidle');
		await page.getByLabel(/^Word file/).setInputFiles(docx);
		await page.getByRole('button', { name: 'Dry run' }).click();
		const report = page.getByRole('status').filter({ hasText: `Dry run of ${file.name}` });
		await expect(report).toContainText(file.reference, { timeout: 60_000 });
		await expect(report).toContainText(file.date);
		await page.getByLabel(/^Word file/).setInputFiles(docx);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByText(`Imported ${file.name}.`)).toBeVisible({ timeout: 60_000 });
		for (const href of await addressesOn(page))
			expect(href, 'the import page links into its own dossier').not.toContain('/dossiers/ai-act');
	}

	const [first, second] = ['council-st-14278-21', 'council-st-10069-22'];
	/** Each page, and words it must show: the new dossier's own content, or an empty state said plainly. */
	const pages: [string, (string | RegExp)[]][] = [
		[base, [shortTitle, procedure, 'ST 14278/21', 'ST 10069/22', 'No stage has been reached yet.']],
		[`${base}/provisions`, ['Article 5']],
		[`${base}/provisions/art_5`, ['shall be prohibited', 'ST 14278/21', 'ST 10069/22']],
		[
			`${base}/provisions/art_5__para_1__point_d/council`,
			['ST 14278/21', 'ST 10069/22', 'the dossier has no Commission proposal']
		],
		[`${base}/provisions/art_5/lineage`, ['ST 14278/21', 'ST 10069/22']],
		[`${base}/compare`, ['Compare the texts', 'An article in several texts']],
		[`${base}/compare/documents?from=${first}&to=${second}`, ['Article 5', 'with changes']],
		[`${base}/compare/provisions/art_5__para_1__point_d?from=${first}&to=${second}`, ['Found through']],
		[`${base}/compare/articles/art_5`, ['Article 5', 'in 2 texts']],
		[`${base}/compare/text`, ['Compare your own text']],
		[`${base}/timeline`, ['ST 14278/21', 'No stage has been reached yet.']],
		[`${base}/charts`, ['no demands to score', 'No amendments are recorded yet.']],
		[`${base}/charts/scores`, ['no demands to score']],
		[`${base}/amendments`, [`No amendments are recorded for the ${shortTitle} yet.`]],
		[`${base}/amendments/new`, ['New amendment']],
		[`${base}/amendments/import`, ['Import amendments']],
		[`${base}/positions`, [`No positions on the ${shortTitle} are recorded yet`, `No topics of the ${shortTitle}`]],
		[`${base}/positions/topics`, [`The ${shortTitle} has no topics yet`, 'Add a topic']],
		[`${base}/charts/criteria`, [`The ${shortTitle} has no demands yet`, 'Add a demand']],
		[`${base}/positions/map`, [`No positions on the ${shortTitle} are recorded yet`]],
		[`${base}/actors`, [`No amendments of the ${shortTitle} are recorded yet`]],
		[`${base}/stages/new`, ['Add a stage or event']],
		[`${base}/documents/import`, ['Import a text of the act']]
	];
	const failures: string[] = [];
	for (const [path, expected] of pages) {
		const response = await page.goto(path);
		if (response?.status() !== 200) {
			failures.push(`${path}: ${response?.status()}`);
			continue;
		}
		const body = await page.locator('main').innerText();
		for (const words of expected)
			if (!(typeof words === 'string' ? body.includes(words) : words.test(body)))
				failures.push(`${path}: does not say ${words}`);
		for (const href of await addressesOn(page))
			if (href.includes('/dossiers/ai-act')) failures.push(`${path}: links to ${href}`);
		await expect(page.locator('header nav').getByRole('link', { name: shortTitle })).toHaveAttribute('href', base);
	}
	expect(failures).toEqual([]);

	// What positions and scores are recorded against: a topic and a demand, added through their pages.
	await page.goto(`${base}/positions`);
	await page.getByRole('link', { name: 'Add its topics' }).click();
	await expect(page).toHaveURL(`${base}/positions/topics`);
	await page.waitForLoadState('networkidle');
	const addTopic = page.getByRole('form', { name: 'Add a topic' });
	for (const attempt of ['first', 'again']) {
		await addTopic.getByLabel('Address').fill('street-cameras');
		await addTopic.getByLabel('Name', { exact: true }).fill('Street cameras');
		await addTopic.getByRole('button', { name: 'Add the topic' }).click();
		if (attempt === 'first') await expect(page.getByRole('status')).toContainText('The topic was added');
	}
	await expect(addTopic.getByLabel('Address')).toHaveAccessibleDescription(/already has a topic “street-cameras”/);
	await page.goto(`${base}/positions`);
	await expect(page.getByRole('columnheader', { name: 'Street cameras' }).first()).toBeVisible();
	await expect(page.locator('main')).not.toContainText(`No topics of the ${shortTitle}`);

	await page.goto(`${base}/charts/scores`);
	await page.getByRole('link', { name: 'Add its demands' }).click();
	await expect(page).toHaveURL(`${base}/charts/criteria`);
	await page.waitForLoadState('networkidle');
	const addDemand = page.getByRole('form', { name: 'Add a demand' });
	await addDemand.getByLabel('Key').fill('private-actors');
	await addDemand.getByLabel('Demand').fill('Covers private actors');
	await addDemand.getByRole('button', { name: 'Add the demand' }).click();
	await expect(page.getByRole('status')).toContainText('The demand was added');
	await page.goto(`${base}/charts/scores`);
	await expect(page.getByRole('listitem').filter({ hasText: 'Covers private actors' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('no demands to score');
	// Its Council texts are not of a scored kind: the charts and the timeline say that no text is scored yet.
	for (const path of [`${base}/charts`, `${base}/timeline`]) {
		expect((await page.goto(path))?.status(), path).toBe(200);
		await expect(page.locator('main')).toContainText('No text has been scored yet.');
	}

	const feed = await page.request.get(`${base}/feed.atom`);
	expect(feed.status()).toBe(200);
	const atom = await feed.text();
	expect(atom).toContain('ST 14278/21');
	expect(atom).not.toContain('/dossiers/ai-act');
});
