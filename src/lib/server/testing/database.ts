import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrate, openDatabase, rowsOf, setAppDatabase, type Database, type OpenDatabase } from '../db';
import { dossier } from '../db/schema';

/**
 * A fresh, migrated and seeded database for one test file, copied from the template that
 * `global-setup.ts` built: a PGlite dump, or with DATABASE_URL a PostgreSQL template database.
 */
export async function testDatabase(): Promise<OpenDatabase> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const name = `trilogue_test_${randomBytes(6).toString('hex')}`;
		const admin = await openDatabase({ url });
		try {
			await admin.db.execute(sql.raw(`create database ${name} template ${templateName(url)}`));
		} finally {
			await admin.close();
		}
		const open = await openDatabase({ url: withDatabase(url, name) });
		return {
			...open,
			async close() {
				await open.close();
				const cleanup = await openDatabase({ url });
				await cleanup.db.execute(sql.raw(`drop database if exists ${name}`));
				await cleanup.close();
			}
		};
	}
	const dump = inject('pgliteTemplate');
	if (!dump) throw new Error('No test template: run the server tests through vitest (global-setup.ts builds it).');
	const open = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(dump)]) });
	// Migrations are already applied in the template; this is a cheap no-op that keeps the contract honest.
	await migrate(open);
	return open;
}

/** What `useTestDatabase` opens for a test file; read it inside tests and hooks, once its `beforeAll` has run. */
export interface TestDatabase {
	db: Database;
	/** The seeded AI Act dossier. */
	dossierId: number;
}

/**
 * Opens a `testDatabase()` before the file's tests and closes it after them. With `app: true` it is also the app's
 * database, so route modules that call `db()` read it. Call it before the file's own `beforeAll`, which then runs
 * after it.
 */
export function useTestDatabase(options: { app?: boolean } = {}): TestDatabase {
	let open: OpenDatabase | undefined;
	const handle = {} as TestDatabase;
	beforeAll(async () => {
		open = await testDatabase();
		if (options.app) setAppDatabase(open);
		handle.db = open.db;
		[{ id: handle.dossierId }] = await open.db
			.select({ id: dossier.id })
			.from(dossier)
			.where(eq(dossier.slug, 'ai-act'));
	});
	afterAll(async () => {
		if (options.app) setAppDatabase(undefined);
		await open?.close();
	});
	return handle;
}

/** An empty, migrated database (no seed), for tests of the seed itself. */
export async function emptyDatabase(): Promise<OpenDatabase> {
	const open = await openDatabase({ dataDir: 'memory://' });
	await migrate(open);
	return open;
}

export function templateName(url: string): string {
	const db = new URL(url).pathname.slice(1) || 'postgres';
	return `${db.replace(/[^a-z0-9_]/gi, '_')}_trilogue_template`;
}

export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/** A URL for another connection to a PostgreSQL test database (as another process would open it). */
export async function urlOf(open: OpenDatabase): Promise<string> {
	const url = process.env.DATABASE_URL;
	if (open.kind !== 'postgres' || !url) throw new Error('urlOf: a PostgreSQL test database only');
	const [{ name }] = rowsOf<{ name: string }>(await open.db.execute(sql`select current_database() as name`));
	return withDatabase(url, name);
}
