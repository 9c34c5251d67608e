import type { BodyPage } from './furniture';
import { runsText, type Run } from './layout';

/** One printed line of a column (or of a full-width paragraph such as a justification). */
export interface ColumnLine {
	page: number;
	y: number;
	x: number;
	size: number;
	text: string;
}

/** Line pitch is 1.15 × the font size and a paragraph adds 6 pt: 13.8 pt and 19.8 pt at 12 pt. */
const PARAGRAPH_GAP = 1.375;
/** "(a)", "(37b)", "(h a)", "1.", "2a.", "–", or a footnote's own text "[^33]: …". */
const LABEL = /^(\((?:[a-z]{1,4}(?: [a-z]{1,2})?|\d+ ?[a-z]{0,2})\)|\d+[a-z]{0,2}\.(?=\s)|[–—-](?=\s)|\[\^\w+\]:)/;

export function lineOf(page: number, y: number, runs: readonly Run[]): ColumnLine {
	return { page, y, x: runs[0].x, size: runs[0].size, text: runsText(runs) };
}

/**
 * Joins a column's lines into paragraphs separated by '\n'. On one page a paragraph break is a wider
 * line gap. At a page break nothing in the layout tells, so a new paragraph starts only where the line
 * starts with a label; a wrapped sentence is far more common than a paragraph that ends at the foot.
 */
export function paragraphs(lines: readonly ColumnLine[]): string {
	const out: string[] = [];
	let prev: ColumnLine | null = null;
	for (const line of lines) {
		const fresh =
			!prev ||
			/^_{3,}$/.test(line.text) ||
			/^_{3,}$/.test(prev.text) ||
			(line.page === prev.page ? prev.y - line.y > line.size * PARAGRAPH_GAP : LABEL.test(line.text));
		if (fresh) out.push(line.text);
		else out[out.length - 1] = joinLines(out[out.length - 1], line.text);
		prev = line;
	}
	return out.join('\n');
}

/**
 * Joins two printed lines of one paragraph. These documents are not hyphenated by Word: a line that ends
 * in a hyphen ends in a real one ("AI-" + "based", "non-" + "discrimination", and the proposal prints both
 * joined, as it does "‘near-" + "‘live’"), so the hyphen stays and no space is added. A dash ("–") is a
 * word of its own.
 */
export function joinLines(a: string, b: string): string {
	if (/\p{L}-$/u.test(a) && !/^[–—-]/.test(b)) return a + b;
	return `${a} ${b}`;
}

/**
 * The left margin of each page, from its footer line. Even and odd pages may be offset from each other,
 * so a table continued from one page to the next is split at the header's boundary shifted by the
 * difference of the two pages' margins. The footer is used because the text above it says nothing when a
 * right column runs on alone or the left column is indented throughout.
 */
export function leftMargins(pages: readonly BodyPage[]): Map<number, number> {
	const margins = new Map<number, number>();
	for (const page of pages) if (page.furniture.margin !== null) margins.set(page.number, page.furniture.margin);
	return margins;
}

/** Splits a table row's runs at the column boundary. */
export function splitColumns(runs: readonly Run[], boundary: number): [Run[], Run[]] {
	const left: Run[] = [];
	const right: Run[] = [];
	for (const r of runs) (r.x < boundary ? left : right).push(r);
	return [left, right];
}
