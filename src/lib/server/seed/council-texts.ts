import type { DbConnection } from '../db';
import { importReadText, type ReadText } from '../texts/import';
import { lastThreadReads, readCouncilTextsInThread } from '../texts/read-thread';
import { readSeedDocuments } from './documents';

export interface CouncilTextsReport {
	documents: number;
	/** Documents new to the dossier (the general approach's Word file meets the one already seeded). */
	created: number;
	versions: number;
	/** Versions of the general approach (seeded from the Council's PDF) that its Word file words differently. */
	updated: number;
	provisions: number;
	/** Files read in the worker thread (the others were read on the main thread). */
	readInThread: number;
}

/** The Council texts as read, oldest first, or why they could not be found. */
export type CouncilReads =
	{ ok: true; files: { name: string; read: ReadText }[]; readInThread: number } | { ok: false; error: string };

/**
 * Reads the Council compromise texts (Word) in a worker thread (on the second core, beside PGlite making
 * its folder), or where that cannot be, here, one file per turn of the event loop. Never rejects, so a
 * promise nobody awaits yet cannot crash the process.
 */
export async function readCouncilDocuments(procedure: string): Promise<CouncilReads> {
	try {
		const documents = await readSeedDocuments('council-compromise-texts');
		const reads = await readCouncilTextsInThread(
			documents.map((file) => ({ bytes: file.bytes, options: { fileName: file.name, procedure } }))
		);
		return {
			ok: true,
			files: documents.map((file, i) => ({ name: file.name, read: reads[i] })),
			readInThread: lastThreadReads.inThread
		};
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/**
 * Imports the Council presidencies' compromise texts (Word) through the editors' importer, oldest first so
 * each finds the text it revises. The general approach's Word file meets the general approach the seed read
 * from the Council's PDF, and adds the document's change marks to it.
 */
export async function seedCouncilTexts(
	tx: DbConnection,
	dossierId: number,
	reading: Promise<CouncilReads>,
	procedure: string
): Promise<CouncilTextsReport> {
	const reads = await reading;
	if (!reads.ok) throw new Error(`The Council compromise texts could not be read: ${reads.error}`);
	const report: CouncilTextsReport = {
		documents: 0,
		created: 0,
		versions: 0,
		updated: 0,
		provisions: 0,
		readInThread: reads.readInThread
	};
	for (const { name, read } of reads.files) {
		if (!read.ok) throw new Error(`${name}: ${read.error}`);
		const result = await importReadText(tx, dossierId, read, {
			dryRun: false,
			userId: null,
			fileName: name,
			procedure
		});
		if (!result.ok) throw new Error(`${name}: ${result.error}`);
		report.documents += 1;
		if (result.plan.document.id === null) report.created += 1;
		report.versions += result.plan.versions.created;
		report.updated += result.plan.versions.updated.length;
		report.provisions += result.plan.provisions.length;
	}
	return report;
}
