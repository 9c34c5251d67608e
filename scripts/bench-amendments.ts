/**
 * Benchmark: server time of the amendments list (with filters) and of full-text search, and of a
 * 10,000-amendment CSV import, on the database `bench-seed.ts --amendments N` filled.
 * PGlite: BENCH_DATA_DIR (default bench-data/amendments; filled with 100,000 amendments if missing).
 * PostgreSQL: BENCH_DATABASE_URL (filled if empty), else DATABASE_URL if it already holds a filled database.
 * Targets: p95 under 100 ms for the list and for search; the import under 10 s.
 */
import { existsSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openDatabase, type OpenDatabase } from '../src/lib/server/db/index';
import { amendment, user } from '../src/lib/server/db/schema';
import { getDossier } from '../src/lib/server/dossiers';
import { importAmendments, listAmendments, PUBLIC_VIEWER, type Viewer } from '../src/lib/server/amendments';
import {
	benchPgliteDir,
	benchPostgresUrl,
	countAmendments,
	fillBenchDatabase
} from '../src/lib/server/testing/bench-database';
import { parseFilters } from '../src/lib/amendments/filters';
import { toCsv } from '../src/lib/amendments/csv';

const COUNT = 100_000;
const ROUNDS = 10;

const listQueries = [
	'',
	'provision=art_5',
	'status=committee_rejected&group=greens-efa',
	'author=bench-member-17',
	'body=ep-libe&status=tabled',
	'from=2022-09&to=2023-01&sort=tabled_desc',
	'provision=art_10&status=tabled&status=committee_adopted&sort=target',
	'assessment=weakens',
	'assessment=none&provision=art_5__para_1',
	'page=400'
];
const searchQueries = [
	'q=biometric identification',
	'q="remote biometric identification"',
	'q=emotion recognition',
	'q=law enforcement -exception',
	'q=predictive policing or risk assessment',
	'q=biometric&provision=art_5',
	'q=transparency&status=committee_adopted',
	'q=fundamental rights impact assessment&sort=number'
];

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function measure(open: OpenDatabase, name: string) {
	const dossier = (await getDossier(open.db, 'ai-act'))!;
	// The audit log keeps who imported, so the benchmark's user stays (one per database).
	const [reviewer] = await open.db
		.insert(user)
		.values({ email: 'benchmark@example.org', name: 'Benchmark', role: 'editor' })
		.onConflictDoUpdate({ target: user.email, set: { role: 'editor' } })
		.returning({ id: user.id });
	const viewers: Viewer[] = [PUBLIC_VIEWER, { userId: reviewer.id, canSeeInternal: true }];
	const total = await countAmendments(open);
	console.log(`\n${name}: ${total.toLocaleString('en')} amendments`);

	for (const [label, queries] of [
		['list with filters', listQueries],
		['full-text search', searchQueries]
	] as const) {
		const samples: number[] = [];
		const worst = new Map<string, number>();
		for (let round = -2; round < ROUNDS; round++) {
			for (const query of queries) {
				const viewer = viewers[(round + queries.indexOf(query)) & 1];
				const started = performance.now();
				await listAmendments(open.db, dossier.id, parseFilters(new URLSearchParams(query)).filters, viewer);
				const took = performance.now() - started;
				if (round < 0) continue; // warm-up
				samples.push(took);
				worst.set(query, Math.max(worst.get(query) ?? 0, took));
			}
		}
		const [slowQuery, slowMs] = [...worst].sort((a, b) => b[1] - a[1])[0];
		console.log(
			`  ${label.padEnd(18)} p50 ${ms(percentile(samples, 50)).padStart(9)}  p95 ${ms(percentile(samples, 95)).padStart(9)}  ` +
				`(${samples.length} requests; slowest: “${slowQuery || 'no filter'}” ${ms(slowMs)}; target p95 < 100 ms)`
		);
	}

	const context = `Import benchmark ${Date.now()}`;
	const real = await open.db
		.select({
			number: amendment.number,
			target: amendment.targetLabel,
			base: amendment.baseText,
			proposed: amendment.proposedText,
			deletes: amendment.deletesProvision,
			added: amendment.newProvision
		})
		.from(amendment)
		.where(and(eq(amendment.dossierId, dossier.id), eq(amendment.status, 'plenary_adopted')))
		.limit(771);
	const rows = Array.from({ length: 10_000 }, (_, i) => {
		const r = real[i % real.length];
		return [
			context,
			String(i + 1),
			r.target,
			r.base,
			r.proposed,
			String(r.deletes),
			String(r.added),
			'tabled',
			'greens-efa'
		];
	});
	const csv = new TextEncoder().encode(
		toCsv(
			[
				'tabling_context',
				'number',
				'target',
				'base_text',
				'proposed_text',
				'deletes_provision',
				'new_provision',
				'status',
				'authors'
			],
			rows
		)
	);
	const options = {
		userId: reviewer.id,
		fileName: 'bench.csv',
		ep: { tablingContext: 'x', tabledOn: null, status: 'tabled' as const }
	};
	let started = performance.now();
	const result = await importAmendments(open.db, dossier.id, csv, { ...options, dryRun: false });
	const importMs = performance.now() - started;
	if (!result.ok || !result.applied) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
	started = performance.now();
	const again = await importAmendments(open.db, dossier.id, csv, { ...options, dryRun: true });
	const againMs = performance.now() - started;
	console.log(
		`  import 10,000 CSV  ${(importMs / 1000).toFixed(2)} s (${(csv.byteLength / 1024 / 1024).toFixed(1)} MB, ${result.plan.created.length} created; target < 10 s); ` +
			`dry run of the same file again ${(againMs / 1000).toFixed(2)} s (${again.ok ? again.plan.unchanged : '?'} unchanged)`
	);
	const imported = await open.db
		.select({ id: amendment.id })
		.from(amendment)
		.where(eq(amendment.tablingContext, context));
	for (let i = 0; i < imported.length; i += 5000)
		await open.db.delete(amendment).where(
			inArray(
				amendment.id,
				imported.slice(i, i + 5000).map((r) => r.id)
			)
		);
	await open.db.execute(sql`vacuum analyze amendment`);
}

const pgliteDir = benchPgliteDir();
if (!existsSync(pgliteDir)) {
	console.log(
		`No benchmark database in ${pgliteDir}: filling it with ${COUNT.toLocaleString('en')} amendments (about 2 minutes)…`
	);
	await (await fillBenchDatabase({ dataDir: pgliteDir }, COUNT)).open.close();
}
const pglite = await openDatabase({ dataDir: pgliteDir });
try {
	await measure(pglite, 'PGlite');
} finally {
	await pglite.close();
}

const url = benchPostgresUrl() ?? process.env.DATABASE_URL;
if (!url) console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL to a database the benchmark may fill and empty).');
else {
	let pg = await openDatabase({ url });
	if ((await countAmendments(pg)) < COUNT / 2) {
		await pg.close();
		if (!benchPostgresUrl()) {
			console.log('\nPostgreSQL: skipped (DATABASE_URL holds no benchmark data; set BENCH_DATABASE_URL to fill one).');
			process.exit(0);
		}
		console.log(`\nFilling PostgreSQL with ${COUNT.toLocaleString('en')} amendments…`);
		pg = (await fillBenchDatabase({ url }, COUNT)).open;
	}
	try {
		await measure(pg, 'PostgreSQL');
	} finally {
		await pg.close();
	}
}
