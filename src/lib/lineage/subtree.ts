/**
 * Taking an amended text apart into provisions, the way split.ts takes an article apart, with the labels
 * and kinds the eIds imply.
 */
import { splitDocument } from '../provisions/split';
import { parentEidOf } from '../provisions/eid';
import { contentOf, lineRanges, type ContentItem } from './structure';
import { rootOf } from './match';

export interface ParsedNode {
	eid: string;
	parentEid: string | null;
	kind: string;
	num: string | null;
	text: string;
	items: ContentItem[];
}

/**
 * Takes a text apart the way split.ts takes an article apart, and renames the parts under `eid`. The EP
 * prints inserted labels with a space ("(d a)", "1 a."), which split.ts would not read as labels, so the
 * labels are closed up for the split only; the texts keep the EP's printing.
 */
export function parseSubtree(eid: string, text: string): ParsedNode[] {
	const whole = (): ParsedNode[] => [
		{ eid, parentEid: parentEidOf(eid), kind: kindOf(eid), num: labelOf(text), text, items: lines(text) }
	];
	const root = rootOf(eid);
	if (!/^(art|anx)_/.test(root) || text === '') return whole();
	const printed = text.split('\n');
	const closed = printed.map((l) =>
		l.replace(/^\((-?[a-z]{1,3}|\d+) ([a-z]{1,2})\)/, '($1$2)').replace(/^(-?\d+) ([a-z]{1,2})\./, '$1$2.')
	);
	const kind = root.startsWith('anx_') ? 'annex' : 'article';
	const wrapper = splitDocument([{ kind, number: '0', title: null, text: closed.join('\n') }]);
	let prefix = wrapper[0].eid;
	if (eid !== root) {
		// A part: the text must be one labelled block, e.g. "(h) … :" with its points.
		const top = wrapper.filter((n) => n.parentEid === prefix);
		if (top.length !== 1 || top[0].text.split('\n').length !== printed.length) return whole();
		prefix = top[0].eid;
	}
	const rename = (e: string) => eid + e.slice(prefix.length);
	const picked = wrapper.filter((n) => n.eid === prefix || n.eid.startsWith(`${prefix}__`));
	const ranges = lineRanges(closed, picked);
	const renamed = picked.map((n, i) => {
		const r = ranges.get(n.eid);
		const own = r ? printed.slice(r[0], r[1] + 1).join('\n') : n.text;
		const first = i === 0;
		return {
			eid: rename(n.eid),
			parentEid: first ? parentEidOf(eid) : rename(n.parentEid!),
			kind: first ? kindOf(eid) : n.kind,
			num: first ? labelOf(own) : n.num,
			text: own
		};
	});
	const content = contentOf(renamed);
	return renamed.map((n) => ({ ...n, items: content.get(n.eid)! }));
}

export function lines(text: string): ContentItem[] {
	return text === '' ? [] : text.split('\n').map((t) => ({ type: 'line' as const, text: t }));
}

export function partEid(item: ContentItem): string | null {
	return item.type === 'part' ? item.eid : null;
}

export function splitSegment(segment: string): [prefix: string, num: string] {
	const at = segment.indexOf('_');
	return [segment.slice(0, at), segment.slice(at + 1)];
}

export function segmentNum(eid: string): string {
	return splitSegment(eid.split('__').at(-1)!)[1];
}

export const topName: Record<string, string> = {
	article: 'Article',
	recital: 'Recital',
	citation: 'Citation',
	annex: 'Annex'
};

/** The kind of provision an eId names, from its last segment. */
export function kindOf(eid: string): string {
	const prefix = splitSegment(eid.split('__').at(-1)!)[0];
	const kinds: Record<string, string> = {
		art: 'article',
		rec: 'recital',
		cit: 'citation',
		anx: 'annex',
		para: 'paragraph',
		subpara: 'subparagraph',
		point: 'point',
		indent: 'point',
		sec: 'section',
		part: 'section',
		title: 'title',
		chp: 'chapter'
	};
	return kinds[prefix] ?? 'line';
}

/** The label a text starts with as printed: "(d a)", "1 a.", "(iii)"; null when it has none. */
export function labelOf(text: string): string | null {
	const m = /^(\(-?[a-z0-9]{1,4}(?: [a-z]{1,2})?\)|-?\d+(?: ?[a-z]{1,2})?\.|[a-z]\))(?=\s|$)/i.exec(text);
	return m ? m[1] : null;
}
