/**
 * Benchmark: anonymous visitors under load. Starts the built server (`npm run build` first) as `npm start`
 * does, fetches each public page once (its first, uncached render), then runs autocannon against it and,
 * in the same run, against a bare Node server answering the very same bytes from memory. Prints req/s,
 * p50, p99, errors and the ratio per page; then a long run at 100 connections.
 *
 *   BENCH_DATA_DIR       PGlite data folder (default: a fresh temporary one, seeded on start)
 *   BENCH_DATABASE_URL   also measure on this PostgreSQL database, with 1 and with 2 workers
 *   BENCH_LARGE_DATA_DIR a PGlite folder filled by `npm run bench:amendments` (100,000 extra amendments):
 *                        measure the amendment search on it too
 *   BENCH_SECONDS (8), BENCH_CONNECTIONS (25), BENCH_LONG_SECONDS (30), BENCH_LONG_CONNECTIONS (100)
 * Targets: ratio ≤ 2 and ≥ 1,000 req/s per page at 25 connections; 0 errors and p99 < 100 ms at 100.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startBuiltServer } from '../src/lib/server/testing/built-server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 25);
const longSeconds = Number(process.env.BENCH_LONG_SECONDS ?? 30);
const longConnections = Number(process.env.BENCH_LONG_CONNECTIONS ?? 100);
const appPort = 4390;
const staticPort = 4391;
// What a browser sends: pages are answered gzip-compressed, and the static server answers the same bytes.
const browserHeaders = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };

const pages = [
	'/dossiers/ai-act/timeline',
	'/dossiers/ai-act/provisions/art_5',
	'/dossiers/ai-act/amendments?q=biometric',
	'/dossiers/ai-act/positions',
	'/dossiers/ai-act/compare/articles/art_5',
	'/dossiers/ai-act/charts',
	'/dossiers/ai-act/feed.atom',
	'/api/dossiers/ai-act/amendments?q=biometric'
];

interface Captured {
	path: string;
	status: number;
	contentType: string;
	contentEncoding: string | null;
	body: Buffer;
	firstMs: number;
}

interface Figures {
	reqPerSec: number;
	p50: number;
	p99: number;
	errors: number;
}

const startApp = (env: Record<string, string>) =>
	startBuiltServer({ PORT: String(appPort), ORIGIN: `http://localhost:${appPort}`, ...env });

/** The page's bytes as sent (still compressed: fetch would decompress them). */
function capture(pagePath: string): Promise<Captured> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		get({ port: appPort, path: pagePath, headers: browserHeaders }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () =>
				resolve({
					path: pagePath,
					status: response.statusCode ?? 0,
					contentType: String(response.headers['content-type'] ?? 'application/octet-stream'),
					contentEncoding: response.headers['content-encoding'] ?? null,
					body: Buffer.concat(chunks),
					firstMs: performance.now() - started
				})
			);
		}).on('error', reject);
	});
}

/** A bare Node server in its own process answering each captured path with its bytes from memory. */
function startStatic(captured: Captured[]): Promise<ChildProcess> {
	const source = `
		const http = require('node:http');
		process.once('message', (list) => {
		const pages = new Map(list.map((p) => [p.path, { ...p, body: Buffer.from(p.body, 'base64') }]));
		http.createServer((req, res) => {
			const page = pages.get(req.url);
			if (!page) { res.writeHead(404); return res.end(); }
			const headers = { 'content-type': page.contentType, 'content-length': page.body.length };
			if (page.contentEncoding) headers['content-encoding'] = page.contentEncoding;
			res.writeHead(200, headers);
			res.end(page.body);
		}).listen(${staticPort}, () => process.send('ready'));
		});`;
	const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	child.send(captured.map((c) => ({ ...c, body: c.body.toString('base64') })));
	return new Promise((resolve) => child.once('message', () => resolve(child)));
}

async function load(url: string, conns: number, duration: number): Promise<Figures> {
	const result = await autocannon({ url, connections: conns, duration, headers: browserHeaders });
	return {
		reqPerSec: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const row = (cells: (string | number)[]) =>
	console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(46) : pad(c, 9))).join(' '));

async function measurePages(label: string, env: Record<string, string>, paths: string[]) {
	console.log(
		`\n${label}: ${connections} connections, ${seconds} s per page (app, then the same bytes from a static server)`
	);
	const app = await startApp(env);
	try {
		const captured: Captured[] = [];
		for (const p of paths) captured.push(await capture(p));
		const staticServer = await startStatic(captured);
		try {
			row(['page', 'KB', 'first ms', 'app r/s', 'p50 ms', 'p99 ms', 'errors', 'static r/s', 'ratio']);
			for (const page of captured) {
				if (page.status !== 200) {
					console.log(`${page.path}: answered ${page.status}; skipped`);
					continue;
				}
				const appFigures = await load(`http://localhost:${appPort}${page.path}`, connections, seconds);
				const staticFigures = await load(`http://localhost:${staticPort}${page.path}`, connections, seconds);
				row([
					page.path,
					(page.body.byteLength / 1024).toFixed(1),
					page.firstMs.toFixed(0),
					appFigures.reqPerSec.toFixed(0),
					appFigures.p50,
					appFigures.p99,
					appFigures.errors,
					staticFigures.reqPerSec.toFixed(0),
					(staticFigures.reqPerSec / appFigures.reqPerSec).toFixed(2)
				]);
			}
		} finally {
			staticServer.kill();
		}
		const long = await load(`http://localhost:${appPort}${paths[0]}`, longConnections, longSeconds);
		console.log(
			`${paths[0]} at ${longConnections} connections for ${longSeconds} s: ${long.reqPerSec.toFixed(0)} req/s, ` +
				`p50 ${long.p50} ms, p99 ${long.p99} ms, ${long.errors} errors`
		);
	} finally {
		await app.stop();
	}
}

if (!existsSync('build/index.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(1);
}
const fresh = !process.env.BENCH_DATA_DIR;
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'trilogue-bench-load-'));
// BENCH_ONLY=postgres measures PostgreSQL alone (with BENCH_DATABASE_URL).
const only = process.env.BENCH_ONLY;
try {
	if (only !== 'postgres')
		await measurePages(`PGlite (${fresh ? 'fresh folder, seeded on start' : dataDir})`, { DATA_DIR: dataDir }, pages);
	if (process.env.BENCH_LARGE_DATA_DIR && only !== 'postgres') {
		await measurePages(
			`PGlite with the 100,000-amendment benchmark database`,
			{ DATA_DIR: process.env.BENCH_LARGE_DATA_DIR },
			['/dossiers/ai-act/amendments?q=biometric', '/api/dossiers/ai-act/amendments?q=biometric']
		);
	}
	if (process.env.BENCH_DATABASE_URL) {
		for (const workers of ['1', '2']) {
			await measurePages(
				`PostgreSQL, ${workers} worker(s)`,
				{ DATABASE_URL: process.env.BENCH_DATABASE_URL, WORKERS: workers },
				pages
			);
		}
	}
} finally {
	if (fresh) rmSync(dataDir, { recursive: true, force: true });
}
