import type { Page } from '@playwright/test';
import { expect, test, type Role } from './fixtures';
import { anAmendment, dossier, publicPages } from './pages';

// axe with its best practices takes seconds on the longest pages of a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

/** Opens a page and waits until its scripts (if on) are done, so axe sees what a reader sees. */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

// Every page type behind a sign-in, each with the least role that reaches it.
const signedInPages: [string, Role][] = [
	['/account', 'reviewer'],
	['/review', 'reviewer'],
	['/review/positions/new?dossier=ai-act', 'reviewer'],
	['/following', 'reviewer'],
	['/admin/users', 'admin'],
	['/admin/dossiers', 'admin'],
	[`${dossier}/stages/new`, 'editor'],
	[`${dossier}/amendments/new`, 'editor'],
	[`${dossier}/amendments/import`, 'editor'],
	[`${dossier}/documents/import`, 'editor'],
	[`${dossier}/charts/scores`, 'editor'],
	[`${dossier}/charts/criteria`, 'editor'],
	[`${dossier}/positions/topics`, 'editor'],
	// What an editor sees on the public pages: the edit links and the internal items.
	[`${dossier}/timeline`, 'editor'],
	[`${dossier}/positions`, 'editor']
];

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		for (const path of [...publicPages, '/no-such-page']) {
			test(`${path} has no axe findings`, async ({ page, expectAccessible }) => {
				await open(page, path);
				await expectAccessible();
			});
		}

		test('one amendment’s page has no axe findings', async ({ page, expectAccessible }) => {
			await open(page, await anAmendment(page));
			await expectAccessible();
		});

		test('error messages on the public pages have no axe findings', async ({ page, expectAccessible }) => {
			await open(page, `${dossier}/amendments?status=nonsense&page=-3`);
			await expect(page.getByRole('alert')).toBeVisible();
			await expectAccessible();
			await open(page, `${dossier}/positions?asOf=not-a-date`);
			await expectAccessible();
		});

		for (const [path, role] of signedInPages) {
			test(`${path} (as ${role}) has no axe findings`, async ({ page, authenticatedAs, expectAccessible }) => {
				await authenticatedAs(role);
				await open(page, path);
				await expectAccessible();
			});
		}

		test('an amendment’s page and its edit form, as an editor, have no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('editor');
			const detail = await anAmendment(page);
			await open(page, detail);
			await expectAccessible();
			await open(page, `${detail}/edit`);
			await expectAccessible();
		});

		test('a stage’s edit form, as an editor, has no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('editor');
			await open(page, `${dossier}/timeline`);
			await page
				.getByRole('link', { name: /^Edit “/ })
				.first()
				.click();
			await expect(page).toHaveURL(/\/stages\/\d+$/);
			await expectAccessible();
		});

		test('a position draft’s page and its edit form, as its reviewer author, have no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('reviewer');
			await open(page, '/review/positions/new?dossier=ai-act&actor=luxembourg&topic=emotion-recognition');
			await page.getByLabel('Date', { exact: true }).fill('2026-03');
			await page.getByLabel('Opposes a ban').check();
			await page.getByLabel('Summary: what the source says').fill(`Axe check ${Date.now()}: a summary of a statement.`);
			await page.getByLabel('Web address', { exact: true }).fill('https://example.org/axe-check');
			await page.getByRole('button', { name: 'Save as draft' }).click();
			await expect(page).toHaveURL(/\/review\/positions\/\d+$/);
			await expectAccessible();
			await open(page, `${page.url()}/edit`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Luxembourg');
			await expectAccessible();
		});
	});
}
