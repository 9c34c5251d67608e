/**
 * Undoes what a PDF-to-Word conversion does to a text, so that one block is one paragraph of the act again.
 * The Council files we receive are such conversions: every page is a section, footnotes are ordinary small
 * paragraphs under a drawn separator line at the bottom of the page, and a paragraph that runs over a page
 * (or a line the converter could not attach) arrives as two paragraphs. Real Word footnotes are read too.
 */
import { plainRun, type DocxDocument, type DocxParagraph, type DocxRun } from './document';

/** One paragraph of the text as printed: paragraphs of the file joined where the converter split them. */
export interface Block {
	/** Index of the first paragraph of the file it comes from. */
	index: number;
	runs: DocxRun[];
	label: string | null;
	labelFormat: string | null;
	heading: boolean;
	tableRow: boolean;
}

export interface Layout {
	blocks: Block[];
	/** Footnote text by the marker printed in the text ('27'). */
	footnotes: Map<string, string>;
	/** Marker of each real Word footnote reference, by footnote id. */
	markerOfId: Map<string, string>;
}

/** Body text is 12 pt (24 half-points) in these files, footnotes 10 pt. */
const FOOTNOTE_MAX_SIZE = 21;

const ARTICLE_HEADING = /^\s*Article\s+\d+[a-z]*\b/;

export function layoutDocument(doc: DocxDocument): Layout {
	const blocks: Block[] = [];
	const footnotes = new Map<string, string>();
	const markerOfId = assignWordFootnotes(doc, footnotes);
	let note: { marker: string; parts: string[] } | null = null;
	const closeNote = () => {
		if (note) footnotes.set(note.marker, tidy(note.parts.join(' ')));
		note = null;
	};

	let afterSeparator = false; // a drawn line on this page: footnotes may follow
	let inNotes = false;
	let pageCrossed = false;
	let gap = false; // an empty paragraph since the last block
	let last: Block | null = null;
	let pendingRule: number | null = null;
	// Multi-column sections: the converter sometimes puts an article heading in the second column next to the
	// first line of the article in the first; in print the heading comes first. (A TITLE in the second column
	// beside "HAVE ADOPTED THIS REGULATION:" is already in reading order.)
	let sectionStart = 0;
	let afterColumnBreak = false;
	let insertAt: number | null = null;
	const place = (b: Block) => {
		if (insertAt === null) blocks.push(b);
		else blocks.splice(insertAt++, 0, b);
	};
	const emitRule = () => {
		const text = '_'.repeat(Math.max(3, Math.round(pendingRule! / 6)));
		last = { index: -1, runs: [plainRun(text)], label: null, labelFormat: null, heading: false, tableRow: false };
		place(last);
		pendingRule = null;
		afterSeparator = false;
		gap = true;
	};

	for (const p of doc.paragraphs) {
		if (p.pageStart) {
			pageCrossed = true;
			afterSeparator = inNotes = false;
		}
		// Struck text is still printed: a wholly struck paragraph is a deletion, not an empty line.
		const text = p.runs.map((r) => r.text).join('');
		if (p.columnBreak) afterColumnBreak = true;
		if (afterColumnBreak && text.trim()) {
			afterColumnBreak = false;
			if (ARTICLE_HEADING.test(text) && blocks.length > sectionStart) insertAt = sectionStart;
		}
		if (p.shape) {
			if (pendingRule !== null) emitRule();
			afterSeparator = true;
			pendingRule = p.rule;
		}
		if (!text.trim()) {
			if (!p.shape && !inNotes && !afterSeparator) gap = true;
			if (p.sectionEnd) endPage();
			continue;
		}
		const start = footnoteStart(p);
		// A drawn line not followed by footnotes was a printed rule of underscores ("__________" before the
		// "* Regulation (EU) YYY/XX" note of an amending article); the PDF font prints an underscore 6 pt wide.
		if (pendingRule !== null && !(start && small(p))) emitRule();
		pendingRule = null;
		if (start && (afterSeparator || inNotes || small(p))) {
			closeNote();
			note = { marker: start.marker, parts: [start.text] };
			inNotes = true;
		} else if ((inNotes || afterSeparator) && note && small(p) && !p.label) {
			note.parts.push(plainText(p.runs)); // a footnote's next line, or its continuation on the next page
			inNotes = true;
		} else {
			if (inNotes) closeNote();
			inNotes = afterSeparator = false;
			if (last && continues(last, p, text, gap, pageCrossed)) {
				last.runs.push(plainRun(' '), ...p.runs);
			} else {
				last = {
					index: p.index,
					runs: [...p.runs],
					label: p.label,
					labelFormat: p.labelFormat,
					heading: p.heading,
					tableRow: p.tableRow
				};
				place(last);
			}
			gap = p.heading;
			pageCrossed = false;
		}
		if (p.sectionEnd) endPage();
	}
	closeNote();
	if (pendingRule !== null) emitRule();
	return { blocks, footnotes, markerOfId };

	function endPage() {
		pageCrossed = true;
		afterSeparator = inNotes = false;
		if (insertAt !== null) last = blocks[blocks.length - 1] ?? null;
		insertAt = null;
		sectionStart = blocks.length;
	}
}

/** Whether paragraph `p` carries on the printed paragraph `last` rather than starting one. */
function continues(last: Block, p: DocxParagraph, text: string, gap: boolean, pageCrossed: boolean): boolean {
	if (p.label || p.heading || p.tableRow || last.heading || last.tableRow) return false;
	if (ARTICLE_HEADING.test(text)) return false;
	// A sentence carries on in lower case, or with punctuation: "(2), (3) and (4) of this Regulation …".
	// Line spacing does not tell (the converter gives a wrapped line and a new subparagraph the same spacing),
	// so an upper-case start is a new paragraph. Empty paragraphs at the foot of a page are no paragraph break.
	if (gap && !pageCrossed) return false;
	// A struck word at the start ("~~62~~ and interrupt …") is the Commission's: what this version prints
	// carries on in lower case all the same. A number followed by a lower-case word ("35 of Regulation …") is a
	// reference broken over a line, not a typed label ("2.", "(3)").
	const visible = plainText(p.runs);
	return [text, visible].some((t) =>
		/^\s*(\p{Ll}|[,;.:)\]]|\(\w{1,4}\)[,;]|\d+(?:[.,/][\p{L}\p{N}]+)*\s+\p{Ll})/u.test(t)
	);
}

/** "27\tDirective 2013/36/EU …": a superscript number opening a small paragraph. */
function footnoteStart(p: DocxParagraph): { marker: string; text: string } | null {
	const runs = p.runs.filter((r) => r.text !== '' || r.footnoteId);
	let k = 0;
	while (k < runs.length && !runs[k].text.trim()) k++;
	const first = runs[k];
	if (!first || !first.superscript || !/^\s*\d{1,3}\s*$/.test(first.text)) return null;
	let marker = first.text.trim();
	// A marker split over two superscript runs ("2", "7").
	while (runs[k + 1]?.superscript && /^\d+$/.test(runs[k + 1].text.trim())) marker += runs[++k].text.trim();
	return { marker, text: plainText(runs.slice(k + 1)) };
}

function small(p: DocxParagraph): boolean {
	const sized = p.runs.filter((r) => r.text.trim() && r.size !== null);
	return sized.length > 0 && sized.every((r) => r.size! <= FOOTNOTE_MAX_SIZE);
}

/** This version's text of runs: struck-through runs are not part of it. */
function plainText(runs: DocxRun[]): string {
	return runs
		.filter((r) => !r.strike)
		.map((r) => r.text)
		.join('');
}

function tidy(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/** Word numbers real footnotes 1, 2, 3 … in reference order; custom marks are not used in these texts. */
function assignWordFootnotes(doc: DocxDocument, footnotes: Map<string, string>): Map<string, string> {
	const markerOfId = new Map<string, string>();
	let n = 0;
	for (const p of doc.paragraphs) {
		for (const r of p.runs) {
			if (!r.footnoteId || markerOfId.has(r.footnoteId)) continue;
			const marker = String(++n);
			markerOfId.set(r.footnoteId, marker);
			footnotes.set(marker, doc.footnotes.get(r.footnoteId) ?? '');
		}
	}
	return markerOfId;
}
