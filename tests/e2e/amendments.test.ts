import { test, expect } from './fixtures';

const list = '/dossiers/ai-act/amendments';

test('filtering the amendments works from the form and the address, with JavaScript off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(list);
	// 771 adopted in plenary and 1,502 tabled in the five committee documents.
	await expect(page.getByRole('heading', { level: 2, name: /^2,?273 amendments/ })).toBeVisible();

	await page.getByLabel('Target provision').selectOption('art_5');
	await page.locator('summary', { hasText: 'Status' }).click();
	await page.getByLabel('Adopted in plenary').check();
	await page.getByLabel('Search the texts').fill('"remote biometric identification"');
	await page.getByRole('button', { name: 'Show amendments' }).click();
	await expect(page).toHaveURL(/provision=art_5/);
	await expect(page).toHaveURL(/status=plenary_adopted/);
	const heading = page.getByRole('heading', { level: 2, name: /amendments?/ });
	const count = Number((await heading.textContent())!.match(/^(\d+)/)![1]);
	expect(count).toBeGreaterThan(0);
	expect(count).toBeLessThan(771);
	const first = page.locator('ol.amendments > li').first();
	await expect(first.locator('mark').first()).toHaveText(/^(remote|biometric|identification)$/i);
	await expect(first.getByRole('link', { name: /^Article 5/ })).toHaveAttribute('href', /\/provisions\/art_5/);

	// The address alone reproduces the view.
	const again = await context.newPage();
	await again.goto(page.url());
	await expect(again.getByRole('heading', { level: 2, name: /amendments?/ })).toHaveText(
		new RegExp(`^${count} amendment`)
	);
	await expect(again.getByLabel('Search the texts')).toHaveValue('"remote biometric identification"');

	// A bad value in the address is reported, not a crash.
	const bad = await again.goto(`${list}?status=nonsense&page=-3`);
	expect(bad?.status()).toBe(200);
	await expect(again.getByRole('alert')).toContainText('Unknown status');
	await context.close();
});

test('an amendment page shows the diff, the history and the same-target link', async ({ page }) => {
	await page.goto(`${list}?status=plenary_adopted&q=${encodeURIComponent('"emotion recognition"')}`);
	await page.locator('ol.amendments > li h3 a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Amendment');
	await expect(page.getByRole('heading', { name: 'What it changes' })).toBeVisible();
	await expect(page.locator('table.side-by-side ins').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Status history' })).toBeVisible();
	await expect(page.getByText('Adopted in plenary').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Comments' })).toHaveCount(0);
	expect((await page.goto(`${list}/99999999`))?.status()).toBe(404);
	expect((await page.goto(`${list}/abc`))?.status()).toBe(404);
});

test('the export is a spreadsheet-safe CSV with BOM and a JSON of the same filtered list', async ({ request }) => {
	const csv = await request.get(`${list}/export.csv?provision=art_5__para_1__point_d`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toMatch(
		/attachment; filename="amendments-ai-act-\d{4}-\d{2}-\d{2}\.csv"/
	);
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8').slice(1);
	expect(text.split('\r\n')[0]).toBe(
		'tabling_context,number,provision,target,target_part,tabled_on,status,visibility,authors,base_text,proposed_text,deletes_provision,new_provision,justification,sources'
	);
	const json = await (await request.get(`${list}/export.json?provision=art_5__para_1__point_d`)).json();
	expect(json.amendments.length).toBeGreaterThan(0);
	expect(json.amendments.every((a: { provision: string }) => a.provision.startsWith('art_5__para_1__point_d'))).toBe(
		true
	);
	const api = await (
		await request.get(`/api/dossiers/ai-act/amendments?provision=art_5__para_1__point_d&size=5`)
	).json();
	expect(api.total).toBe(json.amendments.length);
	expect((await request.get('/api/dossiers/ai-act/amendments?status=bogus')).status()).toBe(400);
});

test('an editor creates, edits and moves an amendment; a stale save is refused with both texts', async ({
	page,
	context,
	authenticatedAs
}) => {
	await authenticatedAs('editor');
	const number = `E2E-${Date.now()}`;
	await page.goto(`${list}/new`);
	// Fill in only once the page is hydrated: hydration re-applies the server's values to the fields.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Tabled in').fill('LIBE test committee');
	await page.getByLabel('Number').fill(number);
	await page.getByLabel('Tabled on').fill('2023-03-01');
	await page.getByLabel('Target as printed').fill('Article 5 – paragraph 1 – point d');
	await page.getByLabel('Provision identifier').fill('art_5__para_1__point_d');
	await page.getByLabel('Tabled by').selectOption(['greens-efa']);
	await page
		.getByLabel('Base text', { exact: true })
		.fill('(d) the use of ‘real-time’ remote biometric identification systems');
	await page.getByLabel('Proposed text', { exact: true }).fill('');
	await page.getByRole('button', { name: 'Create amendment' }).click();
	await expect(page.getByText(/Proposed text is empty/)).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('Proposed text', { exact: true })
		.fill('(d) the use of remote biometric identification systems in publicly accessible spaces');
	await page.getByLabel('Status').selectOption('tabled');
	await page.getByRole('button', { name: 'Create amendment' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Amendment ${number}`);
	await expect(page.locator('table.side-by-side del').first()).toBeVisible();
	const detail = page.url();

	await page.getByLabel('New status').selectOption('committee_adopted');
	await page.getByLabel('Date it took effect').fill('2023-05-11');
	await page.getByRole('button', { name: 'Record status' }).click();
	await expect(page.locator('ol.history li').last()).toContainText('Adopted in committee, 11 May 2023');

	// Two tabs open the edit form from the same version; the second save must not overwrite the first.
	const other = await context.newPage();
	await page.goto(`${detail}/edit`);
	await other.goto(`${detail}/edit`);
	await page.getByLabel('Proposed text', { exact: true }).fill('First editor’s wording.');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page).toHaveURL(detail);
	await other.getByLabel('Proposed text', { exact: true }).fill('Second editor’s wording.');
	await other.getByRole('button', { name: 'Save changes' }).click();
	const conflict = other.getByRole('alert').filter({ hasText: 'Saved meanwhile' });
	await expect(conflict).toContainText('First editor’s wording.');
	await expect(conflict).toContainText('Second editor’s wording.');
	await page.reload();
	await expect(page.locator('table.side-by-side')).toContainText('First editor’s wording.');
	await expect(page.locator('table.side-by-side')).not.toContainText('Second editor’s wording.');
});

test('export → import round trip changes nothing; a broken file is refused', async ({ page, authenticatedAs }) => {
	await authenticatedAs('editor');
	const csv = await page.request.get(`${list}/export.csv?provision=art_5`);
	const file = { name: 'article-5.csv', mimeType: 'text/csv', buffer: await csv.body() };
	const rows = (await page.request.get(`/api/dossiers/ai-act/amendments?provision=art_5&size=1`).then((r) => r.json()))
		.total as number;

	await page.goto(`${list}/import`);
	await page.getByLabel(/^File \(/).setInputFiles(file);
	await page.getByRole('button', { name: 'Dry run' }).click();
	const report = page.getByRole('status').filter({ hasText: 'Dry run of article-5.csv' });
	await expect(report).toContainText(`Would create 0, update 0, leave ${rows} unchanged; 0 refused.`);

	await page.getByLabel(/^File \(/).setInputFiles(file);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText(`Imported article-5.csv: 0 created, 0 updated, ${rows} unchanged.`)).toBeVisible();

	await page.getByLabel(/^File \(/).setInputFiles({
		name: 'latin1.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('tabling_context,number,target,base_text,proposed_text\nA,1,Article 5,caf\xe9,x\n', 'latin1')
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert')).toContainText('not UTF-8');
	await page.getByLabel(/^File \(/).setInputFiles({
		name: 'missing.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('tabling_context,number,target\nA,1,Article 5\n')
	});
	await page.getByRole('button', { name: 'Dry run' }).click();
	await expect(page.getByRole('alert')).toContainText('Missing columns: base_text, proposed_text');
});

test('the public cannot reach the editing pages', async ({ page }) => {
	await page.goto(`${list}/new`);
	await expect(page).toHaveURL(/\/login\?next=/);
	const post = await page.request.post(`${list}/import`, {
		multipart: { mode: 'import' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect([401, 403]).toContain(post.status());
});

test('a 50 MB upload is refused with a clear message before it is read', async ({ page, authenticatedAs }) => {
	await authenticatedAs('editor');
	await page.goto(`${list}/import`);
	const response = await page.request.post(`${list}/import`, {
		// As a browser with JavaScript off posts it: the answer is the page with the message.
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		multipart: {
			mode: 'import',
			tablingContext: 'x',
			tabledOn: '',
			status: 'tabled',
			file: { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(50 * 1024 * 1024, 'a') }
		}
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('The file is 50.0 MB; the import takes files up to 20.0 MB.');
});

test('an assessment is published only once another member approves it', async ({
	browser,
	page,
	authenticatedAs,
	baseURL
}) => {
	const { signInContext } = await import('./fixtures');
	await authenticatedAs('editor');
	await page.goto(`${list}?q=${encodeURIComponent('"predictive"')}`);
	await page.locator('ol.amendments > li h3 a').first().click();
	await expect(page).toHaveURL(/\/amendments\/\d+$/);
	await page.waitForLoadState('networkidle');
	const detail = page.url();
	await page.getByLabel('Strengthens the ban').check();
	await page.getByLabel('Notes').fill('Bans predictive policing outright.');
	await page.getByLabel('Visibility').selectOption('public');
	await page.getByRole('button', { name: 'Save assessment' }).click();
	await expect(page.locator('#assessment ~ p .badge').filter({ hasText: 'In review' })).toBeVisible();
	// The author cannot approve their own assessment.
	await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

	const anonymous = await browser.newContext();
	const publicPage = await anonymous.newPage();
	await publicPage.goto(detail);
	await expect(publicPage.getByText('Bans predictive policing outright.')).toHaveCount(0);

	const reviewerContext = await browser.newContext();
	await signInContext(reviewerContext, baseURL!, 'reviewer');
	const reviewer = await reviewerContext.newPage();
	await reviewer.goto(detail);
	await reviewer.waitForLoadState('networkidle');
	await reviewer.getByRole('button', { name: 'Send back' }).click();
	await expect(reviewer.getByRole('alert')).toContainText('Say why you send it back.');
	await reviewer.getByRole('button', { name: 'Approve' }).click();
	await expect(reviewer.locator('#assessment ~ p .badge').filter({ hasText: 'Approved' })).toBeVisible();

	await publicPage.reload();
	await expect(publicPage.getByText('Bans predictive policing outright.')).toBeVisible();
	await expect(publicPage.locator('#assessment + p')).not.toContainText('by Test');
	await anonymous.close();
	await reviewerContext.close();
});
