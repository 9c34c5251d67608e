import type { DbConnection } from '../db';
import { importTextDocument } from '../texts/import';
import { readSeedDocuments } from './documents';

export interface CouncilTextsReport {
	documents: number;
	/** Documents new to the dossier (the general approach's Word file meets the one already seeded). */
	created: number;
	versions: number;
	/** Versions of the general approach (seeded from the Council's PDF) that its Word file words differently. */
	updated: number;
	provisions: number;
}

/**
 * Imports the Council presidencies' compromise texts (Word) through the editors' importer, oldest first so
 * each finds the text it revises. The general approach's Word file meets the general approach the seed read
 * from the Council's PDF, and adds the document's change marks to it.
 */
export async function seedCouncilTexts(tx: DbConnection, dossierId: number, procedure: string): Promise<CouncilTextsReport> {
	const report: CouncilTextsReport = { documents: 0, created: 0, versions: 0, updated: 0, provisions: 0 };
	for (const file of await readSeedDocuments('council-compromise-texts')) {
		const result = await importTextDocument(tx, dossierId, file.bytes, { dryRun: false, userId: null, fileName: file.name, procedure });
		if (!result.ok) throw new Error(`${file.name}: ${result.error}`);
		report.documents += 1;
		if (result.plan.document.id === null) report.created += 1;
		report.versions += result.plan.versions.created;
		report.updated += result.plan.versions.updated.length;
		report.provisions += result.plan.provisions.length;
	}
	return report;
}
