import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Role } from './fixtures';

const dossier = '/dossiers/ai-act';

/**
 * axe-core against WCAG 2.1 A and AA, plus two checks axe no longer makes on its own: no id used twice on a
 * page, and no form control without a name a screen reader can announce.
 */
async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0].target.join(' ')})`)).toEqual([]);
	const problems = await page.evaluate(() => {
		const seen = new Map<string, number>();
		for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
		const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => `duplicate id #${id}`);
		const unlabeled = [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
			.filter((c) => c.type !== 'hidden')
			.filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.title))
			.map((c) => `unlabeled ${c.tagName.toLowerCase()}[name=${c.name}]`);
		return [...duplicates, ...unlabeled];
	});
	expect(problems).toEqual([]);
}

/** The address of one amendment of the seeded list (the first about emotion recognition). */
async function anAmendment(page: Page): Promise<string> {
	await page.goto(`${dossier}/amendments?q=${encodeURIComponent('"emotion recognition"')}`);
	return (await page.locator('ol.amendments > li h3 a').first().getAttribute('href'))!;
}

// The public pages everyone reads.
const publicPages = [
	'/',
	'/login',
	dossier,
	`${dossier}/timeline`,
	`${dossier}/provisions`,
	`${dossier}/provisions/art_5`,
	`${dossier}/compare`,
	`${dossier}/compare/provisions/art_5__para_1__point_d?from=commission-proposal&to=final-act`,
	`${dossier}/compare/articles/art_5`,
	`${dossier}/compare/documents`,
	`${dossier}/compare/documents?from=commission-proposal&to=final-act`,
	`${dossier}/amendments`,
	`${dossier}/positions`,
	`${dossier}/positions/germany`,
	`${dossier}/positions/map`,
	`${dossier}/charts`
];

for (const path of publicPages) {
	test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await expectAccessible(page);
	});
}

test('one amendment’s page has no WCAG A/AA violations', async ({ page }) => {
	await page.goto(await anAmendment(page));
	await expectAccessible(page);
});

test('error messages on the public pages have no WCAG A/AA violations', async ({ page }) => {
	await page.goto(`${dossier}/amendments?status=nonsense&page=-3`);
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
	await page.goto(`${dossier}/positions?asOf=not-a-date`);
	await expectAccessible(page);
});

// The pages behind a sign-in, each with the least role that reaches it.
const signedInPages: [string, Role][] = [
	['/account', 'reviewer'],
	['/review', 'reviewer'],
	['/review/positions/new', 'reviewer'],
	['/following', 'reviewer'],
	['/admin/users', 'admin'],
	[`${dossier}/stages/new`, 'editor'],
	[`${dossier}/amendments/new`, 'editor'],
	[`${dossier}/amendments/import`, 'editor']
];

for (const [path, role] of signedInPages) {
	test(`${path} (as ${role}) has no WCAG A/AA violations`, async ({ page, authenticatedAs }) => {
		await authenticatedAs(role);
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await expectAccessible(page);
	});
}

test('an amendment’s page and edit form, signed in as an editor, have no WCAG A/AA violations', async ({ page, authenticatedAs }) => {
	await authenticatedAs('editor');
	const detail = await anAmendment(page);
	await page.goto(detail);
	await expectAccessible(page);
	await page.goto(`${detail}/edit`);
	await page.waitForLoadState('networkidle');
	await expectAccessible(page);
});

// Error states, with JavaScript on (axe needs it): the enhanced forms render the same markup as the server.
test('the errors of the public forms have no WCAG A/AA violations', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email address').fill('nobody@example.org');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong email address or password.');
	await expectAccessible(page);
	await page.goto(`${dossier}/compare?go=provision&provision=Article+999&from=commission-proposal&to=final-act`);
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
});

test('the errors of the editors’ forms have no WCAG A/AA violations', async ({ page, authenticatedAs }) => {
	await authenticatedAs('editor');
	await page.goto(`${dossier}/amendments/new`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Create amendment' }).click();
	await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	await expect(page.getByLabel('Number')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	await page.goto(await anAmendment(page));
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Date it took effect').fill('someday');
	await page.getByRole('button', { name: 'Record status' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`${dossier}/stages/new`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Add to the timeline' }).click();
	await expect(page.getByText('A title is needed.')).toBeVisible();
	await expectAccessible(page);
});

test('the errors of the position draft and of the new-user form have no WCAG A/AA violations', async ({ page, authenticatedAs }) => {
	await authenticatedAs('admin');
	await page.goto('/review/positions/new');
	await page.waitForLoadState('networkidle');
	// Who and what pass the browser's own checks; the missing evidence is the server's to report.
	await page.getByLabel('Who took the position').selectOption({ label: 'Germany' });
	await page.getByLabel('Summary: what the source says').fill('A summary without a source.');
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	await expectAccessible(page);

	await page.goto('/admin/users');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email address').fill(`short-${Date.now()}@example.org`);
	await page.getByLabel('Password', { exact: true }).fill('x');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	await expectAccessible(page);
});

// Forms the other browser tests do not already submit with JavaScript off.
test.describe('with JavaScript off, the forms still submit and show their errors', () => {
	test.use({ javaScriptEnabled: false });

	test('a new amendment, its status and a comment', async ({ page, authenticatedAs }) => {
		await authenticatedAs('editor');
		await page.goto(`${dossier}/amendments/new`);
		await page.getByRole('button', { name: 'Create amendment' }).click();
		await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
		const number = `NOJS-${Date.now()}`;
		await page.getByLabel('Tabled in').fill('LIBE test committee');
		await page.getByLabel('Number').fill(number);
		await page.getByLabel('Target as printed').fill('Article 5 – paragraph 1 – point d');
		await page.getByLabel('Tabled by').selectOption(['greens-efa']);
		await page.getByLabel('Base text', { exact: true }).fill('(d) the use of systems');
		await page.getByLabel('Proposed text', { exact: true }).fill('(d) the use of no systems');
		await page.getByRole('button', { name: 'Create amendment' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(`Amendment ${number}`);

		await page.getByLabel('Date it took effect').fill('someday');
		await page.getByRole('button', { name: 'Record status' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.getByLabel('Date it took effect')).toHaveValue('someday');

		await page.getByLabel('Add a comment').fill('Checked without JavaScript.');
		await page.getByRole('button', { name: 'Comment' }).click();
		await expect(page.locator('ol.comments')).toContainText('Checked without JavaScript.');

		await page.getByRole('link', { name: 'Edit', exact: true }).click();
		await page.getByLabel('Number').fill('');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	});

	test('the import', async ({ page, authenticatedAs }) => {
		await authenticatedAs('editor');
		await page.goto(`${dossier}/amendments/import`);
		await page.getByLabel(/^File \(/).setInputFiles({ name: 'missing.csv', mimeType: 'text/csv', buffer: Buffer.from('tabling_context,number,target\nA,1,Article 5\n') });
		await page.getByRole('button', { name: 'Dry run' }).click();
		await expect(page.getByRole('alert')).toContainText('Missing columns: base_text, proposed_text');
	});

	test('a position draft', async ({ page, authenticatedAs }) => {
		await authenticatedAs('reviewer');
		await page.goto('/review/positions/new');
		// Who and what pass the browser's own checks; the missing evidence is the server's to report.
		await page.getByLabel('Who took the position').selectOption({ label: 'Germany' });
		await page.getByLabel('Summary: what the source says').fill('A summary without a source.');
		await page.getByRole('button', { name: 'Save as draft' }).click();
		await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	});

	test('following and unfollowing a country', async ({ page, authenticatedAs }) => {
		await authenticatedAs('reviewer');
		await page.goto('/following');
		await page.getByLabel('Country').selectOption({ label: 'Germany' });
		await page.getByRole('button', { name: 'Follow the country' }).click();
		await expect(page.locator('ul.follows')).toContainText('Germany');
		await page.getByRole('button', { name: 'Stop following Germany' }).click();
		await expect(page.getByText('You follow nothing yet.')).toBeVisible();
	});

	test('the admin’s new-user form', async ({ page, authenticatedAs }) => {
		await authenticatedAs('admin');
		await page.goto('/admin/users');
		await page.getByLabel('Email address').fill(`short-${Date.now()}@example.org`);
		await page.getByLabel('Password', { exact: true }).fill('x');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	});

	test('the compare form', async ({ page }) => {
		await page.goto(`${dossier}/compare`);
		await page.getByLabel('Provision', { exact: true }).fill('Article 999');
		await page.getByRole('button', { name: 'Compare', exact: true }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await page.getByLabel('Provision', { exact: true }).fill('5(1)(d)');
		await page.getByRole('button', { name: 'Compare', exact: true }).click();
		await expect(page).toHaveURL(/\/compare\/provisions\/art_5__para_1__point_d/);
	});
});

test('the skip link and the main navigation are reachable by keyboard, with visible focus', async ({ page }) => {
	await page.goto('/dossiers/ai-act');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	const outline = await page.evaluate(() => {
		const link = document.querySelector('header nav a') as HTMLElement;
		link.focus();
		return getComputedStyle(link).outlineStyle;
	});
	expect(outline).not.toBe('none');
});
