import { test, expect } from './fixtures';

const base = '/dossiers/ai-act';

test('a provision is found by its citation and diffed against its renumbered counterpart', async ({ page }) => {
	await page.goto(`${base}/compare`);
	await page.getByLabel('Provision', { exact: true }).fill('5(1)(d)');
	await page.locator('#from').selectOption('commission-proposal');
	await page.locator('#to').selectOption('final-act');
	await page.getByRole('button', { name: 'Compare', exact: true }).click();

	await expect(page).toHaveURL(/compare\/provisions\/art_5__para_1__point_d\?from=commission-proposal&to=final-act/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Article 5(1)(d) (Proposal) and Article 5(1)(h) (Final act)'
	);
	await expect(page.getByText('Found through the dossier’s numbering map.')).toBeVisible();
	await expect(page.getByText(/\d+ words added, \d+ words removed\./)).toBeVisible();
	await expect(page.locator('.diff-legend')).toContainText('underlined = words added');
	// Point (i): the words kept ("victims of", "missing") stay plain between the changes around them.
	const inline = page.locator('.diff-inline');
	await expect(inline.locator('del', { hasText: 'crime, including' }).first()).toBeVisible();
	await expect(inline.locator('ins', { hasText: 'abduction, trafficking in human beings' }).first()).toBeVisible();
	await expect(inline.locator('del', { hasText: /^children$/ }).first()).toBeVisible();
	await expect(inline.locator('ins', { hasText: /^persons$/ }).first()).toBeVisible();

	await page.getByRole('link', { name: 'side by side' }).click();
	await expect(page).toHaveURL(/view=side/);
	const table = page.locator('table.diff-side-by-side');
	await expect(table.getByRole('columnheader')).toHaveText([
		'Article 5(1)(d) — Commission proposal',
		'Article 5(1)(h) — Regulation (EU) 2024/1689 (final act)'
	]);
	await expect(table.locator('td').first().locator('del', { hasText: 'purpose' })).toBeVisible();
});

test('an unknown citation is answered on the form, not with an error page', async ({ page }) => {
	await page.goto(`${base}/compare`);
	await page.getByLabel('Provision', { exact: true }).fill('99(9)(z)');
	await page.getByRole('button', { name: 'Compare', exact: true }).click();
	await expect(page.getByText('The Commission proposal has no provision “99(9)(z)”.')).toBeVisible();
	await expect(page.getByLabel('Provision', { exact: true })).toHaveValue('99(9)(z)');
});

test('Article 5 in four columns: each later text diffed against the Commission text, printable on landscape A4', async ({
	page
}) => {
	await page.goto(`${base}/compare/articles/art_5`);
	const table = page.locator('table.four-columns');
	await expect(table.locator('thead th')).toHaveCount(4);
	await expect(table.locator('thead th').nth(0)).toContainText('Commission proposal');
	await expect(table.locator('thead th').nth(1)).toContainText('Council general approach');
	await expect(table.locator('thead th').nth(2)).toContainText(
		'Parliament position (reconstructed from the amendments of 14 June 2023)'
	);
	await expect(table.locator('thead th').nth(3)).toContainText('Regulation (EU) 2024/1689 (final act)');

	// Proposal 5(1)(d) is followed to final 5(1)(h); the Parliament's Amendment 220 deleted "for the purpose of law enforcement".
	const row = table.locator('tbody tr', {
		has: page.locator('td:nth-child(1) .label', { hasText: /^Article 5\(1\)\(d\)$/ })
	});
	await expect(row.locator('td').nth(3).locator('.label')).toHaveText('Article 5(1)(h)');
	await expect(
		row.locator('td').nth(2).locator('del', { hasText: 'for the purpose of law enforcement' })
	).toBeVisible();
	await expect(row.locator('td').nth(2)).toContainText('Amendments 220–223');
	const deleted = table.locator('tbody tr', {
		has: page.locator('td:nth-child(1) .label', { hasText: /^Article 5\(1\)\(d\)\(i\)$/ })
	});
	await expect(deleted.locator('td').nth(2)).toContainText('Deleted (Amendment 221)');

	// The Parliament's new point (b a) sits after (b), linked to final (g); it has no Commission text.
	const ba = table.locator('tbody tr', {
		has: page.locator('td:nth-child(3) .label', { hasText: /^Article 5\(1\)\(ba\)$/ })
	});
	await expect(ba.locator('td').nth(0)).toHaveText(/—/);
	await expect(ba.locator('td').nth(3).locator('.label')).toHaveText('Article 5(1)(g)');

	const pageRule = await page.evaluate(() => {
		for (const sheet of Array.from(document.styleSheets)) {
			for (const rule of Array.from(sheet.cssRules))
				if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('size');
		}
		return null;
	});
	expect(pageRule).toMatch(/^a4 landscape$/i);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site')).toBeHidden();
	await expect(table.locator('thead th')).toHaveCount(4);
	await expect(row.getByRole('link', { name: /Open diff/ }).first()).toBeHidden();

	await page.emulateMedia({ media: 'screen' });
	await row
		.locator('td')
		.nth(3)
		.getByRole('link', { name: /Open diff/ })
		.click();
	await expect(page).toHaveURL(
		/compare\/provisions\/art_5__para_1__point_d\?from=commission-proposal&to=final-act&toEid=art_5__para_1__point_h/
	);
});

test('the four columns stack into labelled cells on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto(`${base}/compare/articles/art_5`);
	const firstRow = page.locator('table.four-columns tbody tr').nth(1);
	await expect(firstRow.locator('.cell-text').nth(1)).toBeVisible();
	await expect(firstRow.locator('.cell-text').nth(1)).toHaveText('Council');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(1);
});

test('two whole texts: every article with its change counts, sortable without JavaScript, each opening its diff', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/compare/documents?from=commission-proposal&to=final-act`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Commission proposal and Regulation (EU) 2024/1689 (final act)'
	);
	await expect(page.locator('tbody tr').first().locator('td').first()).toContainText('Article 1');

	await page.getByRole('link', { name: 'Words changed' }).click();
	await expect(page).toHaveURL(/sort=changes&dir=desc/);
	await expect(page.getByRole('columnheader', { name: /Words changed/ })).toHaveAttribute('aria-sort', 'descending');
	const totals = await page.locator('tbody tr td:nth-child(3)').allTextContents();
	const numbers = totals.map(Number);
	expect(numbers.length).toBeGreaterThan(100);
	expect(numbers.every((n, i) => i === 0 || numbers[i - 1] >= n)).toBe(true);

	const art52 = page.locator('tbody tr', {
		has: page.locator('td:first-child', { hasText: /^Article 52Transparency/ })
	});
	await expect(art52.locator('td').nth(1)).toContainText('Article 50');
	await art52.getByRole('link', { name: /Open diff/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Article 52 (Proposal) and Article 50 (Final act)');
	await expect(page.locator('.diff-inline ins').first()).toBeVisible();
	await context.close();
});

const attack = (side: string) =>
	`${side}: <script>window.__xss = '${side} script'; alert('${side}')</script> and <img src="x" onerror="window.__xss = '${side} img'; alert('${side} img')"> shall apply`;

test('text compared by a visitor is shown as text: <script> and <img onerror> on both sides never run', async ({
	page,
	baseURL
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	await page.goto(`${base}/compare/text`);
	await page.waitForLoadState('networkidle'); // hydrated: it would re-apply the server's empty fields
	await page.getByLabel('Your text').fill(attack('mine'));
	await page.getByLabel('or this text (used when no provision is given)').fill(attack('theirs'));
	await page.getByRole('button', { name: 'Compare' }).click();

	const result = page.locator('section.result');
	await expect(result.getByRole('heading', { level: 2 })).toHaveText('Second text and your text');
	await expect(result.locator('.diff-inline')).toContainText('<script>window.__xss');
	await expect(result.locator('.diff-inline')).toContainText('<img src="x" onerror=');
	await expect(result.locator('.diff-inline ins', { hasText: 'mine' }).first()).toBeVisible();
	await expect(result.locator('.diff-inline del', { hasText: 'theirs' }).first()).toBeVisible();
	await expect(result.locator('script, img')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

	// The page as the server renders it (the no-JavaScript path), loaded into a live page: still inert.
	const response = await page.request.post(`${base}/compare/text`, {
		form: { mine: attack('mine'), other: attack('theirs'), provision: '', in: 'final-act' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(response.status()).toBe(200);
	const html = await response.text();
	expect(html).not.toContain('<script>window.__xss');
	expect(html).not.toContain('<img src="x"');
	await page.setContent(html);
	await expect(page.locator('section.result .diff-inline')).toContainText('<script>window.__xss');
	await expect(page.locator('section.result').locator('script, img')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
	expect(dialogs).toEqual([]);
});

test('your own text against a provision of the final act', async ({ page }) => {
	await page.goto(`${base}/compare/text`);
	// Fill in only once the page is hydrated: hydration re-applies the server's values to the fields.
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('Your text')
		.fill('(h) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;');
	await page.getByLabel('A provision').fill('5(1)(h)');
	await page.getByLabel('of', { exact: true }).selectOption('final-act');
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.locator('section.result h2')).toHaveText(
		'Article 5(1)(h), Regulation (EU) 2024/1689 (final act) and your text'
	);
	await expect(
		page.locator('section.result .diff-inline del', { hasText: 'for the purposes of law enforcement' }).first()
	).toBeVisible();

	await page.getByLabel('A provision').fill('no such thing');
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.getByText('No provision “no such thing” in that text.')).toBeVisible();
});

test('an editor corrects a lineage link, and comparisons follow it', async ({ page, authenticatedAs }) => {
	const me = await authenticatedAs('editor');
	await page.goto(`${base}/provisions/rec_89/lineage`);
	const proposal = page.locator('section.version', {
		has: page.getByRole('heading', { name: /^Commission proposal/ })
	});
	await proposal.getByText('Correct its counterpart in another text').click();
	await proposal.getByLabel('Text', { exact: true }).selectOption('final-act');
	await proposal.getByLabel('Its counterpart there').fill('Recital 179');
	await proposal.getByLabel('Why (kept with the link and in the audit log)').fill('e2e: checking the correction flow');
	await proposal.getByRole('button', { name: 'Save the link' }).click();

	await expect(page.getByRole('status')).toContainText('The link was corrected.');
	const link = proposal.locator('li', { hasText: 'Recital 179' });
	await expect(link).toContainText(`set by an editor by ${me.name}: “e2e: checking the correction flow”`);

	await page.goto(`${base}/compare/provisions/rec_89?from=commission-proposal&to=final-act`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recital 89 (Proposal) and Recital 179 (Final act)');
	await expect(page.getByText('Found through an editor.')).toBeVisible();

	await page.goto(`${base}/provisions/rec_89/lineage`);
	await proposal
		.locator('li', { hasText: 'Recital 179' })
		.getByRole('button', { name: /Remove link/ })
		.click();
	await expect(page.getByRole('status')).toContainText('The link was removed.');
	await expect(proposal.locator('li', { hasText: 'Recital 179' })).toHaveCount(0);
});

test('the public can read lineage but gets no editing forms', async ({ page }) => {
	await page.goto(`${base}/provisions/art_5__para_1__point_d/lineage`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lineage of Article 5(1)(d)');
	await expect(page.getByText(/Becomes Article 5\(1\)\(h\) in the Regulation/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save the link' })).toHaveCount(0);
});

test('the hub’s article form picks any texts as columns, Council and consolidated texts included, without JavaScript', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/compare`);
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Show the columns' }) });
	await form.getByLabel('Article').fill('5');
	await form.getByLabel('Numbered as in').selectOption('final-act');
	for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
	await form.getByRole('checkbox', { name: /ST 14278\/21/ }).check();
	await form.getByRole('checkbox', { name: /Unofficial consolidation/ }).check();
	await form.getByRole('button', { name: 'Show the columns' }).click();
	await expect(page).toHaveURL(/compare\/articles\/art_5\?in=final-act&cols=council-st-14278-21%2Cconsolidated-2026/);
	await expect(page.locator('table.four-columns thead th')).toHaveCount(2);

	await page.goto(`${base}/compare`);
	await form.getByLabel('Article').fill('5');
	for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
	await form.getByRole('checkbox', { name: /ST 14278\/21/ }).check();
	await form.getByRole('button', { name: 'Show the columns' }).click();
	await expect(form.getByRole('alert')).toHaveText('Choose between 2 and 6 texts (you chose 1).');
	await expect(form.getByRole('checkbox', { name: /ST 14278\/21/ })).toBeChecked();
	await context.close();
});

const checked = [
	'/compare',
	'/compare/provisions/art_5__para_1__point_d',
	'/compare/provisions/art_5__para_1__point_d?view=side',
	'/compare/articles/art_5',
	'/compare/documents?sort=changes',
	'/compare/text',
	'/provisions/art_5__para_1__point_d/lineage'
];
for (const path of checked) {
	test(`${path} has no axe findings`, async ({ page, expectAccessible }) => {
		await page.goto(`${base}${path}`);
		await expectAccessible();
	});
}
