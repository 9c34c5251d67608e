import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDatabase, db, optionsFromEnv, setAppDatabase } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/db/setup';
import { stopPdfWorker } from '$lib/amendments/pdf/pdfjs-thread';
import { enforceRouteAccess } from '$lib/server/access';
import { deleteSessionTokenCookie, sessionCookieName, setSessionTokenCookie, validateSessionToken } from '$lib/server/session';
import { PageCache, cacheKey, privateCacheControl, respondFromCache, toCachedPage } from '$lib/server/page-cache';
import { watchDataVersion, type DataVersionWatch } from '$lib/server/data-version';

/** Opens (and on first start, migrates and seeds) the database before the first request. */
export const init: ServerInit = async () => {
	if (appDatabase()) return;
	const open = await prepareDatabase(optionsFromEnv());
	setAppDatabase(open);
	dataVersion = await watchDataVersion(open);
	process.once('sveltekit:shutdown', async () => {
		await stopPdfWorker();
		await dataVersion?.stop();
		await appDatabase()?.close();
		setAppDatabase(undefined);
	});
};

let dataVersion: DataVersionWatch | undefined;
const pages = new PageCache();

/**
 * Anonymous reads are answered from rendered pages kept per data version: a crowd on the timeline costs
 * one render per write, not one per visitor. Every write bumps the version in the database (migration
 * `data_version_triggers`), so every process drops what it rendered before the write.
 */
const pageCache: Handle = async ({ event, resolve }) => {
	const key = dataVersion ? cacheKey(event.request, sessionCookieName) : null;
	if (!key || !dataVersion) {
		const response = await resolve(event);
		if (event.locals.user) response.headers.set('cache-control', privateCacheControl);
		return response;
	}
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

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
};

/** Reads the session cookie: sets `locals.user`, renews the cookie when the session slid, drops a dead one. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(sessionCookieName);
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

export const handle: Handle = sequence(pageCache, session, routeTable, securityHeaders);
