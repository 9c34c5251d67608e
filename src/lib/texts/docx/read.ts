/**
 * The pure reader of the Council presidency compromise texts (.docx): bytes → cover metadata and items in the
 * conventions of our text files, with the change marks the document prints. No database, no server imports.
 *
 * Layers: package.ts (zip + XML, limits) → document.ts (paragraphs, runs, numbering, footnotes, tables) →
 * layout.ts (undoing the PDF conversion) → items.ts / cover.ts (our model).
 */
import type { SourceItem } from '../../provisions/split';
import { openDocx } from './package';
import { readDocument } from './document';
import { layoutDocument } from './layout';
import { buildItems } from './items';
import { readCover } from './cover';
import type { Segment } from './marks';

/**
 * One marked word run. Bold (set on the run, not by a heading style) = added compared with the Commission
 * proposal; struck through = deleted compared with it; underlined = changed since the previous compromise.
 */
export interface DocxMark {
	kind: 'added' | 'deleted' | 'changed';
	text: string;
}

export interface CouncilCover {
	/** 'ST 14278/21', with REV/ADD/COR when printed. */
	councilRef: string | null;
	/** ISO date of the document ('2021-11-29'). */
	date: string | null;
	/** As printed in the note: 'Czech Presidency', 'présidence française'. */
	presidency: string | null;
	/** In English: 'Slovenia', 'France', 'Czechia'. */
	presidencyCountry: string | null;
	/** The 'To:' line: 'Delegations', 'Permanent Representatives Committee'. */
	addressees: string | null;
	/** The text this one revises: 'No. prev. doc.', else the note's "compared with … (doc. 12549/22)". */
	previousRef: string | null;
	/** 'No. Cion doc.': the Commission proposal's Council number, as printed. */
	commissionRef: string | null;
	/** Interinstitutional file: '2021/0106(COD)'. */
	procedure: string | null;
	subject: string | null;
	/** Language of the cover note ('en', 'fr'); the regulation's text itself is English in all these files. */
	language: 'en' | 'fr' | string;
}

export interface CouncilItem extends SourceItem {
	kind: 'citation' | 'recital' | 'article' | 'annex';
	number: string;
	/** A recital label printed otherwise than "(N)", e.g. "38)". */
	labelAsPrinted?: string;
	/** Words marked in this item's text, in reading order; headings and labels are never marks. */
	marks: { added: string[]; deleted: string[]; changed: string[] };
	/**
	 * The item's body lines as printed, struck text included, each a list of runs with their marks; headings
	 * and titles are not in it, and lines whose bold is a heading's carry no marks. Marks in place, for
	 * comparing them with a diff word by word (see mark-agreement.ts); not stored.
	 */
	shown: Segment[][];
	/** Pictures of text among the item's paragraphs: words the conversion from PDF drew as images, lost. */
	textPictures?: number;
}

export type DocxReadResult =
	{ ok: true; cover: CouncilCover; items: CouncilItem[]; warnings: string[] } | { ok: false; error: string };

/**
 * Reads a Council compromise text. `text` of each item is this version's text: struck-through runs are left
 * out, bold runs kept, list labels rendered as printed from word/numbering.xml, footnote references as
 * `[^N]` with the footnote in `footnotes`. Refuses, with a message naming the file, anything that is not a
 * readable .docx (PDF, old .doc, damaged zip, zip bomb), a document without recognisable provisions, and
 * — when `expectProcedure` is given — a document of another interinstitutional file.
 */
export function readCouncilDocx(
	bytes: Uint8Array,
	fileName: string,
	opts: { expectProcedure?: string } = {}
): DocxReadResult {
	const pkg = openDocx(bytes, fileName);
	if (!pkg.ok) return pkg;
	const doc = readDocument(pkg.parts);
	const layout = layoutDocument(doc);
	const { items, firstParagraph, start, warnings } = buildItems(layout);
	items.forEach((item, k) => {
		const end = firstParagraph[k + 1] ?? doc.paragraphs.length;
		const pictures = doc.paragraphs
			.slice(firstParagraph[k], Math.max(end, firstParagraph[k] + 1))
			.reduce((n, p) => n + p.textPictures, 0);
		if (pictures) item.textPictures = pictures;
	});
	// The cover's fields are read from the file's own paragraphs: the layout may have joined them.
	const firstBody = layout.blocks[start]?.index ?? doc.paragraphs.length;
	const coverLines = doc.paragraphs.filter((p) => p.index < firstBody).map((p) => p.runs.map((r) => r.text).join(''));
	const cover = readCover(coverLines);
	const pictured = doc.paragraphs.filter((p) => p.index >= firstBody && p.textPictures > 0).length;
	if (pictured)
		warnings.push(
			`${fileName}: ${pictured} paragraphs hold pictures of text (the conversion from PDF drew some words as images); those words are missing from the text.`
		);
	if (!items.some((i) => i.kind === 'article' || i.kind === 'recital' || i.kind === 'annex')) {
		return {
			ok: false,
			error: `${fileName}: no recitals, articles or annexes were recognised in it; is this a Council compromise text?`
		};
	}
	const expected = opts.expectProcedure?.replace(/\s+/g, '');
	if (expected && cover.procedure && cover.procedure !== expected) {
		return { ok: false, error: `${fileName} belongs to procedure ${cover.procedure}, not to ${expected}; refused.` };
	}
	if (expected && !cover.procedure)
		warnings.push(
			`${fileName}: the cover names no interinstitutional file, so it could not be checked against ${expected}.`
		);
	return { ok: true, cover, items, warnings };
}
