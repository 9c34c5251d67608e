/**
 * pdfjs → positioned rows of text. Everything the amendment grammar needs from the PDF is where each run
 * of text sits (x, baseline, font size); fonts are ignored, because bold italics only mark changes.
 */

import { extractPdfText, PdfjsError, type PdfPageText } from './pdfjs-thread';

/** One pdfjs text item, in PDF points (origin bottom left). */
export interface Run {
	text: string;
	x: number;
	right: number;
	size: number;
	/** A footnote marker raised above the baseline of the row it belongs to. */
	sup: boolean;
}

/** Runs sharing a baseline, left to right. A row of a two-column table holds both columns' runs. */
export interface Row {
	y: number;
	runs: Run[];
}

export interface LaidOutPage {
	/** 1-based. */
	number: number;
	width: number;
	/** Top to bottom. */
	rows: Row[];
}

/** A file pdfjs could not give us text for, in words the person who uploaded it can act on. */
export class PdfOpenError extends Error {}

/** Smaller than this share of the body size, a run on a raised baseline is a superscript. */
const SUP_RATIO = 0.85;
/** A superscript sits at most this many points above the baseline it belongs to (8 pt on 12 pt: 3.7). */
const SUP_RISE = 6;

/**
 * Lays out every page of the PDF. pdfjs reads the file in a worker thread (pdfjs-thread.ts); only the text
 * items and their positions come back.
 */
export async function layoutPdf(bytes: Uint8Array, fileName: string): Promise<LaidOutPage[]> {
	if (!hasPdfHeader(bytes)) {
		throw new PdfOpenError(`${fileName} is not a PDF file (it does not start with "%PDF-").`);
	}
	let pages: PdfPageText[];
	try {
		pages = await extractPdfText(bytes);
	} catch (error) {
		if (!(error instanceof PdfjsError)) throw error;
		if (error.pdfjsName === 'WorkerError')
			throw new PdfOpenError(`${fileName} could not be read: ${error.message}; nothing was imported, try again.`);
		const described = Object.assign(new Error(error.message), { name: error.pdfjsName });
		throw new PdfOpenError(
			error.stage === 'open'
				? describeOpenError(described, fileName)
				: `${fileName} is damaged: ${messageOf(described)}.`
		);
	}
	return pages.map((page) => ({
		number: page.number,
		width: page.width,
		rows: toRows(page.items.map(({ text, x, y, width, size }) => ({ text, x, right: x + width, y, size, sup: false })))
	}));
}

/** PDF readers accept the header anywhere in the first kilobyte (ISO 32000-1, annex H); so do we. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
	return head.includes('%PDF-');
}

/** Maps what pdfjs throws while opening a file to a message naming the file and what is wrong with it. */
export function describeOpenError(error: unknown, fileName: string): string {
	const name = error instanceof Error || (error && typeof error === 'object') ? (error as { name?: string }).name : '';
	if (name === 'PasswordException') {
		return `${fileName} is encrypted (password-protected); save an unprotected copy and upload that.`;
	}
	if (name === 'InvalidPDFException') {
		return `${fileName} is damaged: ${messageOf(error)} (the file may be incomplete; upload it again).`;
	}
	return `${fileName} is damaged or not a readable PDF: ${messageOf(error)}.`;
}

function messageOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/\.$/, '') || 'unknown error';
}

/** Groups runs by baseline; superscript footnote markers join the row whose baseline is just below them. */
export function toRows(runs: (Run & { y: number })[]): Row[] {
	const body = bodySize(runs);
	const normal = runs.filter((r) => r.size >= body * SUP_RATIO).sort((p, q) => q.y - p.y || p.x - q.x);
	const rows: Row[] = [];
	for (const r of normal) {
		const last = rows[rows.length - 1];
		if (last && Math.abs(last.y - r.y) < 1.5) last.runs.push(strip(r));
		else rows.push({ y: r.y, runs: [strip(r)] });
	}
	for (const r of runs) {
		if (r.size >= body * SUP_RATIO) continue;
		let host: Row | null = null;
		for (const row of rows) {
			const rise = r.y - row.y;
			if (rise > 0.5 && rise < SUP_RISE && (!host || row.y > host.y)) host = row;
		}
		if (host) host.runs.push({ ...strip(r), sup: true });
		else insertRow(rows, { y: r.y, runs: [strip(r)] });
	}
	for (const row of rows) row.runs.sort((p, q) => p.x - q.x);
	return rows;
}

/** The size most of the page's characters are set in (a cover's 24 pt title is not the body). */
function bodySize(runs: readonly Run[]): number {
	const chars = new Map<number, number>();
	for (const r of runs) chars.set(Math.round(r.size), (chars.get(Math.round(r.size)) ?? 0) + r.text.length);
	let best = 0;
	for (const [size, n] of chars) if (n > (chars.get(best) ?? 0)) best = size;
	return best;
}

function strip(r: Run & { y: number }): Run {
	return { text: r.text, x: r.x, right: r.right, size: r.size, sup: r.sup };
}

function insertRow(rows: Row[], row: Row): void {
	const same = rows.find((r) => Math.abs(r.y - row.y) < 1.5);
	if (same) same.runs.push(...row.runs);
	else {
		const at = rows.findIndex((r) => r.y < row.y);
		rows.splice(at < 0 ? rows.length : at, 0, row);
	}
}

/**
 * The text of some of a row's runs. Spaces come from the gaps between runs, not from pdfjs's space items,
 * so that a tab after a label ("(1)    The purpose") is one space and "environment" + ". This" none.
 * Footnote markers are written `[^33]`, as the seeded texts write them, and a footnote's own text, which
 * starts with its marker, `[^33]: …` as in Markdown.
 */
export function runsText(runs: readonly Run[]): string {
	let out = '';
	let prev: Run | null = null;
	for (const r of runs) {
		const text = r.sup ? `[^${r.text.trim()}]${prev ? '' : ':'}` : r.text;
		const gap = prev ? r.x - prev.right : 0;
		// Word sometimes sets a marker flush against the next word ("2002/584/JHA⁶²and"); the proposal has a space.
		const afterMarker = prev?.sup === true && /^[\p{L}\d]/u.test(text);
		if (prev && (gap > Math.min(prev.size, r.size) * 0.15 || afterMarker) && !/\s$/.test(out) && !/^\s/.test(text))
			out += ' ';
		out += text;
		prev = r;
	}
	return out.replace(/\s+/g, ' ').trim();
}

export function rowText(row: Row): string {
	return runsText(row.runs);
}
