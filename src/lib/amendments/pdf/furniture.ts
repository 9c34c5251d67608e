import type { LaidOutPage, Row, Run } from './layout';

/**
 * Page furniture of the Parliament's documents: the footer (Word file name, PE reference, "3/128", the
 * language code twice and the motto) and the template name Word prints at the top of page 2. It is no part
 * of any amendment, but the footer is where the document names itself, so it is read before it is removed.
 */
export interface PageFurniture {
	/** 'AM\1253331EN.docx' as printed. */
	docxName: string | null;
	/** 'PE730.175v01-00'. */
	reference: string | null;
	/** '3/128': page 3 of a document of 128 pages (a file may hold several documents). */
	pageOf: { page: number; total: number } | null;
	/** Where the footer line starts: the page's left margin, whatever the page holds above it. */
	margin: number | null;
}

export interface BodyPage {
	number: number;
	width: number;
	/** Rows without furniture, top to bottom. */
	rows: Row[];
	furniture: PageFurniture;
}

export const DOCX_NAME = /^[A-Z]{2}\\\d+[A-Z]{2}\.docx$/;
export const PE_REFERENCE = /^PE\d{3}\.\d{3}v\d{2}-\d{2}$/;
const PAGE_OF = /^(\d+)\/(\d+)$/;
const LANGUAGE_CODE = /^[A-Z]{2}$/;
const MOTTO = 'United in diversity';
/** Word's template name ('AM_Com_LegOpinion', 'PR_COD_1amCom'), printed alone at the top of a page. */
const TEMPLATE_NAME = /^[A-Z]{2}_[A-Za-z0-9]+(_[A-Za-z0-9]+)*$/;
/** The footer lines sit at 70 pt and 33 pt; the lowest body line at about 98 pt. */
const FOOTER_TOP = 88;

/**
 * Patterns that must never appear in a text field once furniture is removed; the quality test uses them.
 * "EN" alone and "Or. en" are only furniture when they are a whole line, so they are anchored.
 */
export const FURNITURE_IN_TEXT: readonly RegExp[] = [
	/[A-Z]{2}\\\d+[A-Z]{2}\.docx/,
	/\bPR\\/,
	/PE\d{3}\.\d{3}v\d\d-\d\d/,
	/^\d+\/\d+$/m,
	/^EN$/m,
	/^Or\. [a-z]{2}$/m,
	/United in diversity/
];

export function stripFurniture(page: LaidOutPage): BodyPage {
	const furniture: PageFurniture = { docxName: null, reference: null, pageOf: null, margin: null };
	const rows: Row[] = [];
	for (const [i, row] of page.rows.entries()) {
		if (i === 0 && row.runs.length === 1 && TEMPLATE_NAME.test(row.runs[0].text.trim())) continue;
		if (row.y >= FOOTER_TOP) {
			rows.push(row);
			continue;
		}
		const kept: Run[] = [];
		for (const run of row.runs) {
			const kind = takeFooterRun(run.text.trim(), furniture);
			if (!kind) kept.push(run);
			else if (kind === 'line') furniture.margin = Math.min(furniture.margin ?? Infinity, run.x);
		}
		if (kept.length) rows.push({ y: row.y, runs: kept });
	}
	return { number: page.number, width: page.width, rows, furniture };
}

/**
 * Records a footer run in `furniture` and says what it was: 'line' for the file name, reference and page
 * number (the footer line that spans the type area), 'mark' for the language codes and motto in the outer
 * margin, null for text that is no furniture.
 */
function takeFooterRun(text: string, furniture: PageFurniture): 'line' | 'mark' | null {
	if (DOCX_NAME.test(text)) furniture.docxName = text;
	else if (PE_REFERENCE.test(text)) furniture.reference = text;
	else if (PAGE_OF.test(text)) {
		const [, page, total] = PAGE_OF.exec(text) as RegExpExecArray;
		furniture.pageOf = { page: Number(page), total: Number(total) };
	} else return LANGUAGE_CODE.test(text) || text === MOTTO ? 'mark' : null;
	return 'line';
}
