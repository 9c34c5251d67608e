import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${port}`;
// A fresh data folder per run: the server migrates and seeds it on start, as on a new machine.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'trilogue-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: origin,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// This machine has no network: stop Chromium's background calls home.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The browser tests' build (npm run build:e2e): the production build plus POST /test-hooks, run as
		// `npm start` runs the production one (scripts/start.js: the page cache's fast path in front).
		command: 'node scripts/start.js',
		url: `${origin}/`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			TRILOGUE_BUILD: 'build-e2e',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			// Lets tests/e2e/fixtures.ts create users and sessions through the app's own functions (build-e2e only).
			TRILOGUE_TEST_HOOKS: '1',
			// As `npm start` sets it: amendment imports of up to 20 MB.
			BODY_SIZE_LIMIT: '21M',
			...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {})
		}
	}
});
