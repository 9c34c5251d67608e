import { describe, expect, it } from 'vitest';
import { error, isHttpError, isRedirect, redirect, type Redirect, type RequestEvent } from '@sveltejs/kit';
import { applySecurityHeaders, hsts, redirectResponse, refusalResponse, refuseCrossSiteForm } from './security-headers';

const member = { id: 1, email: 'm@example.org', name: 'M', role: 'reviewer' as const };
const httpError = (status: number, message: string) => {
	try {
		error(status, message);
	} catch (e) {
		if (isHttpError(e)) return e;
	}
	throw new Error('unreachable');
};

describe('security headers', () => {
	it('HSTS when served over https, and never over http', () => {
		const https = applySecurityHeaders(
			{ locals: { user: null, sessionId: null }, url: new URL('https://trilogue.example.org/') },
			new Response('ok')
		);
		expect(https.headers.get('strict-transport-security')).toBe(hsts);
		const http = applySecurityHeaders(
			{ locals: { user: null, sessionId: null }, url: new URL('http://localhost/') },
			new Response('ok')
		);
		expect(http.headers.get('strict-transport-security')).toBeNull();
	});

	it('private, no-store for a signed-in member, a cookie or a refusal; the public 200 is left to the caching policy', () => {
		const url = new URL('http://localhost/');
		expect(
			applySecurityHeaders({ locals: { user: member, sessionId: 's' }, url }, new Response('ok')).headers.get(
				'cache-control'
			)
		).toBe('private, no-store');
		const cookie = new Response('ok', { headers: { 'set-cookie': 'session=x' } });
		expect(
			applySecurityHeaders({ locals: { user: null, sessionId: null }, url }, cookie).headers.get('cache-control')
		).toBe('private, no-store');
		expect(
			applySecurityHeaders(
				{ locals: { user: null, sessionId: null }, url },
				new Response('no', { status: 403 })
			).headers.get('cache-control')
		).toBe('private, no-store');
		expect(
			applySecurityHeaders({ locals: { user: null, sessionId: null }, url }, new Response('ok')).headers.get(
				'cache-control'
			)
		).toBeNull();
	});

	it('a refusal is the error page with its message escaped, or JSON for API callers', async () => {
		const page = refusalResponse(
			{
				request: new Request('http://localhost/x', { headers: { accept: 'text/html' } }),
				isDataRequest: false
			} as RequestEvent,
			httpError(403, '<script>alert(1)</script>')
		);
		expect(page.status).toBe(403);
		const html = await page.text();
		expect(html).toContain('Error 403');
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('<script>alert');
		const api = refusalResponse(
			{
				request: new Request('http://localhost/api/x', { headers: { accept: 'application/json' } }),
				isDataRequest: false
			} as RequestEvent,
			httpError(401, 'Please sign in.')
		);
		expect(await api.json()).toEqual({ message: 'Please sign in.' });
	});

	it('a redirect thrown by a hook is answered as SvelteKit would: a plain redirect, or JSON for a data request', async () => {
		let thrown: Redirect | undefined;
		try {
			redirect(303, '/login?next=%2Freview');
		} catch (e) {
			if (isRedirect(e)) thrown = e;
		}
		const page = redirectResponse({ isDataRequest: false }, thrown!);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Freview');
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		const data = redirectResponse({ isDataRequest: true }, thrown!);
		expect(data.status).toBe(200);
		expect(await data.json()).toEqual({ type: 'redirect', location: '/login?next=%2Freview' });
	});
});

describe('cross-site forms', () => {
	const url = new URL('https://trilogue.example.org/admin/users?/create');
	const post = (headers: Record<string, string>, method = 'POST') => ({
		url,
		request: new Request(url, { method, headers })
	});
	const refusal = (event: ReturnType<typeof post>) => {
		try {
			refuseCrossSiteForm(event);
			return null;
		} catch (e) {
			if (isHttpError(e)) return e;
			throw e;
		}
	};

	it('refuses a form post from another origin, or with no origin, with a 403', () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain',
			'Application/X-WWW-Form-URLencoded'
		]) {
			expect(refusal(post({ 'content-type': type, origin: 'https://evil.example' }))?.status, type).toBe(403);
			expect(refusal(post({ 'content-type': type }))?.status, type).toBe(403);
		}
		expect(
			refusal(post({ 'content-type': 'text/plain', origin: 'https://evil.example' }, 'DELETE'))?.body.message
		).toBe('Cross-site DELETE form submissions are forbidden');
	});

	it('lets through our own origin, reads, and requests a browser would preflight', () => {
		expect(refusal(post({ 'content-type': 'application/x-www-form-urlencoded', origin: url.origin }))).toBeNull();
		expect(refusal(post({ 'content-type': 'application/json', origin: 'https://evil.example' }))).toBeNull();
		expect(refusal({ url, request: new Request(url, { headers: { origin: 'https://evil.example' } }) })).toBeNull();
	});
});
