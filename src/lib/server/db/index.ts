import path from 'node:path';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take this, so they compose inside `db.transaction()`. */
export type DbConnection = Database | Transaction;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
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
		return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const dataDir = options.dataDir ?? 'memory://';
	if (!dataDir.startsWith('memory://') && !options.loadDataDir) await createCluster(dataDir);
	const client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
	const db = drizzle(client, { schema }) as unknown as Database;
	return { db, kind: 'pglite', close: () => client.close() };
}

const CREATE_CLUSTER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
	const { PGlite } = await import(workerData.pglite);
	const db = await PGlite.create({ dataDir: workerData.dataDir });
	await db.close();
})().then(() => parentPort.postMessage(null), (e) => parentPort.postMessage(String(e?.message ?? e)));
`;

/**
 * Creates a new PGlite data folder (Postgres's initdb, about 5 s of CPU) in a worker thread, so that the
 * process can use those seconds for something else: the seed reads its documents meanwhile. The cluster is
 * made in a sibling folder and renamed into place, so a crash never leaves a half-made one. Nothing to do
 * for a folder that holds a cluster already; if the worker fails, PGlite creates the folder itself.
 */
async function createCluster(dataDir: string): Promise<void> {
	if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
	if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return; // not ours to replace: PGlite will say what is wrong
	const building = `${dataDir}.creating-${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	mkdirSync(building, { recursive: true });
	const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
	const worker = new Worker(CREATE_CLUSTER, { eval: true, workerData: { pglite, dataDir: building } });
	const failure = await new Promise<string | null>((resolve) => {
		worker.once('message', resolve);
		worker.once('error', (e) => resolve(e.message));
		worker.once('exit', (code) => resolve(`the worker exited with code ${code}`));
	});
	await worker.terminate();
	if (failure === null) {
		rmSync(dataDir, { recursive: true, force: true });
		mkdirSync(path.dirname(dataDir), { recursive: true });
		renameSync(building, dataDir);
	} else {
		rmSync(building, { recursive: true, force: true });
		mkdirSync(dataDir, { recursive: true });
	}
}

export const migrationsFolder = () => path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

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
