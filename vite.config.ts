import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** `npm run build:e2e` sets TRILOGUE_E2E_BUILD=1: the browser tests' build, the only one with POST /test-hooks. */
export const e2eBuild = process.env.TRILOGUE_E2E_BUILD === '1';

export default defineConfig({
	plugins: [sveltekit()],
	define: { __TRILOGUE_TEST_HOOKS__: JSON.stringify(e2eBuild) },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/lib/server/**']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/lib/server/**/*.test.ts'],
					globalSetup: ['src/lib/server/testing/global-setup.ts'],
					// Each file opens its own database; PGlite instances are memory-hungry, so run files one by one.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
