import { test, expect, resetThrottle, signInContext } from './fixtures';

test('signing in and out through the header', async ({ page, context, newUser }) => {
	const user = await newUser('editor');
	await page.goto('/dossiers/ai-act/timeline');
	await page.getByRole('link', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/login\?next=%2Fdossiers%2Fai-act%2Ftimeline$/);
	await page.getByLabel('Email address').fill(user.email.toUpperCase());
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dossiers\/ai-act\/timeline$/);
	await expect(page.locator('header')).toContainText(`${user.name} (editor)`);

	const [cookie] = (await context.cookies()).filter((c) => c.name === 'session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
	expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

	await page.getByRole('link', { name: 'Account' }).click();
	await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect((await context.cookies()).filter((c) => c.name === 'session')).toEqual([]);

	// The old token is dead on the server too, not just forgotten by the browser.
	await context.addCookies([{ ...cookie }]);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test('a wrong password and an unknown email get the same message', async ({ page, newUser }) => {
	const user = await newUser('reviewer');
	await page.goto('/login');
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill('not the password at all');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong email address or password.');
	await expect(page.getByLabel('Email address')).toHaveValue(user.email);

	await page.getByLabel('Email address').fill('nobody-here@example.org');
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong email address or password.');
	await expect(page.locator('header')).not.toContainText('(reviewer)');
});

test('after 10 failures from one address the sign-in answers 429 with Retry-After', async ({
	page,
	request,
	newUser,
	baseURL
}) => {
	const user = await newUser('reviewer');
	await resetThrottle(request);
	try {
		const post = (email: string, password: string) =>
			request.post('/login', {
				form: { email, password },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
		// Ten failures from this address, over other accounts (an account's own failures only slow it down).
		for (let i = 0; i < 10; i++)
			expect((await post(`guess-${i}-${user.email}`, `wrong guess ${i}`)).status()).toBe(400);
		const refused = await post(user.email, user.password);
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(500);
		expect(Number(refused.headers()['retry-after'])).toBeLessThanOrEqual(600);

		// The browser sees it as a page, even with the right password.
		await page.goto('/login');
		// Fill in only once the page is hydrated: hydration re-applies the server's values to the fields.
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Email address').fill(user.email);
		await page.getByLabel('Password').fill(user.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { name: 'Too many sign-in attempts' })).toBeVisible();
		await expect(page.getByRole('alert')).toContainText(/Try again in 10 minutes/);
	} finally {
		await resetThrottle(request);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a page that needs a role sends the public to sign in and back', async ({ page, newUser }) => {
		const user = await newUser('reviewer');
		await page.goto('/account');
		await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
		await page.getByLabel('Email address').fill(user.email);
		await page.getByLabel('Password').fill(user.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/account$/);
		await expect(page.getByText(user.email)).toBeVisible();
	});

	test('changing one’s password keeps this browser signed in and the old password stops working', async ({
		page,
		authenticatedAs,
		browser,
		baseURL
	}) => {
		const me = await authenticatedAs('reviewer');
		await page.goto('/account');
		await page.getByLabel('Current password').fill(me.password);
		await page.getByLabel('New password', { exact: true }).fill('password1');
		await page.getByLabel('New password again').fill('password1');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByText('one of the most common')).toBeVisible();

		await page.getByLabel('Current password').fill(me.password);
		await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
		await page.getByLabel('New password again').fill('a brand new passphrase');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByRole('status')).toContainText('Your password was changed');
		await expect(page.locator('header')).toContainText('(reviewer)');

		const other = await browser.newContext({ baseURL, javaScriptEnabled: false });
		const otherPage = await other.newPage();
		await otherPage.goto('/login');
		await otherPage.getByLabel('Email address').fill(me.email);
		await otherPage.getByLabel('Password').fill(me.password);
		await otherPage.getByRole('button', { name: 'Sign in' }).click();
		await expect(otherPage.getByRole('alert')).toHaveText('Wrong email address or password.');
		await other.close();
	});
});

test('an admin reaches the user list and creates an account; an editor is refused there', async ({
	page,
	authenticatedAs,
	browser,
	baseURL
}) => {
	await authenticatedAs('admin');
	await page.goto('/admin/users');
	await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
	const email = `created-${Date.now()}@example.org`;
	const create = page.getByRole('form', { name: 'Create an account' });
	await create.getByLabel('Email address').fill(email);
	await create.getByLabel('Name').fill('Created Person');
	await create.getByLabel('Password').fill('created passphrase');
	await create.getByLabel('Role').selectOption('editor');
	await create.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('status')).toHaveText('The account was created.');
	await expect(page.getByRole('heading', { name: 'Created Person' })).toBeVisible();

	const editor = await browser.newContext({ baseURL });
	const editorPage = await editor.newPage();
	await editorPage.goto('/login');
	await editorPage.getByLabel('Email address').fill(email);
	await editorPage.getByLabel('Password').fill('created passphrase');
	await editorPage.getByRole('button', { name: 'Sign in' }).click();
	await expect(editorPage.locator('header')).toContainText('Created Person (editor)');
	const response = await editorPage.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(editorPage.getByText('This needs the admin role')).toBeVisible();
	await editor.close();
});

test('a cross-origin form post is refused and changes nothing', async ({ page, context, authenticatedAs, baseURL }) => {
	await authenticatedAs('admin');
	const email = `csrf-${Date.now()}@example.org`;
	const response = await context.request.post('/admin/users?/create', {
		form: { email, name: 'Forged', role: 'admin', password: 'forged passphrase' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Cross-site POST form submissions are forbidden');
	const signOut = await context.request.post('/logout', {
		form: {},
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0
	});
	expect(signOut.status()).toBe(403);

	await page.goto('/admin/users');
	await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible(); // still signed in
	await expect(page.getByText(email)).toHaveCount(0);
	// The same post from our own origin works.
	const same = await context.request.post('/admin/users?/create', {
		form: { email, name: 'Real', role: 'reviewer', password: 'a real passphrase' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(same.status()).toBe(303);
});

test('an editor reaches an edit page; a reviewer is refused there and the public is sent to sign in', async ({
	page,
	authenticatedAs,
	browser,
	baseURL
}) => {
	await authenticatedAs('editor');
	const response = await page.goto('/dossiers/ai-act/stages/new');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { name: 'Add a stage or event', level: 1 })).toBeVisible();

	const reviewer = await browser.newContext({ baseURL });
	const reviewerPage = await reviewer.newPage();
	await signInContext(reviewer, baseURL!, 'reviewer');
	const refused = await reviewerPage.goto('/dossiers/ai-act/stages/new');
	expect(refused?.status()).toBe(403);
	await expect(reviewerPage.getByText('This needs the editor role; you are signed in as reviewer.')).toBeVisible();
	await reviewer.close();

	const anonymous = await browser.newContext({ baseURL });
	const anonymousPage = await anonymous.newPage();
	await anonymousPage.goto('/dossiers/ai-act/stages/new');
	await expect(anonymousPage).toHaveURL(/\/login\?next=%2Fdossiers%2Fai-act%2Fstages%2Fnew$/);
	await anonymous.close();
});

test('an admin confirms a change to another account with their own password', async ({
	page,
	authenticatedAs,
	newUser
}) => {
	const me = await authenticatedAs('admin');
	const other = await newUser('reviewer');
	await page.goto('/admin/users');
	await page.waitForLoadState('networkidle');
	const roleForm = page.locator('form[action="?/role"]').filter({ has: page.getByLabel(`Role of ${other.email}`) });
	await roleForm.getByLabel(`Role of ${other.email}`).selectOption('editor');
	await roleForm.getByLabel('Your password').fill('not my password');
	await roleForm.getByRole('button', { name: 'Change role' }).click();
	await expect(page.getByRole('alert')).toHaveText('Enter your own password to confirm this change.');
	await roleForm.getByLabel(`Role of ${other.email}`).selectOption('editor');
	await roleForm.getByLabel('Your password').fill(me.password);
	await roleForm.getByRole('button', { name: 'Change role' }).click();
	await expect(page.getByRole('status')).toHaveText('The role was changed; that user was signed out everywhere.');
	// No form on one's own row: one's own password is changed on /account.
	await expect(page.getByLabel(`New password for ${me.email}`)).toHaveCount(0);
});
