import { isHttpError, isRedirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { appDatabase, db, optionsFromEnv, setAppDatabase } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/db/setup';
import { stopPdfWorker } from '$lib/amendments/pdf/pdfjs-thread';
import { enforceRouteAccess } from '$lib/server/access';
import { enforceBodyLimit } from '$lib/server/request-limits';
import { requireOrigin } from '$lib/server/origin';
import {
	applySecurityHeaders,
	redirectResponse,
	refusalResponse,
	refuseCrossSiteForm,
	staticFileHeaders,
	staticFileHeadersKey
} from '$lib/server/security-headers';
import {
	deleteSessionTokenCookie,
	sessionCookieName,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/session';
import {
	PageCache,
	answerFromCacheKey,
	cacheKey,
	cachedAnswer,
	respondFromCache,
	toCachedPage,
	type CacheRequest
} from '$lib/server/page-cache';
import { watchDataVersion, type DataVersionWatch } from '$lib/server/data-version';

/** Opens (and on first start, migrates and seeds) the database before the first request. */
export const init: ServerInit = async () => {
	// The production server refuses to start without ORIGIN: feed ids and links would follow the Host header.
	if (!dev) requireOrigin(process.env);
	// For the server in front of SvelteKit: the static files it serves never reach `securityHeaders`.
	(globalThis as Record<symbol, unknown>)[staticFileHeadersKey] = staticFileHeaders(
		new URL(process.env.ORIGIN ?? 'http://localhost')
	);
	if (appDatabase()) return;
	const open = await prepareDatabase(optionsFromEnv());
	setAppDatabase(open);
	dataVersion = await watchDataVersion(open);
	// For the server in front of SvelteKit (scripts/server.js, which `npm start` runs).
	(globalThis as Record<symbol, unknown>)[answerFromCacheKey] = answerFromCache;
	process.once('sveltekit:shutdown', async () => {
		await stopPdfWorker();
		await dataVersion?.stop();
		await appDatabase()?.close();
		setAppDatabase(undefined);
	});
};

let dataVersion: DataVersionWatch | undefined;
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const pages = new PageCache();

/**
 * Anonymous reads are answered from rendered pages kept per data version: a crowd on the timeline costs
 * one render per write, not one per visitor. Every write bumps the version in the database (migration
 * `data_version_triggers`), so every process drops what it rendered before the write.
 */
const pageCache: Handle = async ({ event, resolve }) => {
	if (dataVersion && !readMethods.has(event.request.method)) {
		// A write: before its answer goes out, every worker must know the new version (see data-version.ts).
		const response = await resolve(event);
		await dataVersion.afterWrite();
		return response;
	}
	const key = dataVersion ? cacheKey(event.request, sessionCookieName(event.url)) : null;
	// Everything else: `securityHeaders` marks what a signed-in member was shown `private, no-store`.
	if (!key || !dataVersion) return resolve(event);
	const version = await dataVersion.current();
	if (event.request.method === 'HEAD') {
		const page = pages.get(key, version);
		return page ? respondFromCache(page, event.request, 'hit') : resolve(event);
	}
	let rendered: Response | undefined;
	const page = await pages.getOrRender(key, version, async () => {
		rendered = await resolve(event);
		return toCachedPage(rendered, version);
	});
	if (page) return respondFromCache(page, event.request, rendered ? 'miss' : 'hit');
	// Not kept (an error, a redirect, a 304): this request's own answer, or, when it waited on another
	// request's render that could not be kept, its own render.
	return rendered ?? resolve(event);
};

/**
 * A cache hit answered before SvelteKit sees the request: what `pageCache` would answer, with the headers
 * `securityHeaders` would add, at a fraction of the cost (no Request, no routing, no hooks, no streams).
 * Anything else (a miss, a member, a write) is null and goes to SvelteKit as usual.
 */
async function answerFromCache(request: CacheRequest) {
	if (!dataVersion) return null;
	const url = new URL(request.url);
	const key = cacheKey(request, sessionCookieName(url));
	if (!key) return null;
	const page = pages.get(key, await dataVersion.current());
	return page
		? applySecurityHeaders({ url, locals: { user: null, sessionId: null } }, cachedAnswer(page, request, 'hit-front'))
		: null;
}

/**
 * Outermost, so every response gets the security and caching headers: pages, endpoints, and the
 * refusals the handles below throw (401, 403, 405, 411, 413), which are answered here rather than by
 * SvelteKit's fallback, which would skip this handle. Cached pages pass through it too.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		if (isRedirect(e)) response = redirectResponse(event, e);
		else if (isHttpError(e)) response = refusalResponse(event, e);
		else throw e;
	}
	return applySecurityHeaders(event, response);
};

/**
 * Cross-site form posts are refused here rather than by SvelteKit's built-in check (turned off in
 * svelte.config.js), which answers before any hook runs and so without the security headers. Like
 * SvelteKit's, it is off in development.
 */
const crossSiteForms: Handle = async ({ event, resolve }) => {
	if (!dev) refuseCrossSiteForm(event);
	return resolve(event);
};

/** Refuses an oversized body before anything reads it; only the import routes take large files. */
const bodyLimit: Handle = async ({ event, resolve }) => {
	await enforceBodyLimit(event);
	return resolve(event);
};

/**
 * POST /test-hooks for the browser tests. `__TRILOGUE_TEST_HOOKS__` is a build-time constant, true only
 * in `npm run build:e2e`: in the production build this branch and the module it imports are gone.
 */
const testHooks: Handle = async ({ event, resolve }) => {
	if (__TRILOGUE_TEST_HOOKS__ && event.url.pathname === '/test-hooks') {
		const { answerTestHook } = await import('$lib/server/testing/test-hooks');
		return answerTestHook(event);
	}
	return resolve(event);
};

/** Reads the session cookie: sets `locals.user`, renews the cookie when the session slid, drops a dead one. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(sessionCookieName(event.url));
	if (!token) return resolve(event);
	const valid = await validateSessionToken(db(), token);
	if (!valid) {
		deleteSessionTokenCookie(event);
		return resolve(event);
	}
	if (valid.renewed) setSessionTokenCookie(event, token, valid.session.expiresAt);
	event.locals.user = valid.user;
	event.locals.sessionId = valid.session.id;
	return resolve(event);
};

/** The coarse route table (src/lib/server/access.ts): the second layer behind `requireRole()` in each route. */
const routeTable: Handle = async ({ event, resolve }) => {
	enforceRouteAccess(event);
	return resolve(event);
};

export const handle: Handle = sequence(
	securityHeaders,
	crossSiteForms,
	pageCache,
	bodyLimit,
	testHooks,
	session,
	routeTable
);
