/**
 * A provision's text is its own lines plus the text of its parts (split.ts keeps one paragraph or point per
 * line, and a node's text is a contiguous run of its article's lines). These helpers take a text apart into
 * its own lines and its parts, so a part can be changed and the whole put back together.
 */

/** One piece of a provision's text, in reading order: a line of its own, or one of its parts. */
export type ContentItem = { type: 'line'; text: string } | { type: 'part'; eid: string };

export interface StructureNode {
	eid: string;
	parentEid: string | null;
	text: string;
}

/**
 * The content of every node of one article or annex: `nodes` is the subtree in document order, the
 * article or annex itself first. Lines are found by position, so a part that repeats an earlier line
 * still lands in the right place.
 */
export function contentOf(nodes: StructureNode[]): Map<string, ContentItem[]> {
	const lines = nodes[0].text.split('\n');
	const range = lineRanges(lines, nodes);
	const children = new Map<string, string[]>();
	for (const n of nodes) {
		if (!n.parentEid || !range.has(n.eid)) continue;
		const list = children.get(n.parentEid);
		if (list) list.push(n.eid);
		else children.set(n.parentEid, [n.eid]);
	}
	const out = new Map<string, ContentItem[]>();
	for (const n of nodes) {
		const r = range.get(n.eid);
		if (!r) {
			out.set(n.eid, [{ type: 'line', text: n.text }]);
			continue;
		}
		const starts = new Map((children.get(n.eid) ?? []).map((c) => [range.get(c)![0], c]));
		const items: ContentItem[] = [];
		for (let j = r[0]; j <= r[1];) {
			const child = starts.get(j);
			if (child) {
				items.push({ type: 'part', eid: child });
				j = range.get(child)![1] + 1;
			} else {
				items.push({ type: 'line', text: lines[j] });
				j++;
			}
		}
		out.set(n.eid, items);
	}
	return out;
}

/**
 * Where each node's text sits in `lines` (first and last line), searching forward in document order.
 * The first node is the whole; a node whose text is not found gets no range.
 */
export function lineRanges(lines: string[], nodes: { eid: string; text: string }[]): Map<string, [number, number]> {
	const range = new Map<string, [number, number]>();
	if (nodes.length === 0) return range;
	range.set(nodes[0].eid, [0, lines.length - 1]);
	let cursor = 0;
	for (const node of nodes.slice(1)) {
		const own = node.text.split('\n');
		for (let j = cursor; j + own.length <= lines.length; j++) {
			if (own.every((l, k) => lines[j + k] === l)) {
				range.set(node.eid, [j, j + own.length - 1]);
				cursor = j + 1;
				break;
			}
		}
	}
	return range;
}

/** A provision's own words: its text without the text of its parts (e.g. the words before a list). */
export function ownText(text: string, partTexts: string[]): string {
	const lines = text.split('\n');
	const keep = lines.map(() => true);
	let cursor = 0;
	for (const part of partTexts) {
		const own = part.split('\n');
		for (let j = cursor; j + own.length <= lines.length; j++) {
			if (own.every((l, k) => lines[j + k] === l)) {
				for (let k = 0; k < own.length; k++) keep[j + k] = false;
				cursor = j + own.length;
				break;
			}
		}
	}
	return lines.filter((_, j) => keep[j]).join('\n');
}
