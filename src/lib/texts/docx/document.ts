/**
 * The Word document as a flat list of paragraphs with formatted runs: what the reader needs of WordprocessingML
 * and nothing else. Labels that Word prints from list numbering are computed here (in document order, as Word
 * counts them); footnotes stored as Word footnotes are collected from word/footnotes.xml.
 */
import { attr, child, childrenOf, rootOf, tagOf, textOf, type DocxParts, type XmlNode } from './package';
import { mergeProps, readRunProps, readStyles, type RunProps, type StyleSheet } from './styles';
import { readNumbering, type Numbering } from './numbering';

export interface DocxRun {
	text: string;
	bold: boolean;
	/** Bold set on the run itself (or its character style), not inherited from the paragraph style. */
	boldDirect: boolean;
	italic: boolean;
	strike: boolean;
	underline: boolean;
	superscript: boolean;
	/** Half-points. */
	size: number | null;
	/** A w:footnoteReference: the id in word/footnotes.xml. */
	footnoteId?: string;
}

export interface DocxParagraph {
	/** 0-based position among the document's paragraphs, for messages. */
	index: number;
	runs: DocxRun[];
	styleId: string | null;
	/** Paragraph in a heading/title style. */
	heading: boolean;
	/** The label Word prints from list numbering ("1.", "(a)"), or null. */
	label: string | null;
	/** The number format of that label ('decimal', 'lowerLetter' …). */
	labelFormat: string | null;
	/** Word rendered a page break at the start of this paragraph (w:lastRenderedPageBreak, w:br page). */
	pageStart: boolean;
	/** The paragraph closes a section (w:sectPr in its properties): in PDF conversions, a page ends here. */
	sectionEnd: boolean;
	/** Holds a drawn shape or picture and no text: in PDF conversions, the footnote separator line. */
	shape: boolean;
	/** A table row rendered as one paragraph, its cells joined by ' | '. */
	tableRow: boolean;
	/** Space before the paragraph (twips): PDF conversions keep a wrapped line's paragraph at ~0. */
	spaceBefore: number;
	/** Width in points of a horizontal rule drawn in the paragraph (a converted "__________"), or null. */
	rule: number | null;
	/** Holds a column break: what follows sits in the next column of a multi-column section. */
	columnBreak: boolean;
	/** Pictures the size of a line of text: the converter rendered some words as an image. */
	textPictures: number;
}

export interface DocxDocument {
	paragraphs: DocxParagraph[];
	/** Word footnotes by id (from word/footnotes.xml), their text flattened. */
	footnotes: Map<string, string>;
}

interface Context {
	styles: StyleSheet;
	numbering: Numbering;
	out: DocxParagraph[];
}

export function readDocument(parts: DocxParts): DocxDocument {
	const ctx: Context = { styles: readStyles(parts.styles), numbering: readNumbering(parts.numbering), out: [] };
	const body = child(rootOf(parts.document, 'w:document'), 'w:body');
	if (body) walkBlocks(childrenOf(body), ctx);
	return { paragraphs: ctx.out, footnotes: readFootnotes(parts, ctx) };
}

/** Body-level content: paragraphs, tables, content controls. */
function walkBlocks(nodes: XmlNode[], ctx: Context): void {
	for (const n of nodes) {
		const tag = tagOf(n);
		if (tag === 'w:p') readParagraph(n, ctx);
		else if (tag === 'w:tbl') readTable(n, ctx);
		else if (tag === 'w:sdt') walkBlocks(child(n, 'w:sdtContent')?.children ?? [], ctx);
		else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:moveTo') walkBlocks(childrenOf(n), ctx);
	}
}

function readTable(tbl: XmlNode, ctx: Context): void {
	for (const tr of childrenOf(tbl).filter((c) => tagOf(c) === 'w:tr')) {
		const cells: DocxRun[][] = [];
		for (const tc of childrenOf(tr).filter((c) => tagOf(c) === 'w:tc')) {
			const inner: Context = { ...ctx, out: [] };
			walkBlocks(childrenOf(tc), inner);
			const runs: DocxRun[] = [];
			for (const p of inner.out) {
				if (runs.length) runs.push(plainRun(' '));
				runs.push(...p.runs);
			}
			cells.push(runs);
		}
		const runs: DocxRun[] = [];
		cells.forEach((c, i) => {
			if (i > 0) runs.push(plainRun(' | '));
			runs.push(...c);
		});
		ctx.out.push({
			index: ctx.out.length,
			runs,
			styleId: null,
			heading: false,
			label: null,
			labelFormat: null,
			pageStart: false,
			sectionEnd: false,
			shape: false,
			tableRow: true,
			spaceBefore: 0,
			rule: null,
			columnBreak: false,
			textPictures: 0
		});
	}
}

/** A run of text with no formatting: a separator the reader or the layout puts between runs. */
export function plainRun(text: string): DocxRun {
	return {
		text,
		bold: false,
		boldDirect: false,
		italic: false,
		strike: false,
		underline: false,
		superscript: false,
		size: null
	};
}

function readParagraph(p: XmlNode, ctx: Context): void {
	const pPr = child(p, 'w:pPr');
	const styleId = attr(child(pPr, 'w:pStyle'), 'w:val') ?? null;
	const style = ctx.styles.paragraph(styleId ?? undefined);
	const base = mergeProps(ctx.styles.defaults, style.run);
	const numPr = child(pPr, 'w:numPr');
	const numId = attr(child(numPr, 'w:numId'), 'w:val') ?? style.numId;
	const ilvlAttr = attr(child(numPr, 'w:ilvl'), 'w:val');
	const ilvl = ilvlAttr !== undefined ? Number(ilvlAttr) : (style.ilvl ?? 0);
	const state: InlineState = {
		runs: [],
		pageStart: false,
		shape: false,
		rule: null,
		columnBreak: false,
		textPictures: 0,
		boxes: []
	};
	readInline(childrenOf(p), base, style.run.bold === true, ctx, state);
	// Text boxes anchored in this paragraph come before it: PDF converters use them for stray lines.
	for (const box of state.boxes) walkBlocks(childrenOf(box), ctx);
	const hasText = state.runs.some((r) => r.text.trim() !== '');
	// Word counts (and prints) a numbered paragraph even when it is empty, so the counter moves regardless.
	const label = numId && numId !== '0' ? ctx.numbering.next(numId, ilvl) : null;
	ctx.out.push({
		index: ctx.out.length,
		runs: state.runs,
		styleId,
		heading: style.heading,
		label: label || null,
		labelFormat: label ? ctx.numbering.formatOf(numId!, ilvl) : null,
		pageStart: state.pageStart,
		sectionEnd: child(pPr, 'w:sectPr') !== undefined,
		shape: state.shape && !hasText,
		tableRow: false,
		spaceBefore: Number(attr(child(pPr, 'w:spacing'), 'w:before') ?? 0) || 0,
		rule: hasText ? null : state.rule,
		columnBreak: state.columnBreak,
		textPictures: state.textPictures
	});
}

interface InlineState {
	runs: DocxRun[];
	pageStart: boolean;
	shape: boolean;
	rule: number | null;
	columnBreak: boolean;
	textPictures: number;
	boxes: XmlNode[];
}

/** Runs inside a paragraph, through hyperlinks, fields, smart tags and tracked changes. */
function readInline(
	nodes: XmlNode[],
	base: RunProps,
	styleBold: boolean,
	ctx: Context,
	st: InlineState,
	deleted = false
): void {
	for (const n of nodes) {
		const tag = tagOf(n);
		if (tag === 'w:r') readRun(n, base, styleBold, ctx, st, deleted);
		else if (tag === 'w:del' || tag === 'w:moveFrom') readInline(childrenOf(n), base, styleBold, ctx, st, true);
		else if (
			tag &&
			tag !== 'w:pPr' &&
			/^w:(hyperlink|ins|moveTo|smartTag|fldSimple|sdt|sdtContent|customXml|dir|bdo)$/.test(tag)
		) {
			readInline(childrenOf(n), base, styleBold, ctx, st, deleted);
		}
	}
}

function readRun(
	r: XmlNode,
	base: RunProps,
	styleBold: boolean,
	ctx: Context,
	st: InlineState,
	deleted: boolean
): void {
	const rPr = child(r, 'w:rPr');
	const own = readRunProps(rPr);
	const charStyle = ctx.styles.character(attr(child(rPr, 'w:rStyle'), 'w:val'));
	const props = mergeProps(mergeProps(base, charStyle), own);
	const boldDirect = (own.bold ?? charStyle.bold ?? false) && !styleBold;
	let text = '';
	const flush = (extra?: Partial<DocxRun>) => {
		if (!text && !extra) return;
		st.runs.push({
			text: props.caps ? text.toUpperCase() : text,
			bold: props.bold === true,
			boldDirect: boldDirect && props.bold === true,
			italic: props.italic === true,
			strike: props.strike === true || deleted,
			underline: props.underline === true,
			superscript: props.superscript === true,
			size: props.size ?? null,
			...extra
		});
		text = '';
	};
	for (const c of childrenOf(r)) {
		const tag = tagOf(c);
		if (tag === 'w:t' || tag === 'w:delText') text += textOf(c);
		else if (tag === 'w:tab' || tag === 'w:ptab') text += '\t';
		else if (tag === 'w:br' || tag === 'w:cr') {
			if (attr(c, 'w:type') === 'page' && !st.runs.some((x) => x.text.trim())) st.pageStart = true;
			if (attr(c, 'w:type') === 'column') st.columnBreak = true;
			text += ' ';
		} else if (tag === 'w:noBreakHyphen') text += '-';
		else if (tag === 'w:sym') text += symbol(attr(c, 'w:char'));
		else if (tag === 'w:lastRenderedPageBreak') {
			if (!text.trim() && !st.runs.some((x) => x.text.trim())) st.pageStart = true;
		} else if (tag === 'w:footnoteReference') {
			flush();
			const id = attr(c, 'w:id');
			if (id) flush({ text: '', footnoteId: id });
		} else if (tag === 'w:drawing' || tag === 'w:pict' || tag === 'w:object' || tag === 'mc:AlternateContent') {
			st.shape = true;
			st.rule ??= ruleWidth(c);
			if (isTextPicture(c)) st.textPictures++;
			collectTextBoxes(c, st.boxes);
		}
	}
	flush();
}

/** w:txbxContent anywhere below a drawing; of mc:AlternateContent only the first choice (no duplicates). */
function collectTextBoxes(node: XmlNode, out: XmlNode[]): void {
	const tag = tagOf(node);
	if (tag === 'w:txbxContent') {
		out.push(node);
		return;
	}
	const kids = childrenOf(node);
	if (tag === 'mc:AlternateContent') {
		const first = kids.find((k) => tagOf(k) === 'mc:Choice') ?? kids.find((k) => tagOf(k) === 'mc:Fallback');
		if (first) collectTextBoxes(first, out);
		return;
	}
	for (const k of kids) collectTextBoxes(k, out);
}

/** The width (pt) of the first shape below `node` that is a horizontal line: at most 1.5 pt high. */
function ruleWidth(node: XmlNode): number | null {
	const tag = tagOf(node);
	const style = attr(node, 'style');
	if (style && /^v:(shape|rect|line)$/.test(tag ?? '')) {
		const w = /(?:^|;)\s*width:\s*([\d.]+)pt/.exec(style);
		const h = /(?:^|;)\s*height:\s*([\d.]+)pt/.exec(style);
		if (w && h && Number(h[1]) <= 1.5 && Number(w[1]) >= 20) return Number(w[1]);
	}
	if (tag === 'wp:extent') {
		const [cx, cy] = [Number(attr(node, 'cx')), Number(attr(node, 'cy'))];
		if (cx && cy / 12700 <= 1.5 && cx / 12700 >= 20) return cx / 12700;
	}
	for (const k of childrenOf(node)) {
		const w = ruleWidth(k);
		if (w !== null) return w;
	}
	return null;
}

/** A DrawingML picture 4 to 16 pt high and wider than it is high: a line of text as an image. */
function isTextPicture(node: XmlNode): boolean {
	if (tagOf(node) === 'wp:extent') {
		const [w, h] = [Number(attr(node, 'cx')) / 12700, Number(attr(node, 'cy')) / 12700];
		return h >= 4 && h <= 16 && w > 2 * h;
	}
	return childrenOf(node).some(isTextPicture);
}

/** A w:sym character; Symbol-font code points sit in the private use area at F000 + the ASCII code. */
function symbol(hex: string | undefined): string {
	if (!hex || !/^[0-9a-f]{1,4}$/i.test(hex)) return '';
	let code = parseInt(hex, 16);
	if (code >= 0xf000) code -= 0xf000;
	const map: Record<number, string> = { 0x2d: '-', 0xb7: '•', 0xa7: '▪', 0xd7: '×' };
	return map[code] ?? (code >= 0x20 ? String.fromCharCode(code) : '');
}

function readFootnotes(parts: DocxParts, ctx: Context): Map<string, string> {
	const notes = new Map<string, string>();
	const root = rootOf(parts.footnotes, 'w:footnotes');
	if (!root) return notes;
	for (const fn of childrenOf(root).filter((c) => tagOf(c) === 'w:footnote')) {
		const id = attr(fn, 'w:id');
		const type = attr(fn, 'w:type');
		if (!id || (type && type !== 'normal')) continue; // separators and continuation notices
		const inner: Context = { ...ctx, out: [] };
		walkBlocks(childrenOf(fn), inner);
		const text = inner.out
			.map((p) =>
				p.runs
					.filter((r) => !r.strike)
					.map((r) => r.text)
					.join('')
			)
			.join(' ')
			.replace(/\s+/g, ' ')
			.trim();
		notes.set(id, text);
	}
	return notes;
}
