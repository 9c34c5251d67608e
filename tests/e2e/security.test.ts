import { test, expect, resetThrottle, signInContext } from './fixtures';

const base = '/dossiers/ai-act';

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['x-frame-options'], what).toBe('DENY');
	expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
	expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test('the security headers on every response, the 401, 403, 405, cross-site refusals, redirects to sign in and error pages included', async ({
	request,
	browser,
	baseURL
}) => {
	const page = await request.get(`${base}/timeline`);
	expect(page.status()).toBe(200);
	expectSecurityHeaders(page.headers(), 'page');
	const csp = page.headers()['content-security-policy'];
	const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
	// Hashes, not nonces: the same anonymous page is served from the cache to many visitors.
	expect(scriptSrc).toMatch(/'sha256-[^']+'/);
	expect(scriptSrc).not.toContain('nonce-');
	expect(scriptSrc).not.toContain('unsafe-inline');
	// Over plain http there is no HSTS (it is sent only when the site is served over https).
	expect(page.headers()['strict-transport-security']).toBeUndefined();

	const origin = { origin: baseURL!, accept: 'text/html' };
	const unauthorised = await request.post(`${base}/stages/new`, {
		form: { title: 'x' },
		headers: origin,
		maxRedirects: 0
	});
	expect(unauthorised.status()).toBe(401);
	const notAllowed = await request.post(`${base}/timeline`, { form: {}, headers: origin, maxRedirects: 0 });
	expect(notAllowed.status()).toBe(405);
	const missing = await request.get('/no/such/page');
	expect(missing.status()).toBe(404);
	const api = await request.get('/api/dossiers/no-such-dossier/amendments');
	expect(api.status()).toBe(404);
	const crossSite = await request.post(`${base}/stages/new`, {
		form: { title: 'x' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(crossSite.status()).toBe(403);
	expect(await crossSite.text()).toContain('Cross-site POST form submissions are forbidden');
	// The route table sends the public's page views of member pages to sign in.
	const toSignIn = await request.get('/review', { maxRedirects: 0 });
	expect(toSignIn.status()).toBe(303);
	expect(toSignIn.headers()['location']).toBe('/login?next=%2Freview');
	for (const [what, r] of Object.entries({ unauthorised, notAllowed, missing, api, crossSite, toSignIn })) {
		expectSecurityHeaders(r.headers(), what);
		expect(r.headers()['cache-control'], what).toBe('private, no-store');
	}
	expect(await unauthorised.text()).toContain('Please sign in.');

	const reviewer = await browser.newContext({ baseURL });
	await signInContext(reviewer, baseURL!, 'reviewer');
	const forbidden = await reviewer.request.get('/admin/users', { headers: { accept: 'text/html' } });
	expect(forbidden.status()).toBe(403);
	expectSecurityHeaders(forbidden.headers(), 'forbidden');
	expect(await forbidden.text()).toContain('This needs the admin role');
	await reviewer.close();
});

test('the static files served without the hooks (scripts, favicon, robots.txt) carry the security headers too', async ({
	page,
	request
}) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (new URL(r.url()).pathname.startsWith('/_app/immutable/')) scripts.push(r.url());
	});
	await page.goto(`${base}/timeline`);
	await page.waitForLoadState('networkidle');
	expect(scripts.length).toBeGreaterThan(0);
	for (const url of [scripts[0], '/favicon.ico', '/robots.txt']) {
		const r = await request.get(url);
		expect(r.status(), url).toBe(200);
		expectSecurityHeaders(r.headers(), url);
	}
	// The page's own policy (with its script hashes) wins over the one set for static files.
	const timeline = await request.get(`${base}/timeline`);
	expect(timeline.headers()['content-security-policy']).toMatch(/'sha256-/);
});

test('Cache-Control: private, no-store on every response for a signed-in user, API answers included', async ({
	request,
	browser,
	baseURL
}) => {
	const pub = await request.get(`${base}/timeline`);
	expect(pub.headers()['cache-control'] ?? '').not.toContain('no-store');

	const member = await browser.newContext({ baseURL });
	await signInContext(member, baseURL!, 'reviewer');
	for (const path of [
		`${base}/timeline`,
		`${base}/amendments`,
		'/api/dossiers/ai-act/amendments',
		`${base}/feed.atom`,
		'/account'
	]) {
		const r = await member.request.get(path);
		expect(r.status(), path).toBe(200);
		expect(r.headers()['cache-control'], path).toBe('private, no-store');
	}
	await member.close();
});

test('CSP: the charts and the inline styles still work, with no policy violation', async ({ page }) => {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	for (const path of [
		`${base}/charts`,
		`${base}/timeline`,
		`${base}/positions/map`,
		`${base}/compare/provisions/art_5`
	]) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual(
			[]
		);
	}
	await page.goto(`${base}/charts`);
	const canvas = page.locator('canvas').first();
	await expect(canvas).toBeVisible();
	expect((await canvas.boundingBox())!.height).toBeGreaterThan(50);
});

test('the 21 MB body limit applies only to the import routes; every other form has a small limit', async ({
	request,
	browser,
	baseURL
}) => {
	const big = 'x'.repeat(600 * 1024);
	const origin = { origin: baseURL!, accept: 'text/html' };
	const login = await request.post('/login', {
		form: { email: 'a@example.org', password: big },
		headers: origin,
		maxRedirects: 0
	});
	expect(login.status()).toBe(413);
	expectSecurityHeaders(login.headers(), '413');
	const compare = await request.post(`${base}/compare/text`, {
		form: { mine: big, other: 'y' },
		headers: origin,
		maxRedirects: 0
	});
	expect(compare.status()).toBe(413);

	const editor = await browser.newContext({ baseURL });
	await signInContext(editor, baseURL!, 'editor');
	// A megabyte passes the limit on an import route: the importer itself answers (not a CSV it can read).
	const upload = await editor.request.post(`${base}/amendments/import`, {
		multipart: { file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big + big) } },
		headers: origin,
		maxRedirects: 0
	});
	expect(upload.status()).not.toBe(413);
	await editor.close();
});

test('compare/text has a per-address rate limit', async ({ request, baseURL }) => {
	await resetThrottle(request);
	try {
		const post = () =>
			request.post(`${base}/compare/text`, {
				form: { mine: 'the provider shall', other: 'the deployer shall' },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
		for (let i = 0; i < 20; i++) expect((await post()).status(), `comparison ${i + 1}`).toBe(200);
		const refused = await post();
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
	} finally {
		await resetThrottle(request);
	}
});
