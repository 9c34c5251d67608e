import type { DbConnection } from '../db';
import { importParsed, readImportFile } from '../amendments/import';
import { readSeedDocuments } from './documents';

export interface CommitteeAmendmentsReport {
	/** PDF files read; a file may hold more than one document (ITRE's holds two). */
	files: number;
	documents: number;
	amendments: number;
	provisions: number;
	unmatchedNames: number;
	/** Seconds spent reading the PDFs, apart from the database work. */
	readSeconds: number;
}

/**
 * Imports the five committee amendment documents (PDF) through the same importer editors use, so the seed
 * proves it on real files. A file the importer would refuse stops the seed: nothing is half-loaded.
 */
export async function seedCommitteeAmendments(tx: DbConnection, dossierId: number, procedure: string): Promise<CommitteeAmendmentsReport> {
	const report: CommitteeAmendmentsReport = { files: 0, documents: 0, amendments: 0, provisions: 0, unmatchedNames: 0, readSeconds: 0 };
	for (const file of await readSeedDocuments('ep-committee-amendments')) {
		const started = performance.now();
		const parsed = await readImportFile(file.bytes, { fileName: file.name, procedure, ep: { tablingContext: '', tabledOn: null, status: 'tabled' } });
		report.readSeconds += (performance.now() - started) / 1000;
		if (!parsed.ok) throw new Error(`${file.name}: ${parsed.error}`);
		const result = await importParsed(tx, dossierId, parsed, { dryRun: false, userId: null, fileName: file.name });
		if (!result.ok) throw new Error(`${file.name}: ${result.error}`);
		if (!result.applied) {
			const reasons = result.plan.refused.slice(0, 5).map((r) => `${r.where}${r.number ? ` (amendment ${r.number})` : ''}: ${r.reason}`);
			throw new Error(`${file.name}: ${result.plan.refused.length} amendments refused, e.g. ${reasons.join('; ')}`);
		}
		report.files += 1;
		report.documents += result.plan.documents.length;
		report.amendments += result.plan.created.length;
		report.provisions += result.plan.provisions.length;
		report.unmatchedNames += result.plan.newActors.length;
	}
	return report;
}
