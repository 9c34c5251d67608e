import { isCover, readCover, type Cover } from './cover';
import type { BodyPage } from './furniture';
import { rowText, runsText, type Row } from './layout';

/** A row of a page, with the page it is on. */
export interface PlacedRow {
	page: number;
	row: Row;
}

/** One document of the file from its cover to the next cover: ITRE's file holds two (127–381, 382–663). */
export interface DocumentPart {
	coverPage: number;
	/** Pages from the cover up to the next cover or the end. */
	pages: BodyPage[];
	cover: { cover: Cover } | { error: string };
}

/** The rows of one amendment: after its "Amendment N" heading, up to the next heading or section. */
export interface Block {
	document: number;
	number: number;
	/** Page of the heading. */
	page: number;
	rows: PlacedRow[];
}

export interface Segmented {
	documents: DocumentPart[];
	blocks: Block[];
	/** Pages with text before the first cover (a file that is no committee document has only these). */
	pagesBeforeCover: number;
}

export const AMENDMENT_HEADING = /^Amendment (\d+)$/;
export const LANGUAGE_LINE = /^Or\. ([a-z]{2})$/;
/** "EXPLANATORY STATEMENT", "PROCEDURE – COMMITTEE ASKED FOR OPINION": sections after the amendments. */
const SECTION_HEADING = /^(?=.*[A-Z]{3})[A-Z][A-Z0-9 ,.:;()’'–-]{9,}$/;
/** The heading is printed at the left margin; in a table "Amendment" heads the right column instead. */
const HEADING_MAX_X = 150;
/** Section headings are centred; a justification's lines start at the margin (71 pt). */
const SECTION_MIN_X = 100;

/**
 * Cuts the pages into documents (at covers) and amendments (at "Amendment N" headings). Once an
 * amendment's "Or. xx" line has passed, a capitals heading ends it: what follows (an explanatory statement,
 * the procedure pages of an opinion) is no amendment. Before that line, capitals are Commission text
 * ("TITLE III", "HIGH-RISK AI SYSTEMS") and stay in the block.
 */
export function segment(pages: BodyPage[]): Segmented {
	const documents: DocumentPart[] = [];
	const blocks: Block[] = [];
	let pagesBeforeCover = 0;
	let open: Block | null = null;
	/** The open amendment's "Or. xx" line has passed. */
	let closed = false;
	for (const page of pages) {
		if (isCover(page)) {
			documents.push({ coverPage: page.number, pages: [page], cover: readCover(page) });
			open = null;
			continue;
		}
		const doc = documents.length - 1;
		if (doc < 0) {
			if (page.rows.length) pagesBeforeCover++;
			continue;
		}
		documents[doc].pages.push(page);
		for (const row of page.rows) {
			const text = rowText(row);
			const heading = AMENDMENT_HEADING.exec(text);
			if (heading && row.runs[0].x < HEADING_MAX_X) {
				open = { document: doc, number: Number(heading[1]), page: page.number, rows: [] };
				blocks.push(open);
				closed = false;
			} else if (open && closed && row.runs[0].x > SECTION_MIN_X && SECTION_HEADING.test(text)) {
				open = null;
			} else if (open) {
				open.rows.push({ page: page.number, row });
				if (LANGUAGE_LINE.test(text)) closed = true;
			}
		}
	}
	return { documents, blocks, pagesBeforeCover };
}

/**
 * The words the PDF prints for one amendment, heading included, furniture and layout aside: every row as
 * printed, both columns together, no line-end hyphen joined. The quality test compares them with the
 * words of the fields the reader made, so that a word lost or doubled by the grammar shows.
 */
export function blockWords(block: Block): string[] {
	const lines = [`Amendment ${block.number}`, ...block.rows.map((r) => runsText(r.row.runs))];
	return lines
		.join(' ')
		.split(/\s+/)
		.filter((w) => w !== '');
}
