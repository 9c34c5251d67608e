/**
 * From the blocks of a Council text to our items, with the conventions of the text files in
 * src/lib/server/seed/data/ai-act (see its README): citations and recitals numbered as printed, articles with
 * their title and the TITLE/CHAPTER they sit in, annexes with their heading, one paragraph or point per line
 * with its label in front, `[^N]` for footnote references, numbers as strings ('4b', 'VIIIa').
 */
import type { ActDivision } from '../../provisions/split';
import type { Block, Layout } from './layout';
import { renderBlock, TYPED_LABEL, type RenderedLine } from './render';
import type { CouncilItem, DocxMark } from './read';

export interface ItemsResult {
	items: CouncilItem[];
	/** For each item, the index of the file's paragraph where it begins (for what the reader knows per paragraph). */
	firstParagraph: number[];
	/** Index in `layout.blocks` where the regulation starts (after the cover page and note); -1 if not found. */
	start: number;
	warnings: string[];
}

const CITATION = /^(Having regard to|After (?:transmission|consulting|consultation)|Acting in accordance with)\b/;
const CITATION_SPLIT =
	/(?<=,(?:\s*\[\^\w+\])*)\s+(?=(?:Having regard to|After (?:transmission|consulting)|Acting in accordance with)\b)/;
const WHEREAS = /\s*Whereas\s*:\s*$/;
const ENACTING = /^HAVE ADOPTED THIS REGULATION\s*:?$/;
const ARTICLE = /^Article\s+(\d+[a-z]*)\b\s*(.*)$/;
// Division keywords are printed in capitals (small capitals are read as capitals): "Chapter 2 of Title V" in a
// sentence is not a heading.
const DIVISION = /^(TITLE|CHAPTER|SECTION)\s+([IVXLC]+[A-Z]?|\d+[A-Z]?)(?=\s|$)/;
const DIVISIONS = /\b(TITLE|CHAPTER|SECTION)\s+([IVXLC]+[A-Z]?|\d+[A-Z]?)(?=\s|$)/g;
const ANNEX = /^ANNEX\s+([IVXLC]+[a-z]*)\b\s*(.*)$/;
const FINAL_FORMULA = /^This Regulation shall be binding in its entirety/;
const RECITAL_LABEL = /^\(?(\d+[a-z]*)\)$/;
// "(5a)", and once "38)" without its opening parenthesis (recorded in labelAsPrinted).
const TYPED_RECITAL = /^\(?(\d+[a-z]*)\)\s*(?=[\p{Lu}‘'"“([]|$)/u;
const DELETED = '[deleted]';
// "(-12a) If and insofar …": a recital inserted before recital 12, printed inside the one before it. Any other
// typed label in a recital ("(2), (3) and (4) of this Regulation") is a reference broken over a line.
const MINUS_RECITAL = /^\(-\d+[a-z]*\)(?=\s|$)/;
const ANNEX_HEADING = /^(Section|SECTION|Part|PART)\s+([A-Z]|\d+|[IVX]+)\b/;

type Phase = 'preamble' | 'citations' | 'recitals' | 'articles' | 'final' | 'annexes';

interface Draft {
	item: CouncilItem;
	lines: string[];
	firstParagraph: number;
}

export function buildItems(layout: Layout): ItemsResult {
	const warnings: string[] = [];
	const lines = layout.blocks.map((b) => renderBlock(b, layout));
	const start = findStart(layout.blocks, lines);
	if (start < 0) return { items: [], firstParagraph: [], start, warnings };

	const drafts: Draft[] = [];
	let phase: Phase = 'preamble';
	let current: Draft | null = null;
	let titleOfAct: ActDivision | null = null;
	let chapter: ActDivision | null = null;
	let section: ActDivision | null = null;
	let division: string[] = [];
	let inDivision = false;
	let awaitingTitle = false;
	let citations = 0;
	let at = 0;

	const open = (kind: CouncilItem['kind'], number: string, title: string | null): Draft => {
		const item: CouncilItem = {
			kind,
			number,
			title,
			text: '',
			marks: { added: [], deleted: [], changed: [] },
			shown: []
		};
		if (kind === 'article') {
			item.titleOfAct = titleOfAct;
			if (chapter) item.chapter = chapter;
			if (section) item.section = section;
		}
		const d = { item, lines: [], firstParagraph: at };
		drafts.push(d);
		return d;
	};
	const addMarks = (d: Draft, marks: DocxMark[]) => {
		// "[deleted]" stands for text that is gone; printed in bold it is not an added word.
		for (const m of marks) if (!/^\[deleted\][.;]?$/.test(m.text)) d.item.marks[m.kind].push(m.text);
	};
	const addLine = (d: Draft, line: RenderedLine) => {
		addMarks(d, line.marks);
		d.item.shown.push(line.segments);
	};
	const flushDivision = () => {
		inDivision = false;
		if (!division.length) return;
		for (const d of parseDivisions(division.join(' '))) {
			if (d.kind === 'TITLE') [titleOfAct, chapter, section] = [d.div, null, null];
			else if (d.kind === 'CHAPTER') [chapter, section] = [d.div, null];
			else section = d.div;
		}
		division = [];
	};

	for (let i = start; i < lines.length; i++) {
		const line = lines[i];
		const block = layout.blocks[i];
		if (block.index >= 0) at = block.index;
		const printed = line.printed;
		if (!printed) continue;

		if (phase === 'preamble' || phase === 'citations') {
			if (CITATION.test(printed)) phase = 'citations';
			if (phase === 'citations' && !RECITAL_LABEL.test(line.numberLabel ?? '') && !TYPED_RECITAL.test(printed)) {
				if (/^Whereas\s*:?$/.test(printed)) {
					phase = 'recitals';
					continue;
				}
				const pieces = line.text.replace(WHEREAS, '').split(CITATION_SPLIT);
				const ds = pieces.map((p) => {
					const d = open('citation', String(++citations), null);
					d.lines.push(p);
					return d;
				});
				for (const m of line.marks) addMarks(ds.find((d) => d.lines[0].includes(m.text)) ?? ds[0], [m]);
				if (WHEREAS.test(printed)) phase = 'recitals';
				continue;
			}
			if (phase === 'preamble' && !isStructure(printed, block, line)) continue;
			phase = 'recitals';
		}

		if (phase === 'recitals') {
			if (ENACTING.test(printed)) {
				phase = 'articles';
				current = null;
				continue;
			}
			const fromNumbering = RECITAL_LABEL.exec(line.numberLabel ?? '');
			const typed = fromNumbering ? null : TYPED_RECITAL.exec(printed);
			if (fromNumbering || typed) {
				const number = (fromNumbering ?? typed)![1];
				current = open('recital', number, null);
				const asPrinted = fromNumbering ? line.numberLabel! : typed![0].trim();
				if (asPrinted !== `(${number})`) current.item.labelAsPrinted = asPrinted;
				const body = fromNumbering
					? line.text.slice(line.numberLabel!.length).trim()
					: line.text.replace(TYPED_RECITAL, '');
				current.lines.push(body);
				addLine(current, line);
				continue;
			}
			if (!isStructure(printed, block, line)) {
				if (current) {
					// A recital is one paragraph: an unnumbered paragraph inside one is the converter's split. A
					// typed minus label ("(-12a)") is a recital inserted before another, kept as its own line.
					if (MINUS_RECITAL.test(printed) || !current.lines.length) current.lines.push(line.text);
					else
						current.lines[current.lines.length - 1] = `${current.lines[current.lines.length - 1]} ${line.text}`.trim();
					addLine(current, line);
				}
				continue;
			}
			phase = 'articles';
		}

		if (phase === 'articles' || phase === 'final') {
			const annex = annexHeading(printed, block, line);
			if (annex) {
				phase = 'annexes';
				current = open('annex', annex.number, annex.title);
				awaitingTitle = !annex.title;
				continue;
			}
			if (phase === 'final') continue;
			if (FINAL_FORMULA.test(printed)) {
				phase = 'final';
				continue;
			}
			const article = articleHeading(printed, line, block);
			if (article) {
				flushDivision();
				const deleted = article.title === DELETED;
				current = open('article', article.number, deleted ? null : article.title || null);
				if (deleted) current.lines.push(DELETED);
				awaitingTitle = !article.title;
				continue;
			}
			if (inDivision || (DIVISION.test(printed) && isStructure(printed, block, line))) {
				inDivision = true;
				// A heading struck through in full is the Commission's, gone from this version.
				if (line.text) division.push(line.text);
				current = null;
				continue;
			}
			if (current && awaitingTitle && current.lines.length === 0 && isTitleLine(line, block)) {
				current.item.title = line.text || printed;
				awaitingTitle = false;
				continue;
			}
			awaitingTitle = false;
			if (current) {
				if (line.text) current.lines.push(line.text);
				addLine(current, line);
			} else
				warnings.push(
					`Paragraph ${block.index + 1} ("${printed.slice(0, 60)}") lies outside any article and was left out.`
				);
			continue;
		}

		// Annexes
		const annex = annexHeading(printed, block, line);
		if (annex) {
			current = open('annex', annex.number, annex.title);
			awaitingTitle = !annex.title;
			continue;
		}
		if (
			current &&
			awaitingTitle &&
			current.lines.length === 0 &&
			(line.bold || block.heading) &&
			!block.label &&
			printed !== DELETED &&
			!ANNEX_HEADING.test(printed)
		) {
			current.item.title = line.text || printed;
			awaitingTitle = false;
			continue;
		}
		awaitingTitle = false;
		if (current) {
			if (line.text) current.lines.push(line.text);
			// "Section A – …" and "Part I" are headings of the annex, bold by their style or by hand.
			if (!ANNEX_HEADING.test(printed)) addLine(current, line);
			else current.item.shown.push(line.segments.map((g) => ({ ...g, added: false, changed: false })));
		}
	}
	flushDivision();
	return {
		items: drafts.map((d) => finish(d, layout)),
		firstParagraph: drafts.map((d) => d.firstParagraph),
		start,
		warnings
	};
}

/** Where the regulation begins: its title "Proposal for a REGULATION …", else its first citation. */
function findStart(blocks: Block[], lines: RenderedLine[]): number {
	for (let i = 0; i < lines.length; i++) {
		const t = lines[i].printed;
		if (/^Proposal for a$/i.test(t) && /^REGULATION\b/.test(lines[i + 1]?.printed ?? '')) return i;
		if (/^Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL$/.test(t) && !blocks[i].label)
			return i;
	}
	const citation = lines.findIndex((l) => CITATION.test(l.printed));
	if (citation >= 0) return citation;
	return lines.findIndex((l, i) => articleHeading(l.printed, l, blocks[i]) !== null);
}

/** Headings, divisions and annexes end the recitals; a heading is never a numbered paragraph. */
function isStructure(printed: string, block: Block, line: RenderedLine): boolean {
	if (block.label) return false;
	if (ENACTING.test(printed) || FINAL_FORMULA.test(printed) || DIVISION.test(printed)) return true;
	return articleHeading(printed, line, block) !== null || annexHeading(printed, block, line) !== null;
}

/** "Article 4b" or "Article 1 Subject matter", printed as a heading (italic in these texts) and unnumbered. */
function articleHeading(printed: string, line: RenderedLine, block: Block): { number: string; title: string } | null {
	if (block.label || block.tableRow) return null;
	const m = ARTICLE.exec(printed);
	// A bare "Article 4b" is a heading however it is formatted; with words after it, it must look like one.
	if (!m || !(line.italic || line.bold || block.heading || m[2] === '')) return null;
	// "Article 71 shall apply from …" is a sentence, not a heading.
	if (/[.;:]$/.test(m[2]) && m[2] !== DELETED) return null;
	const thisVersion = ARTICLE.exec(line.text);
	return { number: m[1], title: (thisVersion ? thisVersion[2] : m[2]).trim() || '' };
}

/** The title line under a bare "Article N": unnumbered, short, and not a sentence of the body. */
function isTitleLine(line: RenderedLine, block: Block): boolean {
	if (block.label || /[.:;,\]]$/.test(line.printed) || TYPED_LABEL.test(line.printed)) return false;
	return line.printed.length < (line.italic || line.bold || block.heading ? 300 : 150);
}

function annexHeading(
	printed: string,
	block: Block,
	line: RenderedLine
): { number: string; title: string | null } | null {
	const m = ANNEX.exec(printed);
	if (!m || block.label || !(block.heading || line.bold || m[2] === '')) return null;
	return { number: m[1], title: m[2].trim() || null };
}

/** "TITLE III HIGH-RISK AI SYSTEMS CHAPTER 1 CLASSIFICATION …" → one division per keyword. */
export function parseDivisions(text: string): { kind: string; div: ActDivision }[] {
	const found = [...text.matchAll(DIVISIONS)];
	return found.map((m, k) => {
		const kind = m[1].toUpperCase();
		const number = m[2].toUpperCase();
		const end = k + 1 < found.length ? found[k + 1].index : text.length;
		const title = text
			.slice(m.index + m[0].length, end)
			.replace(/\s+/g, ' ')
			.trim();
		return { kind, div: { number, label: `${kind} ${number}`, title: title || null } };
	});
}

function finish(d: Draft, layout: Layout): CouncilItem {
	const item = d.item;
	item.text = d.lines.filter((l) => l !== '').join('\n');
	if (item.text === DELETED || (item.text === '' && item.marks.deleted.length > 0)) item.deleted = true;
	const markers = [...new Set([...item.text.matchAll(/\[\^(\w+)\]/g)].map((m) => m[1]))];
	const notes = markers
		.filter((m) => layout.footnotes.has(m))
		.map((marker) => ({ marker, text: layout.footnotes.get(marker)! }));
	if (notes.length) item.footnotes = notes;
	return item;
}
