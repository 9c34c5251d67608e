import { error, json, type HttpError, type Redirect, type RequestEvent } from '@sveltejs/kit';
import errorPage from '../../error.html?raw';
import { escapeHtml } from '$lib/diff';

/**
 * The policy for responses SvelteKit's `kit.csp` does not cover (endpoints, feeds, refusals): nothing
 * may load, run or frame. Rendered pages get kit.csp's policy, with the hash of each inline script.
 */
export const fallbackCsp =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A year; sent only over https (a browser ignores it over http anyway, and localhost must stay http). */
export const hsts = 'max-age=31536000';

/**
 * Never to be stored by a browser or a shared cache: what a signed-in member was shown (it may hold
 * internal records), anything that sets a cookie, and refusals and errors.
 */
export function mustNotBeStored(
	event: Pick<RequestEvent, 'locals'>,
	response: Pick<Response, 'headers' | 'status'>
): boolean {
	// A page answered from the page cache never met the session handle (it carries no session): user unset.
	return Boolean(event.locals.user) || response.headers.has('set-cookie') || response.status >= 400;
}

/** The headers that do not depend on the response (the policy aside), for a site served at `url`. */
export function fixedSecurityHeaders(url: Pick<URL, 'protocol'>): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=()',
		...(url.protocol === 'https:' ? { 'strict-transport-security': hsts } : {})
	};
}

/**
 * What the server in front of SvelteKit (scripts/server.js) sets on every response before the handler
 * runs: the static files (`/_app/immutable/*`, `favicon.ico`, `robots.txt`) are served by adapter-node
 * without passing through the hooks, so they get the headers from here. SvelteKit's own answers set
 * theirs again, and a header given to Node's `writeHead` wins over one set before.
 */
export const staticFileHeadersKey = Symbol.for('trilogue.staticFileHeaders');
export function staticFileHeaders(url: Pick<URL, 'protocol'>): Record<string, string> {
	return { ...fixedSecurityHeaders(url), 'content-security-policy': fallbackCsp };
}

/** The headers every response gets, refusals and error pages included. */
export function applySecurityHeaders<R extends Pick<Response, 'headers' | 'status'>>(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	response: R
): R {
	const h = response.headers;
	for (const [name, value] of Object.entries(fixedSecurityHeaders(event.url))) h.set(name, value);
	if (!h.has('content-security-policy')) h.set('content-security-policy', fallbackCsp);
	if (mustNotBeStored(event, response)) h.set('cache-control', 'private, no-store');
	return response;
}

/**
 * The answer to an `error()` thrown by a hook (the route table's 401/403/405, the body limit's 413):
 * what SvelteKit would answer itself (JSON for API and data requests, else src/error.html), built here
 * so that it passes through `applySecurityHeaders` like every other response.
 */
export function refusalResponse(event: Pick<RequestEvent, 'request' | 'isDataRequest'>, e: HttpError): Response {
	const message = e.body?.message ?? 'Error';
	const accept = event.request.headers.get('accept') ?? '';
	if (event.isDataRequest || (accept.includes('application/json') && !accept.includes('text/html')))
		return json({ message }, { status: e.status });
	const html = errorPage
		.replaceAll('%sveltekit.status%', String(e.status))
		.replace('%sveltekit.error.message%', escapeHtml(message));
	return new Response(html, { status: e.status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * The answer to a `redirect()` thrown by a hook (the route table sends the public's page views to sign
 * in), shaped as SvelteKit would answer it: JSON for a client-side navigation's data request, else a
 * plain redirect. Built here so that it passes through `applySecurityHeaders`. SvelteKit would also
 * attach cookies set before the throw; the only one a hook can set before this redirect is the removal of
 * a dead session cookie, which the sign-in page the visitor is sent to removes again.
 */
export function redirectResponse(event: Pick<RequestEvent, 'isDataRequest'>, e: Redirect): Response {
	const headers = { 'cache-control': 'private, no-store' }; // it depends on who asks
	if (event.isDataRequest) return json({ type: 'redirect', location: e.location }, { headers });
	return new Response(null, { status: e.status, headers: { ...headers, location: e.location } });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What a browser form can send without a preflight, and SvelteKit's own encoding of forms sent by `enhance`.
const formTypes = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/**
 * Refuses a form submission from another origin (cross-site request forgery) with a 403, as SvelteKit's
 * own check did; ours runs inside the hooks, so the refusal gets the security headers too. A form post
 * without an `Origin` header is refused as well: every browser sends one.
 */
export function refuseCrossSiteForm(event: Pick<RequestEvent, 'request' | 'url'>): void {
	const { request, url } = event;
	if (!unsafeMethods.has(request.method)) return;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!formTypes.includes(type)) return;
	if (request.headers.get('origin') !== url.origin)
		error(403, `Cross-site ${request.method} form submissions are forbidden`);
}
