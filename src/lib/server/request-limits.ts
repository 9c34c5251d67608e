import { error, type RequestEvent } from '@sveltejs/kit';

/**
 * The request body limits. adapter-node's BODY_SIZE_LIMIT (21M with `npm start`) is one limit for every
 * route, so a hook checks `content-length` first: every form but the imports gets `formBodyLimit`, which
 * holds the own-text comparison (two texts of 20,000 characters, percent-encoded at most 9 bytes a
 * character: 360 KB).
 */
export const formBodyLimit = 512 * 1024;

/**
 * The routes that take uploads (amendment spreadsheets, committee and Council documents): each checks
 * `content-length` against its own file limit before reading, and answers with its page and the file's
 * size, under adapter-node's BODY_SIZE_LIMIT.
 */
export const importRoutes: ReadonlySet<string> = new Set([
	'/dossiers/[slug]/amendments/import',
	'/dossiers/[slug]/documents/import'
]);

/** The largest body the hook lets through to a route; null where the route checks for itself (the imports). */
export function bodyLimit(routeId: string | null): number | null {
	return routeId !== null && importRoutes.has(routeId) ? null : formBodyLimit;
}

/**
 * Reads a refused body to its end without keeping any of it (adapter-node's BODY_SIZE_LIMIT still caps
 * it): a server that answers while the client is still sending resets the connection, and the browser
 * would then show a network error instead of the 413 page.
 */
async function discard(request: Request): Promise<void> {
	const reader = request.body?.getReader();
	try {
		while (reader && !(await reader.read()).done);
	} catch {
		// The client went away, or the body passed BODY_SIZE_LIMIT: nothing more to discard.
	}
}

/**
 * Refuses a body larger than the route allows (413) before anything parses it, and a body of unknown
 * length (411), which could only be measured by reading it. Requests without a body pass.
 */
export async function enforceBodyLimit(event: Pick<RequestEvent, 'request' | 'route'>): Promise<void> {
	const { headers } = event.request;
	const declared = headers.get('content-length');
	if (declared === null) {
		if (!headers.has('transfer-encoding') || bodyLimit(event.route.id) === null) return;
		await discard(event.request);
		error(411, 'Send the length of the request (Content-Length).');
	}
	const limit = bodyLimit(event.route.id);
	if (limit === null || (/^\d+$/.test(declared) && Number(declared) <= limit)) return;
	await discard(event.request);
	error(413, `The request is too large: at most ${Math.round(limit / 1024).toLocaleString('en')} KB here.`);
}
