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

interface Answer {
	status: number;
	body: string;
	headers: Record<string, unknown>;
}

/** A request on a new connection: the cluster hands each new connection to the next worker in turn. */
function send(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ port, path: pathname, method, headers: { connection: 'close', ...headers }, agent: false },
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

const get = (pathname: string, headers: Record<string, string> = {}) => send('GET', pathname, headers);

/** A form POST, as a browser on the site sends it. */
function postForm(pathname: string, form: Record<string, string>, headers: Record<string, string> = {}) {
	const body = new URLSearchParams(form).toString();
	return send(
		'POST',
		pathname,
		{
			origin: `http://localhost:${port}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': String(Buffer.byteLength(body)),
			...headers
		},
		body
	);
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

	/** An editor with a session in the database (made by this test, not through a worker): its cookie. */
	async function signedIn(name: string) {
		const created = await createUser(
			open.db,
			{ email: `workers-${Date.now()}@example.org`, name, password: 'correct horse battery staple 7', role: 'editor' },
			null
		);
		if (!created.ok) throw new Error(created.message);
		const token = generateSessionToken();
		await createSession(open.db, token, created.user.id);
		return { cookie: `${sessionCookieName(new URL(`http://localhost:${port}/`))}=${token}` };
	}

	const timeline = '/dossiers/ai-act/timeline';
	/** Both workers keep the timeline: every answer after the first of each is from its cache. */
	async function warmBoth() {
		const warm = [];
		for (let i = 0; i < 6; i++) warm.push(await get(timeline));
		expect(warm.every((r) => r.status === 200)).toBe(true);
		expect(warm.filter((r) => r.headers['x-page-cache'] === 'hit-front').length).toBeGreaterThanOrEqual(4);
	}

	it('shows an edit made in one worker on the next anonymous view in every worker', async () => {
		await warmBoth();
		const { cookie } = await signedIn('Worker Editor');
		const title = `Added through a worker ${Date.now()}`;
		const posted = await postForm(
			'/dossiers/ai-act/stages/new',
			{ kind: 'event', title, category: 'procedure', date: '2026-12-07', visibility: 'public', sources: '' },
			{ cookie }
		);
		expect(posted.status, posted.body.slice(0, 3000)).toBe(303);
		// At once, in both workers: the writer told the other worker before it answered.
		for (let i = 0; i < 6; i++) expect((await get(timeline)).body).toContain(title);
	});

	it('shows a write by another process in every worker once its notification arrives', async () => {
		await warmBoth();
		// A write by a third process (here, this test's own connection): PostgreSQL notifies every worker at commit.
		const title = `Renamed by another process ${Date.now()}`;
		const [ai] = await open.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
		const [event] = await open.db
			.select({ id: procedureEvent.id })
			.from(procedureEvent)
			.where(and(eq(procedureEvent.dossierId, ai.id), eq(procedureEvent.visibility, 'public')))
			.limit(1);
		await open.db.update(procedureEvent).set({ title }).where(eq(procedureEvent.id, event.id));

		const seenBy = async () => {
			let seen = 0;
			for (let i = 0; i < 6; i++) if ((await get(timeline)).body.includes(title)) seen++;
			return seen;
		};
		await expect.poll(seenBy, { timeout: 3000 }).toBe(6);
	});

	it('knows a session in every worker', async () => {
		const { cookie } = await signedIn('Worker Check');
		for (let i = 0; i < 4; i++) {
			const page = await get('/account', { cookie });
			expect(page.status).toBe(200);
			expect(page.body).toContain('Worker Check');
			expect(page.headers['cache-control']).toBe('private, no-store');
		}
	});
});
