import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDatabase, optionsFromEnv, setAppDatabase } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/db/setup';

/** Opens (and on first start, migrates and seeds) the database before the first request. */
export const init: ServerInit = async () => {
	if (appDatabase()) return;
	setAppDatabase(await prepareDatabase(optionsFromEnv()));
	process.once('sveltekit:shutdown', async () => {
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

/** Placeholder until sessions land: everyone is the public. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	return resolve(event);
};

export const handle: Handle = sequence(session, securityHeaders);
