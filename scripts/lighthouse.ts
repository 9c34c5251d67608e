/**
 * npm run bench:lighthouse: Lighthouse (desktop) on four pages of the built server, printing the accessibility,
 * best-practices and SEO scores and every audit that fell short. Performance is left out: on a shared two-core
 * machine its figures measure the machine more than the pages.
 *
 * Starts the build as `npm start` does on LIGHTHOUSE_PORT (default 4290) with a fresh data folder (it migrates and seeds first),
 * or reads LIGHTHOUSE_URL when a server already runs. Chromium: CHROMIUM_PATH, default /usr/bin/chromium.
 * Run `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { startBuiltServer, type BuiltServer } from '../src/lib/server/testing/built-server';

const pages = [
	'/dossiers/ai-act/timeline',
	'/dossiers/ai-act/provisions/art_5',
	'/dossiers/ai-act/amendments',
	'/dossiers/ai-act/positions'
];
const categories = ['accessibility', 'best-practices', 'seo'];

async function main() {
	let origin = process.env.LIGHTHOUSE_URL;
	let server: BuiltServer | null = null;
	let dataDir: string | null = null;
	if (!origin) {
		const port = process.env.LIGHTHOUSE_PORT ?? '4290';
		origin = `http://localhost:${port}`;
		dataDir = mkdtempSync(path.join(tmpdir(), 'trilogue-lighthouse-'));
		server = await startBuiltServer({ PORT: port, ORIGIN: origin, DATA_DIR: dataDir });
	}
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	try {
		console.log(`Lighthouse (desktop) on ${origin}`);
		console.log(['page'.padEnd(36), ...categories.map((c) => c.padStart(15))].join(''));
		const shortfalls: string[] = [];
		for (const page of pages) {
			const result = await lighthouse(
				`${origin}${page}`,
				{ port: chrome.port, logLevel: 'error', onlyCategories: categories },
				desktopConfig
			);
			if (!result) throw new Error(`Lighthouse gave no result for ${page}`);
			const { lhr } = result;
			console.log(
				[
					page.padEnd(36),
					...categories.map((c) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100)).padStart(15))
				].join('')
			);
			for (const category of categories) {
				for (const ref of lhr.categories[category]?.auditRefs ?? []) {
					const audit = lhr.audits[ref.id];
					if (ref.weight > 0 && audit.score !== null && audit.score < 1)
						shortfalls.push(`${page} · ${category} · ${audit.id}: ${audit.title}`);
				}
			}
		}
		console.log(
			shortfalls.length ? `\nAudits that fell short:\n${shortfalls.join('\n')}` : '\nNo scored audit fell short.'
		);
	} finally {
		chrome.kill();
		await server?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
