// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/authorization';

declare global {
	/** True only in the browser tests' build (`npm run build:e2e`): compiles in POST /test-hooks. See vite.config.ts. */
	const __TRILOGUE_TEST_HOOKS__: boolean;
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in user, or null for the public. Set by the session handle in hooks.server.ts. */
			user: SessionUser | null;
			/** The hashed session id of the current session, when signed in. */
			sessionId: string | null;
		}
	}
}

export {};
