/**
 * Benchmark: the document importers on the real files. Seeds a fresh PGlite, takes the seeded committee
 * amendments out again, then for the five Parliament committee PDFs reads each file once, runs the dry run
 * and the import, and prints pages per second, amendments per second and the peak memory. Then the eight
 * Council compromise texts (Word), the same way: seconds per document.
 * Targets: all five PDFs (about 850 pages) in under 10 s in total, dry run included; all eight Word files
 * under 10 s; on a 2-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { migrate, openDatabase, type Database } from '../src/lib/server/db/index';
import { amendment, document, procedureEvent } from '../src/lib/server/db/schema';
import { seedAiAct } from '../src/lib/server/seed/index';
import { getDossier } from '../src/lib/server/dossiers';
import { readSeedDocuments } from '../src/lib/server/seed/documents';
import { importParsed, readImportFile } from '../src/lib/server/amendments/import';
import { importTextDocument } from '../src/lib/server/texts/import';

const dir = mkdtempSync(path.join(tmpdir(), 'trilogue-bench-import-'));
/** The ids of the seeded documents of a kind, which the benchmark takes out to import again. */
const documentIdsOf = async (db: Database, kind: typeof document.$inferSelect.kind) =>
	(await db.select({ id: document.id }).from(document).where(eq(document.kind, kind))).map((d) => d.id);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
	const open = await openDatabase({ dataDir: path.join(dir, 'pglite') });
	await migrate(open);
	await seedAiAct(open.db);
	const dossier = (await getDossier(open.db, 'ai-act'))!;
	const committeeIds = await documentIdsOf(open.db, 'ep_committee_amendments');
	await open.db.delete(amendment).where(inArray(amendment.documentId, committeeIds));
	await open.db.delete(document).where(inArray(document.id, committeeIds));

	const files = await readSeedDocuments('ep-committee-amendments');
	const ep = { tablingContext: '', tabledOn: null, status: 'tabled' as const };
	let pages = 0;
	let amendments = 0;
	const total = { read: 0, dry: 0, apply: 0 };
	console.log('Parliament committee amendment documents (PDF): read once, dry run, import');
	console.log('file                                                   pages  amendments    read    dry run   import');
	for (const file of files) {
		const t0 = performance.now();
		const parsed = await readImportFile(file.bytes, { fileName: file.name, ep, procedure: dossier.procedureRef });
		const t1 = performance.now();
		if (!parsed.ok) throw new Error(`${file.name}: ${parsed.error}`);
		const dry = await importParsed(open.db, dossier.id, parsed, { dryRun: true, userId: null, fileName: file.name });
		const t2 = performance.now();
		const real = await importParsed(open.db, dossier.id, parsed, { dryRun: false, userId: null, fileName: file.name });
		const t3 = performance.now();
		if (!dry.ok || !real.ok || !real.applied)
			throw new Error(`${file.name}: not imported (${JSON.stringify(real).slice(0, 300)})`);
		const filePages = (parsed.tablings ?? []).reduce(
			(n, t) => n + Number((t.provenance as { pages?: number }).pages ?? 0),
			0
		);
		pages += filePages;
		amendments += real.plan.created.length;
		total.read += t1 - t0;
		total.dry += t2 - t1;
		total.apply += t3 - t2;
		console.log(
			`${file.name.padEnd(54)} ${String(filePages).padStart(5)} ${String(real.plan.created.length).padStart(11)} ${s(t1 - t0).padStart(8)} ${s(t2 - t1).padStart(9)} ${s(t3 - t2).padStart(8)}`
		);
	}
	const all = total.read + total.dry + total.apply;
	console.log(`read    ${s(total.read)}: ${Math.round(pages / (total.read / 1000))} pages/s`);
	console.log(`dry run ${s(total.dry)}, import ${s(total.apply)}`);
	console.log(
		`total   ${s(all)} for ${pages} pages and ${amendments} amendments: ${Math.round(amendments / (all / 1000))} amendments/s (target < 10 s)`
	);

	// The Council's compromise texts (Word): dry run and import of each, into a dossier without them.
	const councilIds = await documentIdsOf(open.db, 'council_text');
	await open.db.delete(procedureEvent).where(inArray(procedureEvent.documentId, councilIds));
	await open.db.delete(document).where(inArray(document.id, councilIds));
	console.log('\nCouncil compromise texts (Word): dry run, then import');
	console.log('file                                                        dry run   import  versions');
	let words = 0;
	const started = performance.now();
	for (const file of await readSeedDocuments('council-compromise-texts')) {
		const options = { userId: null, fileName: file.name, procedure: dossier.procedureRef };
		const t0 = performance.now();
		const dry = await importTextDocument(open.db, dossier.id, file.bytes, { ...options, dryRun: true });
		const t1 = performance.now();
		const real = await importTextDocument(open.db, dossier.id, file.bytes, { ...options, dryRun: false });
		const t2 = performance.now();
		if (!dry.ok || !real.ok) throw new Error(`${file.name}: ${!dry.ok ? dry.error : !real.ok ? real.error : ''}`);
		words += real.plan.versions.created + real.plan.versions.updated.length;
		console.log(
			`${file.name.padEnd(60)} ${s(t1 - t0).padStart(7)} ${s(t2 - t1).padStart(8)} ${String(real.plan.versions.created + real.plan.versions.updated.length).padStart(9)}`
		);
	}
	console.log(
		`total   ${s(performance.now() - started)} for 8 Word files, dry runs included (target < 10 s); ${words} text versions written`
	);
	await open.close();
	console.log(`peak memory (max RSS, PGlite included) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
