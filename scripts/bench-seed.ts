/**
 * Benchmark: the whole AI Act seed into a fresh PGlite data folder (as on first start).
 * Prints the seconds taken (creating the database, migrating, seeding) and the peak memory (max RSS).
 * Target: under 15 s on a 2-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '../src/lib/server/db/index';
import { describeSeed, seedAiAct } from '../src/lib/server/seed/index';

const dir = mkdtempSync(path.join(tmpdir(), 'trilogue-bench-seed-'));
const t0 = performance.now();
try {
	const open = await openDatabase({ dataDir: path.join(dir, 'pglite') });
	const t1 = performance.now();
	await migrate(open);
	const t2 = performance.now();
	const summary = await seedAiAct(open.db);
	const t3 = performance.now();
	await open.close();
	const t4 = performance.now();
	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	console.log(describeSeed(summary));
	console.log(`create PGlite folder  ${s(t1 - t0)}`);
	console.log(`migrate               ${s(t2 - t1)}`);
	console.log(`seed                  ${s(t3 - t2)}`);
	console.log(`close (flush to disk) ${s(t4 - t3)}`);
	console.log(`total                 ${s(t4 - t0)}   (target < 15 s)`);
	console.log(`peak memory (max RSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
