import { expect, test } from './fixtures';
import { anAmendment, dossier } from './pages';

// axe with its best practices takes seconds on the longest pages of a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

// Error states, with the enhanced forms (JavaScript on) and the plain ones (off): both render the same markup.
for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('the errors of the public forms have no axe findings', async ({ page, expectAccessible }) => {
			await page.goto('/login');
			await page.getByLabel('Email address').fill('nobody@example.org');
			await page.getByLabel('Password').fill('not the password');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('alert')).toHaveText('Wrong email address or password.');
			await expectAccessible();
			await page.goto(`${dossier}/compare?go=provision&provision=Article+999&from=commission-proposal&to=final-act`);
			await expect(page.getByRole('alert')).toBeVisible();
			await expectAccessible();
		});

		test('the errors of the editors’ forms have no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('editor');
			await page.goto(`${dossier}/amendments/new`);
			await page.waitForLoadState('networkidle');
			await page.getByRole('button', { name: 'Create amendment' }).click();
			await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
			await expect(page.getByLabel('Number')).toHaveAttribute('aria-invalid', 'true');
			await expectAccessible();

			await page.goto(await anAmendment(page));
			await page.waitForLoadState('networkidle');
			await page.getByLabel('Date it took effect').fill('someday');
			await page.getByRole('button', { name: 'Record status' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expectAccessible();

			await page.goto(`${dossier}/stages/new`);
			await page.waitForLoadState('networkidle');
			await page.getByRole('button', { name: 'Add to the timeline' }).click();
			await expect(page.getByText('A title is needed.')).toBeVisible();
			await expectAccessible();
		});

		test('the refusals of the topics and ban criteria pages are told beside what they concern, with no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('editor');
			await page.goto(`${dossier}/positions/topics`);
			await page.waitForLoadState('networkidle');
			const add = page.getByRole('form', { name: 'Add a topic' });
			await add.getByLabel('Address').fill('emotion-recognition');
			await add.getByLabel('Name', { exact: true }).fill('Emotion recognition again');
			await add.getByRole('button', { name: 'Add the topic' }).click();
			await expect(add.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
			await expect(add.getByLabel('Address')).toHaveAccessibleDescription(/already has a topic “emotion-recognition”/);
			await expectAccessible();
			// The seeded topics all have positions: removing one is refused, saying how many.
			await page
				.getByRole('button', { name: /^Remove / })
				.first()
				.click();
			await expect(page.getByRole('alert')).toHaveText(/was not removed: \d+ positions? (is|are) recorded on it/);
			await expectAccessible();

			await page.goto(`${dossier}/charts/criteria`);
			await page.waitForLoadState('networkidle');
			await page
				.getByRole('button', { name: /^Remove / })
				.first()
				.click();
			await expect(page.getByRole('alert')).toHaveText(/was not removed: \d+ scores? rests? on it/);
			await expectAccessible();
		});

		test('the errors of the position draft and of the new-user form have no axe findings', async ({
			page,
			authenticatedAs,
			expectAccessible
		}) => {
			await authenticatedAs('admin');
			await page.goto('/review/positions/new?dossier=ai-act');
			await page.waitForLoadState('networkidle');
			// Who and what pass the browser's own checks; the missing evidence is the server's to report.
			await page.getByLabel('Who took the position').selectOption({ label: 'Germany' });
			await page.getByLabel('Summary: what the source says').fill('A summary without a source.');
			await page.getByRole('button', { name: 'Save as draft' }).click();
			await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
			await expectAccessible();

			await page.goto('/admin/users');
			await page.waitForLoadState('networkidle');
			await page.getByLabel('Email address').fill(`short-${Date.now()}@example.org`);
			await page.getByLabel('Password', { exact: true }).fill('x');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
			await expectAccessible();
		});
	});
}

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
		await page.getByLabel(/^File \(/).setInputFiles({
			name: 'missing.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('tabling_context,number,target\nA,1,Article 5\n')
		});
		await page.getByRole('button', { name: 'Dry run' }).click();
		await expect(page.getByRole('alert')).toContainText('Missing columns: base_text, proposed_text');
	});

	test('a position draft', async ({ page, authenticatedAs }) => {
		await authenticatedAs('reviewer');
		await page.goto('/review/positions/new?dossier=ai-act');
		// Who and what pass the browser's own checks; the missing evidence is the server's to report.
		await page.getByLabel('Who took the position').selectOption({ label: 'Germany' });
		await page.getByLabel('Summary: what the source says').fill('A summary without a source.');
		await page.getByRole('button', { name: 'Save as draft' }).click();
		await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
	});

	test('following and unfollowing a country', async ({ page, authenticatedAs }) => {
		await authenticatedAs('reviewer');
		await page.goto('/following?dossier=ai-act');
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
