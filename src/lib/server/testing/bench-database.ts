import path from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, rowsOf, type OpenDatabase } from '../db';
import { getDossier } from '../dossiers';
import { seedAiAct } from '../seed';
import { addSyntheticAmendments, type SyntheticReport } from './synthetic-amendments';

/** Where `bench-seed --amendments N` keeps its PGlite database for `bench-amendments` (git-ignored). */
export const benchPgliteDir = () => path.resolve(process.env.BENCH_DATA_DIR ?? 'bench-data/amendments', 'pglite');

/** The PostgreSQL database the benchmarks fill and measure, only when explicitly given. */
export const benchPostgresUrl = () => process.env.BENCH_DATABASE_URL;

/**
 * Empties a benchmark database (a PGlite folder is deleted; a PostgreSQL database has its schemas
 * dropped), migrates, seeds the AI Act and adds `count` synthetic amendments, then VACUUM ANALYZE so the
 * planner has statistics as a long-running database would.
 */
export async function fillBenchDatabase(
	target: { dataDir: string } | { url: string },
	count: number
): Promise<{ open: OpenDatabase; report: SyntheticReport }> {
	if ('dataDir' in target && existsSync(target.dataDir)) rmSync(target.dataDir, { recursive: true, force: true });
	const open = await openDatabase(target);
	if ('url' in target) {
		await open.db.execute(sql`drop schema if exists public cascade`);
		await open.db.execute(sql`drop schema if exists drizzle cascade`);
		await open.db.execute(sql`create schema public`);
	}
	await migrate(open);
	await seedAiAct(open.db);
	const dossier = await getDossier(open.db, 'ai-act');
	const report = await open.db.transaction((tx) => addSyntheticAmendments(tx, dossier!.id, count));
	await open.db.execute(sql`vacuum analyze`);
	return { open, report };
}

/** How many amendments a benchmark database holds (0 when it is empty or not migrated). */
export async function countAmendments(open: OpenDatabase): Promise<number> {
	try {
		return rowsOf<{ n: number }>(await open.db.execute(sql`select count(*)::int as n from amendment`))[0]?.n ?? 0;
	} catch {
		return 0;
	}
}
