/**
 * Benchmark: the whole AI Act seed into a fresh PGlite data folder (as on first start).
 * Prints the seconds taken (creating the database, migrating, seeding) and the peak memory (max RSS).
 * Target: under 15 s on a 2-core machine.
 *
 * With `--amendments N` it instead fills a benchmark database that stays for `scripts/bench-amendments.ts`:
 * the seed plus N synthetic amendments built from the real ones, in PGlite (BENCH_DATA_DIR, default
 * bench-data/amendments) and, when BENCH_DATABASE_URL is set, in that PostgreSQL database (emptied first).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '../src/lib/server/db/index';
import { describeSeed, seedAiAct, startSeedReads } from '../src/lib/server/seed/index';
import { benchPgliteDir, benchPostgresUrl, fillBenchDatabase } from '../src/lib/server/testing/bench-database';

const flag = process.argv.indexOf('--amendments');
if (flag >= 0) {
	const count = Number(process.argv[flag + 1]);
	if (!Number.isInteger(count) || count < 1) {
		console.error('Usage: tsx scripts/bench-seed.ts --amendments N   (N a whole number, e.g. 100000)');
		process.exit(2);
	}
	const targets: [string, { dataDir: string } | { url: string }][] = [['PGlite', { dataDir: benchPgliteDir() }]];
	const url = benchPostgresUrl();
	if (url) targets.push(['PostgreSQL', { url }]);
	for (const [name, target] of targets) {
		const started = performance.now();
		const { open, report } = await fillBenchDatabase(target, count);
		await open.close();
		const where = 'dataDir' in target ? target.dataDir : new URL(target.url).pathname.slice(1);
		console.log(
			`${name}: ${report.created.toLocaleString('en')} synthetic amendments added in ${(report.ms / 1000).toFixed(1)} s ` +
				`(whole database ${((performance.now() - started) / 1000).toFixed(1)} s) → ${where}`
		);
	}
	if (!url) console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL to fill a PostgreSQL database too).');
	console.log(`peak memory (max RSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
	process.exit(0);
}

/** Processor seconds used by the main thread and by the whole process (Linux's /proc), or null elsewhere. */
function processorSeconds(): { main: number; all: number } | null {
	try {
		const ticks = (file: string) => {
			const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
			return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
		};
		const hz = 100; // USER_HZ, 100 on every Linux port
		const main = ticks(`/proc/self/task/${process.pid}/stat`) / hz;
		const usage = process.cpuUsage();
		return { main, all: (usage.user + usage.system) / 1e6 };
	} catch {
		return null;
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'trilogue-bench-seed-'));
const t0 = performance.now();
try {
	// As prepareDatabase does for a new data folder: the seed's documents are read while PGlite creates it.
	startSeedReads().catch(() => {});
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
	if (summary.seeded) for (const [name, ms] of summary.phases) console.log(`  ${name.padEnd(24)}${s(ms)}`);
	console.log(`close (flush to disk) ${s(t4 - t3)}`);
	console.log(`total                 ${s(t4 - t0)}   (target < 15 s)`);
	console.log(`peak memory (max RSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
	const cpu = processorSeconds();
	if (cpu)
		console.log(
			`processor time        ${s(cpu.main * 1000)} on the main thread, ${s((cpu.all - cpu.main) * 1000)} on the others`
		);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
