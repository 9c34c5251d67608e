/**
 * The site's public origin. Feed ids and links are built from it, never from the Host header, which
 * any client can set. The production server (`node build`) refuses to start without ORIGIN (see
 * `requireOrigin` in hooks.server.ts); only `npm run dev` falls back to the request's own origin.
 */
export function siteOrigin(requestUrl: URL, env: Record<string, string | undefined> = process.env): URL {
	return new URL(env.ORIGIN ? new URL(env.ORIGIN).origin : requestUrl.origin);
}

/** Throws, stopping the production server before it listens, unless ORIGIN is an http(s) origin. */
export function requireOrigin(env: Record<string, string | undefined>): void {
	const origin = env.ORIGIN;
	let ok: boolean;
	try {
		ok = !!origin && ['http:', 'https:'].includes(new URL(origin).protocol);
	} catch {
		ok = false;
	}
	if (!ok)
		throw new Error(
			`ORIGIN is ${origin ? `not an http(s) URL: “${origin}”` : 'not set'}. Set it to the public URL of the site, e.g. ORIGIN=https://trilogue.example.org ` +
				'(or ORIGIN=http://localhost:3000 to try the build locally): feed ids and links, the CSRF check and the Secure cookie depend on it.'
		);
}
