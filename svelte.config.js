import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter(),
		// SvelteKit's CSRF origin check stays on (the default); never disable it.
		csrf: { checkOrigin: true }
	}
};

export default config;
