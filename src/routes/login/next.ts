/**
 * Where to go after signing in: the `next` parameter when it is a path on this site, otherwise the
 * home page. Refuses anything that could leave the site ('//evil.example', '/\\evil.example',
 * 'https://…') so the sign-in page cannot be used as an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	// eslint-disable-next-line no-control-regex -- a control character in a Location header is refused, never followed.
	if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
	try {
		const url = new URL(next, 'http://trilogue.invalid');
		if (url.origin !== 'http://trilogue.invalid') return '/';
		// Resolving dot segments can leave '//host' ('/.//evil.example'): as a Location that leaves the site.
		if (url.pathname.startsWith('//')) return '/';
		return url.pathname + url.search + url.hash;
	} catch {
		return '/';
	}
}
