import adapter from '@sveltejs/adapter-node';

/** The browser tests' build (`npm run build:e2e`) goes to build-e2e/, so build/ is always the production one. */
const e2eBuild = process.env.TRILOGUE_E2E_BUILD === '1';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// Form posts from another origin get 403 from our own check (`crossSiteForms` in src/hooks.server.ts,
		// tested in tests/e2e/auth.test.ts and security.test.ts), which runs inside the hooks so the refusal gets
		// the security headers; SvelteKit's built-in check answers before any hook and is turned off for that.
		// ('*' is SvelteKit's documented way to turn it off: its own `checkOrigin` option is deprecated.)
		csrf: { trustedOrigins: ['*'] },
		adapter: adapter({ out: e2eBuild ? 'build-e2e' : 'build' }),
		// Links come from resolve() (`$app/paths`). Root-relative, so the server's HTML has the same `/dossiers/…`
		// addresses as the browser (relative ones would depend on the depth of the page that rendered them, and
		// the site is always served from the root of its origin).
		paths: { relative: false },
		// Content-Security-Policy on every rendered page: SvelteKit adds the hash of each script it inlines, so no
		// 'unsafe-inline' script can run. Hashes, not nonces: anonymous pages are served from the page cache to
		// many visitors, and a nonce shared by all of them would be no nonce. Styles keep 'unsafe-inline':
		// Svelte writes style="" attributes (bar widths, the map) and chart.js sets canvas sizes inline; a
		// style cannot run code. Other responses get the stricter fallbackCsp of src/lib/server/security-headers.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
