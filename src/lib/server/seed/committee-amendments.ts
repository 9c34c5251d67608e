import type { DbConnection } from '../db';
import { importParsed, readImportFile } from '../amendments/import';
import type { ParsedImportFile } from '$lib/amendments/import-file';
import { readSeedDocuments } from './documents';

export interface CommitteeAmendmentsReport {
	/** PDF files read; a file may hold more than one document (ITRE's holds two). */
	files: number;
	documents: number;
	amendments: number;
	provisions: number;
	unmatchedNames: number;
	/** Seconds from the start of the reading until the last PDF was read (it runs beside the rest of the seed). */
	readSeconds: number;
}

/** The committee PDFs as read, or why they could not be found. */
export type CommitteeReads =
	{ ok: true; files: { name: string; parsed: ParsedImportFile }[]; seconds: number } | { ok: false; error: string };

/**
 * Starts reading the committee PDFs. pdfjs reads them one after another in its worker thread
 * ($lib/amendments/pdf/pdfjs-thread.ts) while the seed loads everything else; never rejects, so a promise
 * nobody awaits yet cannot crash the process.
 */
export async function readCommitteeDocuments(procedure: string): Promise<CommitteeReads> {
	const started = performance.now();
	try {
		const files = await Promise.all(
			(await readSeedDocuments('ep-committee-amendments')).map(async (file) => ({
				name: file.name,
				parsed: await readImportFile(file.bytes, {
					fileName: file.name,
					procedure,
					ep: { tablingContext: '', tabledOn: null, status: 'tabled' }
				})
			}))
		);
		return { ok: true, files, seconds: (performance.now() - started) / 1000 };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/**
 * Imports the five committee amendment documents (PDF) through the same importer editors use, so the seed
 * proves it on real files. A file the importer would refuse stops the seed: nothing is half-loaded.
 */
export async function seedCommitteeAmendments(
	tx: DbConnection,
	dossierId: number,
	reading: Promise<CommitteeReads>
): Promise<CommitteeAmendmentsReport> {
	const reads = await reading;
	if (!reads.ok) throw new Error(`The committee amendment PDFs could not be read: ${reads.error}`);
	const report: CommitteeAmendmentsReport = {
		files: 0,
		documents: 0,
		amendments: 0,
		provisions: 0,
		unmatchedNames: 0,
		readSeconds: reads.seconds
	};
	for (const { name, parsed } of reads.files) {
		if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
		const result = await importParsed(tx, dossierId, parsed, { dryRun: false, userId: null, fileName: name });
		if (!result.ok) throw new Error(`${name}: ${result.error}`);
		if (!result.applied) {
			const reasons = result.plan.refused
				.slice(0, 5)
				.map((r) => `${r.where}${r.number ? ` (amendment ${r.number})` : ''}: ${r.reason}`);
			throw new Error(`${name}: ${result.plan.refused.length} amendments refused, e.g. ${reasons.join('; ')}`);
		}
		report.files += 1;
		report.documents += result.plan.documents.length;
		report.amendments += result.plan.created.length;
		report.provisions += result.plan.provisions.length;
		report.unmatchedNames += result.plan.newActors.length;
	}
	return report;
}
