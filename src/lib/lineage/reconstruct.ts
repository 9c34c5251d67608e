/**
 * Rebuilds a text as amended: the Parliament's position of 14 June 2023 is the Commission proposal with
 * the 771 adopted amendments applied. Each provision comes out with the amendments that changed it or its
 * parts (`derivedFrom`); provisions no amendment touched keep the Commission text word for word.
 */
import { parentEidOf } from '../provisions/eid';
import { contentOf, type ContentItem } from './structure';
import { rootOf } from './match';
import { kindOf, labelOf, lines, parseSubtree, partEid, segmentNum, splitSegment, topName } from './subtree';

export { labelOf, parseSubtree } from './subtree';

/** A provision of the text being amended, in document order (as split.ts gives it). */
export interface BaseNode {
	eid: string;
	parentEid: string | null;
	kind: string;
	num: string | null;
	heading: string | null;
	text: string;
	deleted: boolean;
}

/** An adopted amendment, resolved to its target. */
export interface PositionAmendment {
	number: number;
	/** eId of the target provision (for a new provision, the eId it is inserted as). */
	eid: string;
	/** 'whole', 'introductory' (only the words before a list), 'heading' (a title), 'section-heading', 'chapter-heading'. */
	part: string;
	/** The adopted text (empty for a deletion). */
	text: string;
	deletes: boolean;
	/** Inserts a provision that the base text does not have. */
	isNew: boolean;
}

export interface PositionNode extends BaseNode {
	/** Numbers of the amendments that changed this provision or one of its parts, ascending. */
	derivedFrom: number[];
	/** Inserted by an amendment (not in the base text). */
	isNew: boolean;
}

export interface Reconstruction {
	/** Every provision of the amended text in reading order, deleted ones included (text '', deleted true). */
	nodes: PositionNode[];
	applied: number[];
	skipped: { number: number; reason: string }[];
}

interface WorkNode extends BaseNode {
	items: ContentItem[];
	own: Set<number>;
	isNew: boolean;
}

/** Applies `amendments` (in the order given) to `base` and returns the amended provisions. */
export function reconstruct(base: BaseNode[], amendments: PositionAmendment[]): Reconstruction {
	const nodes = new Map<string, WorkNode>();
	const roots: string[] = [];
	const baseOrder = new Map(base.map((n, i) => [n.eid, i]));
	let subtree: BaseNode[] = [];
	const flush = () => {
		if (subtree.length === 0) return;
		const content = contentOf(subtree);
		for (const n of subtree) nodes.set(n.eid, { ...n, items: content.get(n.eid)!, own: new Set(), isNew: false });
		subtree = [];
	};
	for (const n of base) {
		if (rootOf(n.eid) === n.eid) {
			flush();
			roots.push(n.eid);
		}
		subtree.push(n);
	}
	flush();

	const anchors = new Map<string, string>();
	const applied: number[] = [];
	const skipped: Reconstruction['skipped'] = [];
	const descendants = (eid: string) => [...nodes.values()].filter((n) => n.eid.startsWith(`${eid}__`));

	for (const a of amendments) {
		if (a.part === 'section-heading' || a.part === 'chapter-heading') {
			skipped.push({ number: a.number, reason: 'inserts or renames a section or chapter heading between articles' });
			continue;
		}
		const target = nodes.get(a.eid);
		if (a.isNew && (!target || target.isNew)) {
			if (target) {
				// Two amendments inserting under one number (the EP printed "2 a" for its "2 b"): keep both, in order.
				target.items.push(...lines(a.text));
				target.text = `${target.text}\n${a.text}`;
				target.own.add(a.number);
			} else if (!insertNew(a)) {
				skipped.push({ number: a.number, reason: `no place for new provision ${a.eid}` });
				continue;
			}
			applied.push(a.number);
			continue;
		}
		if (!target) {
			skipped.push({ number: a.number, reason: `target ${a.eid} is not in the text` });
			continue;
		}
		target.own.add(a.number);
		if (a.part === 'heading') {
			target.heading = a.text.trim() || null;
			if (/^(title|chp|sec|part)_/.test(target.eid.split('__').at(-1)!)) target.items = lines(a.text.trim());
		} else if (a.deletes) {
			target.deleted = true;
			for (const d of descendants(a.eid)) {
				d.deleted = true;
				d.own.add(a.number);
			}
		} else if (a.part === 'introductory') {
			const first = target.items.findIndex((i) => i.type === 'part');
			const rest = first < 0 ? [] : target.items.slice(first);
			target.items = [...lines(a.text), ...rest];
		} else {
			replaceSubtree(target, a.text, a.number);
		}
		applied.push(a.number);
	}

	/** Inserts a new provision (and its parts) after the sibling it is numbered after. */
	function insertNew(a: PositionAmendment): boolean {
		const parentEid = parentEidOf(a.eid);
		const parent = parentEid ? nodes.get(parentEid) : undefined;
		if (parentEid && !parent) return false;
		const node: WorkNode = {
			eid: a.eid,
			parentEid,
			kind: kindOf(a.eid),
			num: labelOf(a.text),
			heading: null,
			text: a.text,
			deleted: false,
			items: lines(a.text),
			own: new Set([a.number]),
			isNew: true
		};
		let body = a.text;
		if (!parentEid && node.kind === 'article') {
			const [first, second, ...rest] = a.text.split('\n');
			if (/^Article\s/.test(first) && second !== undefined) {
				node.num = first.replace(/\s+/g, ' ').trim();
				node.heading = second.trim();
				body = rest.join('\n');
			}
		} else if (!parentEid) {
			node.num = `${topName[node.kind] ?? node.kind} ${segmentNum(a.eid)}`;
		}
		nodes.set(a.eid, node);
		if (parent) parent.items.splice(insertionIndex(parent.items.map(partEid), a.eid), 0, { type: 'part', eid: a.eid });
		else roots.splice(insertionIndex(roots, a.eid), 0, a.eid);
		replaceSubtree(node, body, a.number);
		return true;
	}

	/** Where a new provision goes among its siblings: after "d" for "d a", before "57" for "-57 a". */
	function insertionIndex(list: (string | null)[], eid: string): number {
		const [prefix, num] = splitSegment(eid.split('__').at(-1)!);
		const siblings = new Map<string, number>();
		list.forEach((e, i) => {
			if (!e || nodes.get(e)?.isNew) return;
			const [p, n] = splitSegment(e.split('__').at(-1)!);
			if (p === prefix) siblings.set(n, i);
		});
		if (num.startsWith('-')) {
			const at = siblings.get(num.slice(1).replace(/[a-z]+$/, ''));
			if (at !== undefined) return at;
			return siblings.size ? Math.min(...siblings.values()) : list.length;
		}
		for (let k = num.length - 1; k > 0; k--) {
			const at = siblings.get(num.slice(0, k));
			if (at === undefined) continue;
			const anchor = list[at]!;
			anchors.set(eid, anchor);
			let pos = at;
			while (pos + 1 < list.length && list[pos + 1] && anchors.get(list[pos + 1]!) === anchor) pos++;
			return pos + 1;
		}
		const last = siblings.size ? Math.max(...siblings.values()) : list.length - 1;
		return last + 1;
	}

	/** Gives a node new text, taking it apart into parts where it has labelled points; lost parts are deleted. */
	function replaceSubtree(node: WorkNode, text: string, number: number): void {
		const parsed = parseSubtree(node.eid, text);
		const seen = new Set(parsed.map((p) => p.eid));
		for (const d of descendants(node.eid)) {
			if (seen.has(d.eid) || d.isNew) continue;
			d.deleted = true;
			d.own.add(number);
		}
		node.text = text;
		node.items = parsed[0].items;
		for (const p of parsed.slice(1)) {
			const existing = nodes.get(p.eid);
			if (existing) {
				if (existing.text !== p.text) existing.own.add(number);
				Object.assign(existing, { text: p.text, items: p.items, deleted: false });
			} else {
				nodes.set(p.eid, { ...p, heading: null, deleted: false, own: new Set([number]), isNew: true });
			}
		}
	}

	// Put the texts back together, bottom up, and collect each provision's amendments.
	const done = new Map<string, { text: string; from: Set<number> }>();
	const compose = (eid: string): { text: string; from: Set<number> } => {
		const cached = done.get(eid);
		if (cached) return cached;
		const node = nodes.get(eid)!;
		const from = new Set(node.own);
		const out: string[] = [];
		for (const item of node.items) {
			if (item.type === 'line') {
				out.push(item.text);
				continue;
			}
			const part = compose(item.eid);
			for (const n of part.from) from.add(n);
			if (!nodes.get(item.eid)!.deleted) out.push(part.text);
		}
		const result = { text: node.deleted ? '' : out.join('\n'), from };
		done.set(eid, result);
		return result;
	};

	const result: PositionNode[] = [];
	const visited = new Set<string>();
	const emit = (eid: string) => {
		if (visited.has(eid)) return;
		visited.add(eid);
		const node = nodes.get(eid)!;
		const { text, from } = compose(eid);
		const { items: _items, own: _own, ...rest } = node;
		result.push({ ...rest, text, derivedFrom: [...from].sort((x, y) => x - y) });
		for (const item of node.items) if (item.type === 'part') emit(item.eid);
	};
	for (const root of roots) {
		emit(root);
		// Parts that no longer appear in the text (replaced away) still get their deleted version.
		const rest = [...nodes.values()].filter((n) => !visited.has(n.eid) && rootOf(n.eid) === root);
		rest.sort((x, y) => (baseOrder.get(x.eid) ?? Infinity) - (baseOrder.get(y.eid) ?? Infinity));
		for (const n of rest) emit(n.eid);
	}
	return { nodes: result, applied, skipped };
}
