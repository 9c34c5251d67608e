import { AMENDMENT_HEADING, blockWords, segment, type DocumentPart } from './blocks';
import { leftMargins } from './columns';
import type { Cover, PdfDocumentKind } from './cover';
import { stripFurniture, type BodyPage } from './furniture';
import { readBlock, type BlockAmendment, type BlockProblem } from './grammar';
import { layoutPdf, PdfOpenError, rowText } from './layout';

export interface PdfDocumentMeta {
	/** 'CULT'; a joint committee's document 'IMCO-LIBE', in the cover's order. */
	committee: string;
	/** 'Committee on Culture and Education'; joint committees' names joined by '; '. */
	committeeName: string;
	/** ISO date printed on the cover. */
	date: string;
	/** The cover's range; a draft report prints none, so there it is the lowest and highest number read. */
	range: { first: number; last: number };
	/** The document's PE reference as printed in its footer: 'PE730.175v01-00'. */
	reference: string;
	/** 'AM\1253331EN.docx' as printed in the footer. */
	docxName: string | null;
	kind: PdfDocumentKind;
	/** '2021/0106(COD)' as printed on the cover. */
	procedure: string;
	/** The draft's rapporteurs as the cover prints them ('Ioan-Dragoş Tudorache'). */
	rapporteurs: string[];
	/** The draft opinion amended: '(PE719.637v01-00)' → 'PE719.637v01-00'. */
	draftReference: string | null;
	/** Pages of this document, cover included. */
	pages: number;
	/** Page of the file where this document's cover is (1 unless the file holds several documents). */
	firstPage: number;
}

export interface PdfAmendment extends BlockAmendment {
	/** Index in `documents` of the document the amendment is in. */
	document: number;
}

export type PdfProblem = BlockProblem;

export type PdfReadResult =
	| {
			ok: true;
			/** The first document of the file (= documents[0]). */
			meta: PdfDocumentMeta;
			/** Every document of the file, one per cover: the Parliament sometimes files two in one PDF. */
			documents: PdfDocumentMeta[];
			amendments: PdfAmendment[];
			problems: PdfProblem[];
	  }
	| { ok: false; error: string };

export interface ReadOptions {
	/** Refuse a document of any other procedure, e.g. '2021/0106(COD)'. */
	expectProcedure?: string;
}

/**
 * Reads a Parliament committee's amendments document, draft report or draft opinion (PDF) into amendments
 * with their page. File-level faults (not a PDF, damaged, encrypted, no text, not such a document, another
 * procedure) are an error naming the file; an amendment that cannot be read is a problem with its page.
 */
export async function readAmendmentPdf(
	bytes: Uint8Array,
	fileName: string,
	options: ReadOptions = {}
): Promise<PdfReadResult> {
	const opened = await readPdfPages(bytes, fileName);
	return opened.ok ? readPages(opened.pages, fileName, options) : opened;
}

/** The pages of the file with their furniture removed (the first step of readAmendmentPdf). */
export async function readPdfPages(
	bytes: Uint8Array,
	fileName: string
): Promise<{ ok: true; pages: BodyPage[] } | { ok: false; error: string }> {
	try {
		const laidOut = await layoutPdf(bytes, fileName);
		return { ok: true, pages: laidOut.map(stripFurniture) };
	} catch (error) {
		if (error instanceof PdfOpenError) return { ok: false, error: error.message };
		throw error;
	}
}

/** The second step of readAmendmentPdf: the grammar over furniture-free pages. */
export function readPages(pages: BodyPage[], fileName: string, options: ReadOptions = {}): PdfReadResult {
	if (!pages.some((p) => p.rows.length)) {
		return {
			ok: false,
			error: `${fileName} has no text on its pages (a scan?); upload the PDF the Parliament published.`
		};
	}
	const { documents: parts, blocks, pagesBeforeCover } = segment(pages);
	if (!parts.length) return { ok: false, error: notADocument(fileName, pages) };
	const margins = leftMargins(pages);
	const problems: PdfProblem[] = [];
	if (pagesBeforeCover) {
		problems.push({
			page: 1,
			reason: `${pagesBeforeCover} page(s) with text before the first cover (page ${parts[0].coverPage}) were not read`
		});
	}
	const amendments: PdfAmendment[] = [];
	const seen = new Set<string>();
	for (const block of blocks) {
		const read = readBlock(block, margins);
		problems.push(...read.problems);
		if (!read.amendment) continue;
		const key = `${block.document}:${block.number}`;
		if (seen.has(key)) {
			problems.push({
				page: block.page,
				number: block.number,
				reason: `Amendment ${block.number} is printed a second time; the first is kept`
			});
			continue;
		}
		seen.add(key);
		amendments.push({ ...read.amendment, document: block.document });
	}
	const documents: PdfDocumentMeta[] = [];
	for (const [index, part] of parts.entries()) {
		const numbers = blocks.filter((b) => b.document === index).map((b) => b.number);
		const meta = documentMeta(part, numbers, fileName);
		if (typeof meta === 'string') return { ok: false, error: meta };
		if (options.expectProcedure && meta.procedure !== options.expectProcedure) {
			return {
				ok: false,
				error: `${fileName} is a document of procedure ${meta.procedure}, not of ${options.expectProcedure}; it belongs to another dossier.`
			};
		}
		documents.push(meta);
		problems.push(...rangeProblems(meta, numbers), ...pageProblems(part));
	}
	problems.sort((a, b) => a.page - b.page || (a.number ?? 0) - (b.number ?? 0));
	return { ok: true, meta: documents[0], documents, amendments, problems };
}

/** Per amendment, the words the PDF prints for it (see blockWords): what the quality test compares. */
export function printedWords(pages: BodyPage[]): { document: number; number: number; page: number; words: string[] }[] {
	return segment(pages).blocks.map((b) => ({
		document: b.document,
		number: b.number,
		page: b.page,
		words: blockWords(b)
	}));
}

function notADocument(fileName: string, pages: BodyPage[]): string {
	const headings = pages.some((p) => p.rows.some((r) => AMENDMENT_HEADING.test(rowText(r))));
	if (headings) return `${fileName} has "Amendment N" headings but no cover page naming the committee and date.`;
	return `${fileName} is not a Parliament committee amendment document: it has no AMENDMENTS, DRAFT REPORT or DRAFT OPINION cover and no "Amendment N" headings.`;
}

function documentMeta(part: DocumentPart, numbers: number[], fileName: string): PdfDocumentMeta | string {
	const where = `${fileName} (cover on page ${part.coverPage})`;
	if ('error' in part.cover) return `${where} is not a Parliament committee amendment document: ${part.cover.error}.`;
	const cover: Cover = part.cover.cover;
	const reference = mostCommon(part.pages.map((p) => p.furniture.reference));
	if (!cover.date) return `${where}: the cover prints no date.`;
	if (!cover.procedure) return `${where}: the cover prints no procedure number.`;
	if (!reference) return `${where}: no page prints the document's PE reference in its footer.`;
	const range = cover.range ?? (numbers.length ? { first: Math.min(...numbers), last: Math.max(...numbers) } : null);
	if (!range) return `${where}: the cover prints no range of amendments and no "Amendment N" follows it.`;
	return {
		committee: cover.committee,
		committeeName: cover.committeeName,
		date: cover.date,
		range,
		reference,
		docxName: mostCommon(part.pages.map((p) => p.furniture.docxName)),
		kind: cover.kind,
		procedure: cover.procedure,
		rapporteurs: cover.rapporteurs,
		draftReference: cover.draftReference,
		pages: part.pages.length,
		firstPage: part.coverPage
	};
}

/** Every number of the cover's range is printed once; a number missing is reported, never assumed. */
function rangeProblems(meta: PdfDocumentMeta, numbers: number[]): PdfProblem[] {
	const found = new Set(numbers);
	const out: PdfProblem[] = [];
	for (let n = meta.range.first; n <= meta.range.last; n++) {
		if (!found.has(n))
			out.push({
				page: meta.firstPage,
				number: n,
				reason: `Amendment ${n} of the cover's range ${meta.range.first}–${meta.range.last} is not in the file`
			});
	}
	for (const n of found) {
		if (n < meta.range.first || n > meta.range.last) {
			out.push({
				page: meta.firstPage,
				number: n,
				reason: `Amendment ${n} is outside the cover's range ${meta.range.first}–${meta.range.last}`
			});
		}
	}
	return out;
}

/** The footer's "3/128" says how many pages the document has; fewer in the file means pages are missing. */
function pageProblems(part: DocumentPart): PdfProblem[] {
	const total = mostCommon(part.pages.map((p) => p.furniture.pageOf?.total ?? null));
	if (total === null || total === part.pages.length) return [];
	return [
		{
			page: part.coverPage,
			reason: `the footers number ${total} pages but the file has ${part.pages.length} for this document`
		}
	];
}

function mostCommon<T>(values: (T | null)[]): T | null {
	const count = new Map<T, number>();
	for (const v of values) if (v !== null) count.set(v, (count.get(v) ?? 0) + 1);
	let best: T | null = null;
	for (const [v, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = v;
	return best;
}
