/**
 * Lineage as a graph: text versions are nodes, provision links are edges (either way round). A provision's
 * counterpart in another text is the nearest version of that text in the graph; the rows of a comparison
 * are its connected groups.
 */
import { ownText } from './structure';

export interface GraphVersion {
	id: number;
	documentId: number;
	eid: string;
	parentEid: string | null;
	docOrder: number;
	text: string;
	deleted: boolean;
}

export interface GraphLink {
	id: number;
	fromVersionId: number;
	toVersionId: number;
	method: string;
	similarity: number | null;
}

/** The version of `documentId` nearest to `startId` (fewest links; then the stronger first link), with the path. */
export function nearestIn<V extends GraphVersion>(
	startId: number,
	documentId: number,
	versions: readonly V[],
	links: readonly GraphLink[]
): { version: V; path: GraphLink[] } | null {
	const byId = new Map(versions.map((v) => [v.id, v]));
	const start = byId.get(startId);
	if (!start) return null;
	if (start.documentId === documentId) return { version: start, path: [] };
	const edges = adjacency(links);
	const seen = new Map<number, GraphLink[]>([[startId, []]]);
	let frontier = [startId];
	while (frontier.length) {
		const next: number[] = [];
		const found: { version: V; path: GraphLink[] }[] = [];
		for (const id of frontier) {
			const sorted = [...(edges.get(id) ?? [])].sort((a, b) => (b.link.similarity ?? 1) - (a.link.similarity ?? 1));
			for (const { other, link } of sorted) {
				if (seen.has(other) || !byId.has(other)) continue;
				const path = [...seen.get(id)!, link];
				seen.set(other, path);
				const v = byId.get(other)!;
				if (v.documentId === documentId) found.push({ version: v, path });
				else next.push(other);
			}
		}
		if (found.length) return found[0];
		frontier = next;
	}
	return null;
}

/** Versions grouped by connection: each group is one provision followed through the texts. */
export function groups<V extends GraphVersion>(versions: readonly V[], links: readonly GraphLink[]): V[][] {
	const parent = new Map(versions.map((v) => [v.id, v.id]));
	const find = (x: number): number => {
		let root = x;
		while (parent.get(root) !== root) root = parent.get(root)!;
		while (parent.get(x) !== root) {
			const up = parent.get(x)!;
			parent.set(x, root);
			x = up;
		}
		return root;
	};
	for (const l of links) {
		if (!parent.has(l.fromVersionId) || !parent.has(l.toVersionId)) continue;
		parent.set(find(l.fromVersionId), find(l.toVersionId));
	}
	const out = new Map<number, V[]>();
	for (const v of versions) {
		const root = find(v.id);
		const list = out.get(root);
		if (list) list.push(v);
		else out.set(root, [v]);
	}
	return [...out.values()];
}

/**
 * Orders the groups for reading side by side: first as the first text has them, then each group the first
 * text lacks right after the group holding the version it follows in its own text ("(d a)" after "(d)").
 */
export function orderGroups<V extends GraphVersion>(list: V[][], documentOrder: readonly number[]): V[][] {
	const placed: V[][] = [];
	const done = new Set<V[]>();
	for (const documentId of documentOrder) {
		const inDoc = list
			.filter((g) => g.some((v) => v.documentId === documentId))
			.map((g) => ({ g, v: g.filter((v) => v.documentId === documentId).sort((a, b) => a.docOrder - b.docOrder)[0] }))
			.sort((a, b) => a.v.docOrder - b.v.docOrder);
		let after = -1;
		for (const { g } of inDoc) {
			if (done.has(g)) {
				after = placed.indexOf(g);
				continue;
			}
			placed.splice(after + 1, 0, g);
			done.add(g);
			after += 1;
		}
	}
	return placed;
}

/** Each version's own words (without its parts' text), computed from the versions given. */
export function ownTexts(versions: readonly GraphVersion[]): Map<number, string> {
	const key = (documentId: number, eid: string) => `${documentId} ${eid}`;
	const children = new Map<string, GraphVersion[]>();
	for (const v of versions) {
		if (!v.parentEid) continue;
		const k = key(v.documentId, v.parentEid);
		const list = children.get(k);
		if (list) list.push(v);
		else children.set(k, [v]);
	}
	const out = new Map<number, string>();
	for (const v of versions) {
		const parts = (children.get(key(v.documentId, v.eid)) ?? []).sort((a, b) => a.docOrder - b.docOrder);
		out.set(
			v.id,
			parts.length
				? ownText(
						v.text,
						parts.map((p) => p.text).filter((t) => t !== '')
					)
				: v.text
		);
	}
	return out;
}

function adjacency(links: readonly GraphLink[]): Map<number, { other: number; link: GraphLink }[]> {
	const out = new Map<number, { other: number; link: GraphLink }[]>();
	const add = (a: number, b: number, link: GraphLink) => {
		const list = out.get(a);
		if (list) list.push({ other: b, link });
		else out.set(a, [{ other: b, link }]);
	};
	for (const l of links) {
		add(l.fromVersionId, l.toVersionId, l);
		add(l.toVersionId, l.fromVersionId, l);
	}
	return out;
}
