import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const timeline = '/dossiers/ai-act/timeline';

/** Adds an event to the AI Act timeline through the editors' form, as an editor would. */
async function addEvent(page: Page, title: string, visibility: 'Public' | 'Internal (coalition only)' = 'Public') {
	await page.goto('/dossiers/ai-act/stages/new');
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Date', { exact: true }).fill('2026-11-30');
	await page.getByRole('radio', { name: visibility }).check();
	await page.getByRole('button', { name: 'Add to the timeline' }).click();
	await expect(page).toHaveURL(/\/timeline/);
}

/** An anonymous read (no cookies), as a visitor or a crawler makes it. */
async function anonymous(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
	const response = await request.get(path, { headers, maxRedirects: 0 });
	return { response, body: response.status() === 304 ? '' : await response.text() };
}

test.describe('the page cache', () => {
	test('keeps anonymous pages, and an edit is on the next anonymous view of every page that shows it', async ({
		page,
		playwright,
		authenticatedAs,
		baseURL
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		await anonymous(visitor, timeline);
		await anonymous(visitor, '/dossiers/ai-act/feed.atom');
		const again = await anonymous(visitor, timeline);
		expect(again.response.headers()['x-page-cache']).toBe('hit-front');
		expect(again.response.headers()['cache-control']).toMatch(/^public, /);

		await authenticatedAs('editor');
		const title = `Cache check ${Date.now()}`;
		await addEvent(page, title);

		const after = await anonymous(visitor, timeline);
		expect(after.body).toContain(title);
		expect(after.response.headers()['x-page-cache']).toBe('miss');
		expect((await anonymous(visitor, '/dossiers/ai-act/feed.atom')).body).toContain(title);
		await visitor.dispose();
	});

	test('a signed-in user never receives a cached public page, and a cached page never holds internal content', async ({
		page,
		context,
		playwright,
		authenticatedAs,
		baseURL
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		await authenticatedAs('editor');
		const internal = `Coalition-only meeting ${Date.now()}`;
		await addEvent(page, internal, 'Internal (coalition only)');

		// The editor's view holds the internal event, and is neither served from nor kept in the cache.
		const own = await context.request.get(timeline);
		const ownBody = await own.text();
		expect(ownBody).toContain(internal);
		expect(own.headers()['x-page-cache']).toBeUndefined();
		expect(own.headers()['cache-control']).toBe('private, no-store');

		const first = await anonymous(visitor, timeline);
		const second = await anonymous(visitor, timeline);
		expect(second.response.headers()['x-page-cache']).toBe('hit-front');
		for (const view of [first, second]) expect(view.body).not.toContain(internal);

		// Signed in again after the public page was cached: still the editor's own render.
		const later = await context.request.get(timeline);
		expect(later.headers()['x-page-cache']).toBeUndefined();
		expect(await later.text()).toContain(internal);
		await visitor.dispose();
	});

	test('answers 304 to a known ETag only while nothing on the page changed', async ({
		page,
		playwright,
		authenticatedAs,
		baseURL
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		const { response } = await anonymous(visitor, timeline);
		const etag = response.headers()['etag'];
		expect(etag).toMatch(/^W\/".+"$/);
		const unchanged = await anonymous(visitor, timeline, { 'if-none-match': etag });
		expect(unchanged.response.status()).toBe(304);

		await authenticatedAs('editor');
		const title = `ETag check ${Date.now()}`;
		await addEvent(page, title);
		const changed = await anonymous(visitor, timeline, { 'if-none-match': etag });
		expect(changed.response.status()).toBe(200);
		expect(changed.body).toContain(title);
		expect(changed.response.headers()['etag']).not.toBe(etag);
		await visitor.dispose();
	});

	test('a hit answered in front of SvelteKit is the same page, with the same headers, gzip, HEAD and 304', async ({
		playwright,
		baseURL
	}) => {
		const visitor = await playwright.request.newContext({ baseURL });
		const path = `/dossiers/ai-act/provisions/art_5?front=${Date.now()}`; // a key no other test has filled
		const first = await anonymous(visitor, path);
		expect(first.response.headers()['x-page-cache']).toBe('miss');
		const hit = await anonymous(visitor, path);
		expect(hit.response.headers()['x-page-cache']).toBe('hit-front');
		expect(hit.body).toBe(first.body);
		for (const name of [
			'content-type',
			'content-security-policy',
			'x-frame-options',
			'x-content-type-options',
			'referrer-policy',
			'etag',
			'cache-control',
			'vary'
		])
			expect(hit.response.headers()[name], name).toBe(first.response.headers()[name]);
		// Playwright asks for gzip; the bytes sent were compressed.
		expect(hit.response.headers()['content-encoding']).toBe('gzip');
		const head = await visitor.head(path);
		expect(head.status()).toBe(200);
		expect(head.headers()['x-page-cache']).toBe('hit-front');
		expect((await head.body()).byteLength).toBe(0);
		const known = await anonymous(visitor, path, { 'if-none-match': first.response.headers()['etag'] });
		expect(known.response.status()).toBe(304);
		// With the session cookie, the request goes to the app even when it is not a valid session.
		const withCookie = await visitor.get(path, { headers: { cookie: 'session=not-a-session' } });
		expect(withCookie.headers()['x-page-cache']).not.toBe('hit-front');
		await visitor.dispose();
	});
});
