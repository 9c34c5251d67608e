import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { PageCache, cacheKey, matchesEtag, maxAgeMs, respondFromCache, toCachedPage } from './page-cache';

const html = (body: string, headers: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html', ...headers } });
const request = (headers: Record<string, string> = {}, method = 'GET') =>
	new Request('http://localhost/dossiers/ai-act/timeline?x=1', { method, headers });

describe('which requests the page cache answers', () => {
	it('answers anonymous GET and HEAD, keyed by path and query', () => {
		expect(cacheKey(request(), 'session')).toBe('/dossiers/ai-act/timeline?x=1');
		expect(cacheKey(request({}, 'HEAD'), 'session')).toBe('/dossiers/ai-act/timeline?x=1');
		expect(cacheKey(request({ cookie: 'theme=dark' }), 'session')).not.toBeNull();
		// A page's data for client-side navigation is another key than the page.
		expect(cacheKey(new Request('http://localhost/a/__data.json?x-sveltekit-invalidated=11'), 'session')).toBe(
			'/a/__data.json?x-sveltekit-invalidated=11'
		);
	});

	it('never answers a request that carries a session or credentials, or a write', () => {
		expect(cacheKey(request({ cookie: 'theme=dark; session=abc' }), 'session')).toBeNull();
		expect(cacheKey(request({ authorization: 'Bearer x' }), 'session')).toBeNull();
		expect(cacheKey(new Request('http://localhost/a', { method: 'POST', body: 'a=1' }), 'session')).toBeNull();
	});
});

describe('which responses it keeps', () => {
	it('keeps a 200 page and refuses errors, cookies, private answers and other types', async () => {
		expect(await toCachedPage(html('<p>ok</p>'), 3)).toMatchObject({ version: 3, status: 200 });
		expect(
			await toCachedPage(new Response('gone', { status: 404, headers: { 'content-type': 'text/html' } }), 3)
		).toBeNull();
		expect(await toCachedPage(html('x', { 'set-cookie': 'a=b' }), 3)).toBeNull();
		expect(await toCachedPage(html('x', { 'cache-control': 'private, no-store' }), 3)).toBeNull();
		expect(await toCachedPage(new Response('x', { headers: { 'content-type': 'image/png' } }), 3)).toBeNull();
		expect(await toCachedPage(new Response(null, { status: 303, headers: { location: '/' } }), 3)).toBeNull();
	});

	it('leaves the response it was given readable', async () => {
		const response = html('<p>still here</p>');
		await toCachedPage(response, 1);
		expect(await response.text()).toBe('<p>still here</p>');
	});
});

describe('answers from the cache', () => {
	it('sends gzip to clients that accept it, the plain bytes otherwise, and public caching headers', async () => {
		const page = (await toCachedPage(html('<p>timeline</p>', { 'x-frame-options': 'DENY' }), 1))!;
		const zipped = respondFromCache(page, request({ 'accept-encoding': 'gzip, br' }), 'hit');
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe('<p>timeline</p>');
		const plain = respondFromCache(page, request({ 'accept-encoding': 'gzip;q=0' }), 'hit');
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe('<p>timeline</p>');
		expect(plain.headers.get('cache-control')).toMatch(/^public, /);
		expect(plain.headers.get('vary')).toBe('Accept-Encoding, Cookie');
		expect(plain.headers.get('x-frame-options')).toBe('DENY');
	});

	it('answers 304 only to the ETag of the same bytes', async () => {
		const first = (await toCachedPage(html('<p>one</p>'), 1))!;
		const same = (await toCachedPage(html('<p>one</p>'), 2))!;
		const changed = (await toCachedPage(html('<p>two</p>'), 2))!;
		expect(same.etag).toBe(first.etag);
		expect(changed.etag).not.toBe(first.etag);
		expect(respondFromCache(same, request({ 'if-none-match': first.etag }), 'hit').status).toBe(304);
		expect(respondFromCache(changed, request({ 'if-none-match': first.etag }), 'hit').status).toBe(200);
		expect(matchesEtag(`"other", ${first.etag.slice(2)}`, first.etag)).toBe(true);
		expect(matchesEtag(null, first.etag)).toBe(false);
	});

	it('sends no body to HEAD', async () => {
		const page = (await toCachedPage(html('<p>x</p>'), 1))!;
		const response = respondFromCache(page, request({}, 'HEAD'), 'hit');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
	});
});

describe('the cache', () => {
	it('drops what was rendered at an older data version or too long ago', async () => {
		const cache = new PageCache();
		const page = (await toCachedPage(html('<p>x</p>'), 1, 1000))!;
		await cache.getOrRender('/a', 1, async () => page);
		expect(cache.get('/a', 1, 1000)).toBe(page);
		expect(cache.get('/a', 1, 1000 + maxAgeMs + 1)).toBeUndefined();
		await cache.getOrRender('/a', 1, async () => page);
		expect(cache.get('/a', 2, 1000)).toBeUndefined();
		expect(cache.size.entries).toBe(0);
	});

	it('renders a key once for a crowd arriving together', async () => {
		const cache = new PageCache();
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((resolve) => setTimeout(resolve, 10));
			return toCachedPage(html('<p>x</p>'), 5);
		};
		const answers = await Promise.all(Array.from({ length: 20 }, () => cache.getOrRender('/a', 5, render)));
		expect(renders).toBe(1);
		expect(new Set(answers).size).toBe(1);
	});

	it('drops the least recently used pages beyond its size', async () => {
		const body = 'x'.repeat(1000);
		const cache = new PageCache(2500);
		for (const key of ['/a', '/b']) await cache.getOrRender(key, 1, () => toCachedPage(html(body), 1));
		cache.get('/a', 1); // /a is now the most recently used
		await cache.getOrRender('/c', 1, () => toCachedPage(html(body), 1));
		expect(cache.get('/b', 1)).toBeUndefined();
		expect(cache.get('/a', 1)).toBeDefined();
		expect(cache.get('/c', 1)).toBeDefined();
	});
});
