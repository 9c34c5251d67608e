import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// SvelteKit's CSRF origin check is on by default and stays on: form posts from another origin get 403
		// (tests/e2e/auth.test.ts checks it). Never add origins to csrf.trustedOrigins without a reason.
		adapter: adapter()
	}
};

export default config;
