import { childEid, eidSegment, type EidPrefix } from './eid';
import { classifyLine, endsWithColon, isFirstLabel, romanValue, type LabelToken, type LineToken } from './lines';

export type ProvisionKind =
	| 'citation'
	| 'recital'
	| 'article'
	| 'paragraph'
	| 'subparagraph'
	| 'point'
	| 'annex'
	| 'section'
	| 'line'
	// Headings of the act's own divisions (TITLE III, CHAPTER 2): the EP amends their wording too.
	| 'title'
	| 'chapter';

/** A TITLE, CHAPTER or SECTION of the act as the source files record it on each article. */
export interface ActDivision {
	number: string;
	label?: string;
	title?: string | null;
}

/** One entry of a text file's `items` array. */
export interface SourceItem {
	kind: string;
	number: string | number;
	title: string | null;
	text: string;
	deleted?: boolean;
	titleOfAct?: ActDivision | null;
	chapter?: ActDivision | string | null;
	section?: ActDivision | string | null;
	footnotes?: { marker: string | number; text: string }[];
}

export interface ProvisionNode {
	/** Akoma Ntoso-style id, unique within the document: 'art_5__para_1__point_h__point_i'. */
	eid: string;
	parentEid: string | null;
	kind: ProvisionKind;
	/** Label as printed: 'Article 5', '1.', '(h)', 'Recital 32'; null for unnumbered subparagraphs. */
	num: string | null;
	/** Title of an article, annex, annex section or division of the act. */
	heading: string | null;
	/** Text of the node and all its descendants, lines joined by '\n', labels and `[^N]` markers kept. */
	text: string;
	/** 0-based position in document order (pre-order). */
	order: number;
	deleted: boolean;
}

/** A node still open for children while the lines of one article or annex are read. */
interface Open {
	node: ProvisionNode;
	/** Label family of a labelled node; null for the article/annex itself, sections and subparagraphs. */
	family: string | null;
	label: string;
	isSubpara: boolean;
	isHeading: boolean;
	/** Opening words of its own ("1. The following…"): its first unnumbered child is then subparagraph 2. */
	ownText: boolean;
	children: number;
	counters: Record<'subpara' | 'line' | 'indent', number>;
	start: number;
	end: number;
}

/** Families that only ever hold points of a list, never a paragraph-level block. */
const MINOR = new Set(['letter', 'roman', 'number', 'indent']);
const ROOTS: Record<string, { prefix: EidPrefix; name: string; kind: ProvisionKind }> = {
	citation: { prefix: 'cit', name: 'Citation', kind: 'citation' },
	recital: { prefix: 'rec', name: 'Recital', kind: 'recital' },
	article: { prefix: 'art', name: 'Article', kind: 'article' },
	annex: { prefix: 'anx', name: 'Annex', kind: 'annex' }
};

/**
 * Splits a document's items into provisions with eIds (see README): articles into paragraphs, points and
 * subparagraphs, annexes into sections and points; citations and recitals stay whole. Headings of the act's
 * TITLE/CHAPTER/SECTION divisions come as nodes of their own just before their first article; articles keep
 * `parentEid: null` so that their eIds do not change when the act is re-divided.
 */
export function splitDocument(items: SourceItem[]): ProvisionNode[] {
	const out: ProvisionNode[] = [];
	const used = new Set<string>();
	const divisions = new Set<string>();
	const add: Add = (n) => {
		let eid = n.eid;
		// The proposal prints two points "(a)" in Article 1 and two "(1)" in Article 3; the second gets "_2".
		for (let k = 2; used.has(eid); k++) eid = `${n.eid}_${k}`;
		used.add(eid);
		const node = { ...n, eid, order: out.length };
		out.push(node);
		return node;
	};
	for (const item of items) {
		if (item.kind === 'article') addDivisions(item, add, divisions);
		const root = ROOTS[item.kind] ?? { prefix: 'line', name: item.kind, kind: 'line' as const };
		const node = add({
			eid: eidSegment(root.prefix, item.number),
			parentEid: null,
			kind: root.kind,
			num: `${root.name} ${item.number}`,
			heading: item.title ?? null,
			text: item.text,
			deleted: item.deleted === true
		});
		if (!node.deleted && (item.kind === 'article' || item.kind === 'annex')) {
			splitBody(node, item.text.split('\n'), item.kind === 'annex', add);
		}
	}
	return out;
}

type Add = (n: Omit<ProvisionNode, 'order'>) => ProvisionNode;

function addDivisions(item: SourceItem, add: Add, seen: Set<string>): void {
	let parent: string | null = null;
	const levels: [ActDivision | string | null | undefined, EidPrefix, ProvisionKind][] = [
		[item.titleOfAct, 'title', 'title'],
		[item.chapter, 'chp', 'chapter'],
		[item.section, 'sec', 'section']
	];
	for (const [div, prefix, kind] of levels) {
		if (!div || typeof div === 'string') continue;
		const eid = childEid(parent, eidSegment(prefix, div.number));
		if (!seen.has(eid)) {
			seen.add(eid);
			const title = div.title ?? '';
			const num = div.label ?? null;
			add({ eid, parentEid: parent, kind, num, heading: title || null, text: title, deleted: false });
		}
		parent = eid;
	}
}

type NodeFields = Pick<ProvisionNode, 'eid' | 'kind' | 'num' | 'deleted'>;

function splitBody(rootNode: ProvisionNode, lines: string[], inAnnex: boolean, add: Add): void {
	const tokens = lines.map((l) => classifyLine(l, inAnnex));
	const stack: Open[] = [open(rootNode, null, '', false, 0)];
	const opened: Open[] = [];

	/** Closes everything below stack[parentIdx] and adds a child there (not yet pushed on the stack). */
	const child = (
		parentIdx: number,
		fields: NodeFields,
		family: string | null,
		label: string,
		own: boolean,
		line: number
	): Open => {
		stack.length = parentIdx + 1;
		stack[parentIdx].children++;
		const node = add({ ...fields, parentEid: stack[parentIdx].node.eid, heading: null, text: '' });
		const entry = open(node, family, label, own, line);
		opened.push(entry);
		return entry;
	};

	for (let i = 0; i < lines.length; i++) {
		const prevColon = endsWithColon(lines[i - 1]);
		const tok = disambiguate(tokens[i], stack, prevColon);
		if (tok.type === 'label') {
			const p = placeLabel(stack, tok, prevColon);
			const parent = stack[p];
			const paragraph = tok.family === 'arabic' && !inAnnex && p === 0;
			const indent = tok.family === 'indent';
			const segment = indent
				? eidSegment('indent', ++parent.counters.indent)
				: eidSegment(paragraph ? 'para' : 'point', tok.label);
			const fields: NodeFields = {
				eid: childEid(parent.node.eid, segment),
				kind: paragraph ? 'paragraph' : 'point',
				num: tok.num,
				deleted: tok.deleted
			};
			stack.push(child(p, fields, tok.family, tok.label, lines[i].length > tok.num.length, i));
		} else if (tok.type === 'heading') {
			const p = placeHeading(stack);
			const eid = childEid(stack[p].node.eid, eidSegment(tok.prefix, tok.label));
			const entry = child(p, { eid, kind: 'section', num: tok.num, deleted: false }, null, tok.label, false, i);
			let heading = tok.body;
			// A bare "Section 1" is followed by its title on a line of its own.
			if (!heading && tokens[i + 1]?.type === 'plain' && !/[.:;,]$/.test(lines[i + 1])) {
				heading = lines[++i];
				entry.end = i;
			}
			entry.node.heading = heading || null;
			entry.isHeading = true;
			stack.push(entry);
		} else {
			const k = attachIndex(stack, tokens, lines, i);
			const parent = stack[k];
			const isNote = tok.type === 'note';
			const intro = !parent.ownText && parent.children === 0;
			const counter = isNote ? 'line' : 'subpara';
			const n = ++parent.counters[counter] + (!isNote && parent.ownText ? 1 : 0);
			const fields: NodeFields = {
				eid: childEid(parent.node.eid, eidSegment(counter, n)),
				kind: isNote ? 'line' : 'subparagraph',
				num: null,
				deleted: /^\[deleted\][.;]?$/.test(lines[i].trim())
			};
			const entry = child(k, fields, null, '', false, i);
			entry.isSubpara = true;
			// "In identifying …, the following shall be ensured:" holds the list that follows, unless it is the
			// opening words of an unnumbered article or annex, whose points the law cites directly.
			if (!isNote && endsWithColon(lines[i]) && !intro) stack.push(entry);
		}
		for (const o of stack) o.end = Math.max(o.end, i);
	}
	for (const o of opened) o.node.text = lines.slice(o.start, o.end + 1).join('\n');
}

function open(node: ProvisionNode, family: string | null, label: string, own: boolean, line: number): Open {
	const counters = { subpara: 0, line: 0, indent: 0 };
	return {
		node,
		family,
		label,
		isSubpara: false,
		isHeading: false,
		ownText: own,
		children: 0,
		counters,
		start: line,
		end: line
	};
}

/** Decides whether "(i)", "(v)", "(x)" continue a letter list or a Roman one. */
function disambiguate(tok: LineToken, stack: Open[], prevColon: boolean): LineToken {
	if (tok.type !== 'label' || !tok.ambiguous) return tok;
	const asRoman = { ...tok, family: 'roman' };
	if (prevColon && tok.label === 'i') return asRoman; // a list opened by "…:" starts at (a) or (i)
	const value = romanValue(tok.label);
	if (stack.some((o) => o.family === 'roman' && romanValue(o.label) === value - 1)) return asRoman;
	const prevLetter = String.fromCharCode(tok.label.charCodeAt(0) - 1);
	if (stack.some((o) => o.family === 'letter' && o.label.startsWith(prevLetter))) return { ...tok, family: 'letter' };
	return tok;
}

/** Index in `stack` of the parent a labelled line goes under. */
function placeLabel(stack: Open[], tok: LabelToken, prevColon: boolean): number {
	const top = stack.length - 1;
	if (prevColon && isFirstLabel(tok.family, tok.label)) return top;
	for (let d = top; d > 0; d--) if (stack[d].family === tok.family) return d - 1;
	if (tok.family.startsWith('decimal')) {
		// "3.1." goes under point "3." (or "3.1.2." under "3.1.").
		const parentLabel = tok.label.slice(0, tok.label.lastIndexOf('.'));
		for (let d = top; d > 0; d--) if (stack[d].label === parentLabel && stack[d].family !== null) return d;
	}
	return top;
}

/** A section heading closes the previous section (or everything, when none is open). */
function placeHeading(stack: Open[]): number {
	for (let d = stack.length - 1; d > 0; d--) if (stack[d].isHeading) return d - 1;
	return 0;
}

/**
 * Where an unnumbered line belongs. Looking ahead to the next labelled line tells which list continues:
 * a line between "(a)" and "(b)" belongs to (a), one after the last point of paragraph 1 and before "2."
 * belongs to paragraph 1 (Article 5(1), second subparagraph, in the final act).
 */
function attachIndex(stack: Open[], tokens: LineToken[], lines: string[], i: number): number {
	const top = stack.length - 1;
	let j = i + 1;
	while (j < tokens.length && (tokens[j].type === 'plain' || tokens[j].type === 'note')) j++;
	let k = top;
	if (j < tokens.length && j === i + 1 && endsWithColon(lines[i]) && opensList(tokens[j])) {
		// This line introduces a new list, so it sits beside the block it follows, not inside its last point.
		while (k > 0 && MINOR.has(stack[k].family ?? '')) k--;
	} else {
		let p = 0;
		if (j < tokens.length) {
			const next = disambiguate(tokens[j], stack, endsWithColon(lines[j - 1]));
			p = next.type === 'label' ? placeLabel(stack, next, endsWithColon(lines[j - 1])) : placeHeading(stack);
		}
		// Climb out of the list items the next label closes: text after the last point of a list closes
		// the paragraph, but text after "3.4." (a numbered block, not a list item) still belongs to it.
		while (k > p + 1 && (MINOR.has(stack[k].family ?? '') || stack[k].isSubpara)) k--;
	}
	while (k > 0 && stack[k].isSubpara) k--;
	return k;
}

function opensList(tok: LineToken): boolean {
	return tok.type === 'label' && isFirstLabel(tok.family, tok.label);
}
