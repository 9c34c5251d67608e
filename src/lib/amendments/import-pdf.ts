import type { ImportRow, ParsedImportFile, Refusal, TablingDocument } from './import-file';
import { readAmendmentPdf, type PdfAmendment, type PdfDocumentMeta } from './pdf/read';

/** The procedure whose documents a dossier takes; a document of another is refused. */
export interface PdfImportOptions {
	procedure?: string;
}

/**
 * Reads a Parliament committee amendment document (PDF) into import rows: one per amendment, filed under
 * the committee as its tabling context, status tabled on the document's date, the PDF's reference and page
 * as its source. In a draft report or draft opinion the rapporteurs named on the cover are the authors.
 */
export async function parseAmendmentPdf(
	bytes: Uint8Array,
	fileName: string,
	options: PdfImportOptions = {}
): Promise<ParsedImportFile> {
	const read = await readAmendmentPdf(bytes, fileName, { expectProcedure: options.procedure });
	if (!read.ok) return read;
	const { meta } = read;
	const refused: Refusal[] = read.problems.map((p) => ({
		line: p.page,
		where: `page ${p.page}`,
		number: p.number === undefined ? undefined : String(p.number),
		reason: p.reason
	}));
	const rows = read.amendments.map((a) => row(a, read.documents[a.document] ?? meta, a.document));
	return { ok: true, format: 'pdf', rows, refused, tablings: read.documents.map((d) => tablingOf(d, fileName)) };
}

/** One document of the file as a tabling context of its own. */
function tablingOf(meta: PdfDocumentMeta, fileName: string): TablingDocument {
	return {
		key: `ep-${meta.committee.toLowerCase()}-${meta.reference.toLowerCase()}`,
		title: `${meta.committeeName}: ${kindLabel(meta)} ${meta.range.first}–${meta.range.last}`,
		shortTitle: `${meta.committee} ${meta.range.first}–${meta.range.last}`,
		officialReference: meta.reference,
		date: meta.date,
		committee: meta.committee,
		committeeName: meta.committeeName,
		provenance: {
			file: fileName,
			kind: meta.kind,
			range: meta.range,
			pages: meta.pages,
			firstPage: meta.firstPage,
			procedure: meta.procedure,
			docxName: meta.docxName,
			draftReference: meta.draftReference,
			rapporteurs: meta.rapporteurs
		}
	};
}

function kindLabel(meta: PdfDocumentMeta): string {
	if (meta.kind === 'draft_report') return 'draft report, amendments';
	if (meta.kind === 'draft_opinion') return 'draft opinion, amendments';
	return 'amendments';
}

function row(a: PdfAmendment, meta: PdfDocumentMeta, tabling: number): ImportRow {
	const drafted = meta.kind !== 'amendments';
	return {
		line: a.page,
		where: `page ${a.page}`,
		tabling,
		given: {
			tablingContext: meta.committee,
			number: String(a.number),
			target: a.target,
			tabledOn: meta.date,
			status: 'tabled',
			authors: drafted ? meta.rapporteurs : a.authors,
			baseText: a.commissionText,
			proposedText: a.amendmentText,
			deletesProvision: a.deleted,
			newProvision: a.newProvision,
			justification: a.note ? [a.justification, a.note].filter(Boolean).join('\n') : a.justification,
			sources: [
				{
					title: `${meta.committeeName}, ${kindLabel(meta)} ${meta.range.first}–${meta.range.last} (${meta.reference})`,
					kind: 'pdf',
					locator: `Amendment ${a.number}, page ${a.page}`,
					published: meta.date,
					note: `Original language: ${a.language}`
				}
			]
		}
	};
}
