/**
 * One block as a line of our text files: this version's words (struck-through runs left out), the label Word
 * prints from numbering in front, footnote references as `[^N]`, and the words the document marks as added
 * (bold), deleted (struck through) and changed since the previous compromise (underlined).
 */
import type { Block, Layout } from './layout';
import type { DocxMark } from './read';
import { collapse, collectMarks, joinHyphenated, versionText, type Segment } from './marks';

export interface RenderedLine {
	/** This version's line, label included: "(a) the placing on the market …". */
	text: string;
	/** Everything printed, struck text included, without the numbering label: for recognising structure. */
	printed: string;
	/** The label from list numbering, or null when the label (if any) is typed. */
	numberLabel: string | null;
	/** Marked word runs in reading order; typed labels and numbering labels are never marks. */
	marks: DocxMark[];
	/**
	 * The line as printed, struck text included, in runs with their marks (a typed label unmarked): where each
	 * mark stands, so that marks can be compared with a diff word by word rather than as bags of words.
	 */
	segments: Segment[];
	italic: boolean;
	/** Every letter is bold (by style or directly): a heading, or a wholly added paragraph. */
	bold: boolean;
}

/** Labels typed as characters: "(5a)", "(-a)", "2aa.", "-1c", "a)", "3.1.", "—". */
export const TYPED_LABEL =
	/^(\(-?\d+[a-z]{0,3}\)|\(-?[a-z]{1,4}\)|-?\d+[a-z]{0,3}\.|-\d+[a-z]+|[a-z]\)|\d+(?:\.\d+)+\.?|[—–-])(?=\s|$)/;

export function renderBlock(block: Block, layout: Layout): RenderedLine {
	const segments: Segment[] = [];
	let letters = 0;
	let italicLetters = 0;
	let boldLetters = 0;
	for (const r of block.runs) {
		const marker = r.footnoteId
			? layout.markerOfId.get(r.footnoteId)
			: r.superscript
				? footnoteMarker(r.text, layout)
				: undefined;
		if (marker !== undefined) {
			if (!r.strike) segments.push({ text: `[^${marker}]`, deleted: false, added: false, changed: false, note: true });
			continue;
		}
		const n = (r.text.match(/\p{L}/gu) ?? []).length;
		letters += n;
		if (r.italic) italicLetters += n;
		if (r.bold) boldLetters += n;
		segments.push({
			text: r.text.replace(/[\t\u00a0]/g, ' '),
			deleted: r.strike,
			// Bold in a heading style is the style's; bold set on the run in body text is the Council's addition.
			added: r.boldDirect && !r.strike && !block.heading,
			changed: r.underline,
			note: false
		});
	}
	const printed = collapse(segments.map((s) => s.text).join(''));
	const typed = block.label ? null : TYPED_LABEL.exec(printed.replace(/^\s+/, ''));
	const skip = typed ? leadingChars(segments, typed[0].length) : 0;
	const marks = collectMarks(segments, skip);
	const body = joinHyphenated(collapse(versionText(segments, (s) => s.deleted)));
	const text = block.label ? (body ? `${block.label} ${body}` : '') : body;
	return {
		text,
		printed,
		numberLabel: block.label,
		marks,
		segments: unmarkLeading(segments, skip),
		italic: letters > 0 && italicLetters / letters > 0.6,
		bold: letters > 0 && boldLetters === letters
	};
}

/** A superscript run that is a footnote reference: its digits name a footnote of the document. */
function footnoteMarker(text: string, layout: Layout): string | undefined {
	const t = text.trim();
	return /^\d{1,3}$/.test(t) && layout.footnotes.has(t) ? t : undefined;
}

/** Raw characters (leading spaces included) up to the end of a typed label of `n` characters (no spaces). */
function leadingChars(segments: Segment[], n: number): number {
	const raw = segments.map((s) => s.text).join('');
	return raw.length - raw.replace(/^\s+/, '').length + n;
}

/** The segments with the first `n` characters (a typed label) split off and unmarked. */
function unmarkLeading(segments: Segment[], n: number): Segment[] {
	const out: Segment[] = [];
	let left = n;
	for (const s of segments) {
		if (left <= 0 || s.note) {
			out.push(s);
			continue;
		}
		const head = s.text.slice(0, left);
		left -= s.text.length;
		out.push({ ...s, text: head, added: false, changed: false });
		if (left < 0) out.push({ ...s, text: s.text.slice(head.length) });
	}
	return out;
}
