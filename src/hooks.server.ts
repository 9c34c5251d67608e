import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDatabase, db, optionsFromEnv, setAppDatabase } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/db/setup';
import { stopPdfWorker } from '$lib/amendments/pdf/pdfjs-thread';
import { enforceRouteAccess } from '$lib/server/access';
import { deleteSessionTokenCookie, sessionCookieName, setSessionTokenCookie, validateSessionToken } from '$lib/server/session';

/** Opens (and on first start, migrates and seeds) the database before the first request. */
export const init: ServerInit = async () => {
	if (appDatabase()) return;
	setAppDatabase(await prepareDatabase(optionsFromEnv()));
	process.once('sveltekit:shutdown', async () => {
		await stopPdfWorker();
		await appDatabase()?.close();
		setAppDatabase(undefined);
	});
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

export const handle: Handle = sequence(session, routeTable, securityHeaders);
