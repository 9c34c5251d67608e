import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { OpenDatabase } from './db';
import { dossier, procedureEvent } from './db/schema';
import { testDatabase, urlOf } from './testing/database';
import { createSession, generateSessionToken, sessionCookieName } from './session';
import { createUser } from './user';

// `npm start` (scripts/start.js) runs the production build; scripts/test.sh builds it before these tests.
const built = existsSync('build/index.js');
const port = 4380 + Math.floor(Math.random() * 10);

/** Starts `npm start`'s launcher; resolves once `ready` matches its output. */
function start(env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`No “${ready}” within 90 s:\n${output}`)), 90_000);
		const seen = (chunk: Buffer) => {
			output += chunk;
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve({ child, output: () => output });
			}
		};
		child.stdout!.on('data', seen);
		child.stderr!.on('data', seen);
		child.once('exit', (code) => {
			clearTimeout(timer);
			if (!ready.test(output)) reject(new Error(`The server stopped (exit ${code}):\n${output}`));
		});
	});
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** A GET on a new connection: the cluster hands each new connection to the next worker in turn. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ port, path: pathname, headers: { connection: 'close', ...headers }, agent: false }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('npm start with WORKERS', () => {
	it.runIf(!process.env.DATABASE_URL)('runs one worker on the embedded PGlite database, and says so', async () => {
		expect(built, 'needs the production build: npm run build').toBe(true);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'trilogue-workers-'));
		const { child, output } = await start({ WORKERS: '2', DATA_DIR: dataDir }, /running 1 worker/);
		await stop(child);
		rmSync(dataDir, { recursive: true, force: true });
		expect(output()).toContain('the embedded PGlite database can be opened by one process only');
		expect(output()).toContain('Set DATABASE_URL to a PostgreSQL server to run more.');
	});

	it('refuses a WORKERS that is not a number of processes', async () => {
		expect(built, 'needs the production build: npm run build').toBe(true);
		const { output } = await start({ WORKERS: 'two' }, /WORKERS must be a whole number/);
		expect(output()).toContain('not "two"');
	});
});

describe.runIf(process.env.DATABASE_URL)('two workers on one PostgreSQL database', () => {
	let open: OpenDatabase;
	let server: ChildProcess;
	beforeAll(async () => {
		expect(built, 'needs the production build: npm run build').toBe(true);
		open = await testDatabase();
		({ child: server } = await start({ WORKERS: '2', DATABASE_URL: await urlOf(open) }, /2 workers listening/));
	});
	afterAll(async () => {
		if (server) await stop(server);
		await open?.close();
	});

	it('shows an edit on the next anonymous view in every worker, whoever wrote it', async () => {
		const timeline = '/dossiers/ai-act/timeline';
		// Both workers keep the timeline: every answer after the first of each is from its cache.
		const warm = [];
		for (let i = 0; i < 6; i++) warm.push(await get(timeline));
		expect(warm.every((r) => r.status === 200)).toBe(true);
		expect(warm.filter((r) => r.headers['x-page-cache'] === 'hit').length).toBeGreaterThanOrEqual(4);

		// A write by a third process (here, this test's own connection).
		const title = `Renamed by another process ${Date.now()}`;
		const [ai] = await open.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
		const [event] = await open.db
			.select({ id: procedureEvent.id })
			.from(procedureEvent)
			.where(and(eq(procedureEvent.dossierId, ai.id), eq(procedureEvent.visibility, 'public')))
			.limit(1);
		await open.db.update(procedureEvent).set({ title }).where(eq(procedureEvent.id, event.id));

		for (let i = 0; i < 6; i++) expect((await get(timeline)).body).toContain(title);
	});

	it('knows a session in every worker', async () => {
		const created = await createUser(open.db, { email: `workers-${Date.now()}@example.org`, name: 'Worker Check', password: 'correct horse battery staple 7', role: 'editor' }, null);
		if (!created.ok) throw new Error(created.message);
		const { user } = created;
		const token = generateSessionToken();
		await createSession(open.db, token, user.id);
		for (let i = 0; i < 4; i++) {
			const page = await get('/account', { cookie: `${sessionCookieName(new URL(`http://localhost:${port}/`))}=${token}` });
			expect(page.status).toBe(200);
			expect(page.body).toContain('Worker Check');
			expect(page.headers['cache-control']).toBe('private, no-store');
		}
	});
});
