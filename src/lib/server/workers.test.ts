import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { OpenDatabase } from './db';
import { dossier, procedureEvent } from './db/schema';
import { testDatabase, urlOf } from './testing/database';
import { startBuiltServer, type BuiltServer } from './testing/built-server';
import { createSession, generateSessionToken, sessionCookieName } from './session';
import { createUser } from './user';

// `npm start` (scripts/start.js) runs the production build; scripts/test.sh builds it before these tests.
const built = existsSync('build/index.js');
const port = 4380 + Math.floor(Math.random() * 10);

const start = (env: Record<string, string>, ready: RegExp) =>
	startBuiltServer({ PORT: String(port), ORIGIN: `http://localhost:${port}`, DATABASE_URL: '', ...env }, ready, 90_000);

/** A GET on a new connection: the cluster hands each new connection to the next worker in turn. */
function get(
	pathname: string,
	headers: Record<string, string> = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ port, path: pathname, headers: { connection: 'close', ...headers }, agent: false },
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

describe('npm start with WORKERS', () => {
	it.runIf(!process.env.DATABASE_URL)('runs one worker on the embedded PGlite database, and says so', async () => {
		expect(built, 'needs the production build: npm run build').toBe(true);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'trilogue-workers-'));
		const { stop, output } = await start({ WORKERS: '2', DATA_DIR: dataDir }, /running 1 worker/);
		await stop();
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
	let server: BuiltServer;
	beforeAll(async () => {
		expect(built, 'needs the production build: npm run build').toBe(true);
		open = await testDatabase();
		server = await start({ WORKERS: '2', DATABASE_URL: await urlOf(open) }, /2 workers listening/);
	});
	afterAll(async () => {
		await server?.stop();
		await open?.close();
	});

	it('shows an edit on the next anonymous view in every worker, whoever wrote it', async () => {
		const timeline = '/dossiers/ai-act/timeline';
		// Both workers keep the timeline: every answer after the first of each is from its cache.
		const warm = [];
		for (let i = 0; i < 6; i++) warm.push(await get(timeline));
		expect(warm.every((r) => r.status === 200)).toBe(true);
		expect(warm.filter((r) => r.headers['x-page-cache'] === 'hit-front').length).toBeGreaterThanOrEqual(4);

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
		const created = await createUser(
			open.db,
			{
				email: `workers-${Date.now()}@example.org`,
				name: 'Worker Check',
				password: 'correct horse battery staple 7',
				role: 'editor'
			},
			null
		);
		if (!created.ok) throw new Error(created.message);
		const { user } = created;
		const token = generateSessionToken();
		await createSession(open.db, token, user.id);
		for (let i = 0; i < 4; i++) {
			const page = await get('/account', {
				cookie: `${sessionCookieName(new URL(`http://localhost:${port}/`))}=${token}`
			});
			expect(page.status).toBe(200);
			expect(page.body).toContain('Worker Check');
			expect(page.headers['cache-control']).toBe('private, no-store');
		}
	});
});
