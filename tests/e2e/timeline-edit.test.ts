import { expect, test } from './fixtures';

test.describe('editors add and edit stages and events', () => {
	test('an editor adds an event with its source, then edits it', async ({ page, authenticatedAs }) => {
		await authenticatedAs('editor');
		await page.goto('/dossiers/ai-act/timeline');
		await page.getByRole('link', { name: 'Add a stage or event' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a stage or event');

		const title = `Test hearing ${Date.now()}`;
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Date', { exact: true }).fill('2025-02-30');
		await page.getByRole('button', { name: 'Add to the timeline' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.getByText('A date as YYYY-MM-DD')).toBeVisible();
		await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);

		await page.getByLabel('Date', { exact: true }).fill('2025-02-03');
		await page.getByLabel('Category (events only)').selectOption('parliament');
		await page.getByLabel(/^Sources/).fill('EP press release | https://www.europarl.europa.eu/news/ | 3 Feb');
		await page.getByRole('button', { name: 'Add to the timeline' }).click();

		await expect(page).toHaveURL(/\/dossiers\/ai-act\/timeline#event/);
		const entry = page.locator('ol.timeline > li', { hasText: title });
		await expect(entry.locator('time')).toHaveText('3 February 2025');
		await expect(entry.getByRole('link', { name: 'EP press release' })).toHaveAttribute(
			'href',
			'https://www.europarl.europa.eu/news/'
		);
		await expect(entry.getByText('not verified')).toBeVisible();

		await entry.getByRole('link', { name: `Edit “${title}”` }).click();
		await page.getByLabel('Title', { exact: true }).fill(`${title} (edited)`);
		await page.getByLabel('Verified against the source').check();
		await page.getByRole('button', { name: 'Save changes' }).click();
		const edited = page.locator('ol.timeline > li', { hasText: `${title} (edited)` });
		await expect(edited).toBeVisible();
		await expect(edited.getByText('not verified')).toHaveCount(0);
	});

	test('two editors on one entry: the later save is refused and both texts are shown', async ({
		page,
		context,
		authenticatedAs
	}) => {
		await authenticatedAs('editor');
		await page.goto('/dossiers/ai-act/stages/new');
		const title = `Shared entry ${Date.now()}`;
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Date', { exact: true }).fill('2025-03-01');
		await page.getByRole('button', { name: 'Add to the timeline' }).click();
		await page
			.locator('ol.timeline > li', { hasText: title })
			.getByRole('link', { name: `Edit “${title}”` })
			.click();
		await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
		const editUrl = page.url();
		const other = await context.newPage();
		await other.goto(editUrl);
		await other.waitForLoadState('networkidle');

		await page.getByLabel('Title', { exact: true }).fill(`${title}: first`);
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page).toHaveURL(/\/timeline/);

		await other.getByLabel('Title', { exact: true }).fill(`${title}: second`);
		await other.getByRole('button', { name: 'Save changes' }).click();
		const notice = other.getByRole('alert').filter({ hasText: 'Saved meanwhile' });
		await expect(notice).toContainText(`${title}: first`);
		await expect(other.getByLabel('Title', { exact: true })).toHaveValue(`${title}: second`);
		await page.reload();
		await expect(page.locator('ol.timeline > li', { hasText: `${title}: first` })).toBeVisible();
		await expect(page.locator('ol.timeline > li', { hasText: `${title}: second` })).toHaveCount(0);

		// The refused form now carries their version: saving again knowingly replaces it.
		await other.getByRole('button', { name: 'Save changes' }).click();
		await expect(other).toHaveURL(/\/timeline/);
		await expect(other.locator('ol.timeline > li', { hasText: `${title}: second` })).toBeVisible();
	});

	test('two editors on one ban score: the later save is refused by version and both texts are shown', async ({
		page,
		context,
		authenticatedAs
	}) => {
		await authenticatedAs('editor');
		await page.goto('/dossiers/ai-act/charts/scores');
		await page.getByRole('link', { name: /edit Bans biometric categorisation in Proposal/ }).click();
		await expect(page.getByLabel('Justification')).not.toBeEmpty();
		const scoreUrl = page.url();
		const other = await context.newPage();
		await other.goto(scoreUrl);
		await other.waitForLoadState('networkidle');
		const first = `First editor’s reason ${Date.now()}: the proposal leaves categorisation to the high-risk rules.`;
		const second = `Second editor’s reason ${Date.now()}: not banned in the proposal.`;

		await page.getByLabel('Justification').fill(first);
		await page.getByRole('button', { name: 'Save the score' }).click();
		await expect(page).toHaveURL(/\/charts#ban-strength/);

		await other.getByLabel('Justification').fill(second);
		await other.getByRole('button', { name: 'Save the score' }).click();
		const notice = other.getByRole('alert').filter({ hasText: 'Saved meanwhile' });
		await expect(notice).toContainText(first);
		await expect(notice).toContainText(second);
		await expect(other.getByLabel('Justification')).toHaveValue(second);
		await page.goto(scoreUrl);
		await expect(page.getByLabel('Justification')).toHaveValue(first);
	});

	test('an editor edits a ban score', async ({ page, authenticatedAs }) => {
		await authenticatedAs('editor');
		await page.goto('/dossiers/ai-act/charts/scores');
		await page.getByRole('link', { name: /edit Bans emotion recognition in Proposal/ }).click();
		await expect(page.getByLabel('Justification')).not.toBeEmpty();
		await page.getByLabel('Justification').fill('');
		await page.getByRole('button', { name: 'Save the score' }).click();
		await expect(page.getByText('Say why')).toBeVisible();
		await page
			.getByLabel('Justification')
			.fill('Still not prohibited in the proposal: Article 52(2) only asks users to inform the people exposed.');
		await page.getByRole('button', { name: 'Save the score' }).click();
		await expect(page).toHaveURL(/\/dossiers\/ai-act\/charts#ban-strength/);
		await page.getByText('Why each text scores as it does').click();
		await expect(page.getByText('Still not prohibited in the proposal')).toBeVisible();
	});

	test('a reviewer cannot reach the editing pages, and the public is sent to sign in', async ({
		page,
		authenticatedAs,
		browser,
		baseURL
	}) => {
		const anonymous = await browser.newPage({ baseURL });
		await anonymous.goto('/dossiers/ai-act/stages/new');
		await expect(anonymous).toHaveURL(/\/login\?next=/);
		const post = await anonymous.request.post('/dossiers/ai-act/stages/new', {
			form: { title: 'x' },
			headers: { origin: baseURL! }
		});
		expect([401, 403]).toContain(post.status());
		await anonymous.close();

		await authenticatedAs('reviewer');
		const response = await page.goto('/dossiers/ai-act/stages/new');
		expect(response?.status()).toBe(403);
		expect((await page.goto('/dossiers/ai-act/charts/scores'))?.status()).toBe(403);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the add form works and shows errors', async ({ page, authenticatedAs }) => {
		await authenticatedAs('editor');
		await page.goto('/dossiers/ai-act/stages/new');
		await page.getByRole('button', { name: 'Add to the timeline' }).click();
		await expect(page.getByText('A title is needed.')).toBeVisible();
		// An event, not a stage: a new stage would change "stage n of 19" for the other tests.
		const title = `No-JS event ${Date.now()}`;
		await page.getByLabel('Other event').check();
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Date', { exact: true }).fill('2031');
		await page.getByRole('button', { name: 'Add to the timeline' }).click();
		const entry = page.locator('ol.timeline > li', { hasText: title });
		await expect(entry.getByText('upcoming')).toBeVisible();
		await expect(entry.locator('time')).toHaveText('2031');
	});
});
