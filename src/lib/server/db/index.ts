import path from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import {
	copyPgliteTemplate,
	isNewDataDir,
	pgliteTemplate,
	pgliteTemplateFolder,
	pgliteTemplatePath
} from './pglite-template';
import { migrationsFolder } from './migrations';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take this, so they compose inside `db.transaction()`. */
export type DbConnection = Database | Transaction;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** LISTEN on a channel; the callback runs for each notification. Resolves to a function that stops. */
	listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** postgres:// URL; when absent, an embedded PGlite database is used. */
	url?: string;
	/** PGlite data folder; 'memory://' for a throw-away database. */
	dataDir?: string;
	/** A PGlite data folder dump (from `dumpDataDir`) to start from instead of an empty cluster. */
	loadDataDir?: Blob | File;
}

/**
 * Opens the database: postgres.js against a real server when `url` is set, otherwise PGlite.
 * Drivers are imported lazily so neither is loaded when unused.
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
	if (options.url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const client = postgres(options.url, { max: 10, onnotice: () => {} });
		const db = drizzle(client, { schema }) as unknown as Database;
		return {
			db,
			kind: 'postgres',
			async listen(channel, onNotify) {
				const { unlisten } = await client.listen(channel, onNotify);
				return unlisten;
			},
			close: () => client.end({ timeout: 5 })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const dataDir = options.dataDir ?? 'memory://';
	const inMemory = dataDir.startsWith('memory://');
	const fresh = !options.loadDataDir && isNewDataDir(dataDir);
	// A new folder on disk is copied from the template folder; an in-memory one is loaded from its dump.
	const copied = fresh && !inMemory && copyPgliteTemplate(dataDir);
	const template = fresh && !copied ? pgliteTemplate() : undefined;
	if (!inMemory) mkdirSync(dataDir, { recursive: true });
	let client: InstanceType<typeof PGlite>;
	try {
		client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir ?? template });
	} catch (error) {
		if (!template && !copied) throw error;
		// A damaged template must not stop the app: make the new folder from scratch instead.
		console.warn(
			`The PGlite template ${copied ? pgliteTemplateFolder() : pgliteTemplatePath()} could not be loaded (${error}); creating the database from scratch.`
		);
		if (!inMemory) rmSync(dataDir, { recursive: true, force: true });
		if (!inMemory) mkdirSync(dataDir, { recursive: true });
		client = await PGlite.create({ dataDir });
	}
	const db = drizzle(client, { schema }) as unknown as Database;
	return {
		db,
		kind: 'pglite',
		async listen(channel, onNotify) {
			const unlisten = await client.listen(channel, onNotify);
			return () => unlisten();
		},
		close: () => client.close()
	};
}

/** The rows of a raw `db.execute()`: PGlite answers `{ rows }`, postgres.js the array itself. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Applies the generated migrations in `drizzle/` (idempotent). */
export async function migrate(open: OpenDatabase): Promise<void> {
	const config = { migrationsFolder: migrationsFolder() };
	if (open.kind === 'postgres') {
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		await migrate(open.db as never, config);
	} else {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(open.db as never, config);
	}
}

/** Database settings from the environment: `DATABASE_URL`, else PGlite in `DATA_DIR` (default ./data). */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): DatabaseOptions {
	if (env.DATABASE_URL) return { url: env.DATABASE_URL };
	return { dataDir: path.resolve(env.DATA_DIR ?? 'data', 'pglite') };
}

// Kept on globalThis so that a dev-server module reload reuses the open database instead of opening
// the same PGlite folder a second time (two instances on one folder would corrupt it).
const holder = globalThis as typeof globalThis & { __trilogueDatabase?: OpenDatabase };

/** The app's database, opened by the `init` hook. */
export function db(): Database {
	if (!holder.__trilogueDatabase) throw new Error('The database is not open yet: it is opened by the init hook.');
	return holder.__trilogueDatabase.db;
}

export function setAppDatabase(open: OpenDatabase | undefined) {
	holder.__trilogueDatabase = open;
}

export function appDatabase(): OpenDatabase | undefined {
	return holder.__trilogueDatabase;
}

export { schema };
