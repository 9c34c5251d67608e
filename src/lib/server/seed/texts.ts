import { sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { provision, textVersion } from '../db/schema';
import { splitDocument, type ProvisionNode } from '../../provisions/split';
import type { RawText } from './load';
import { chunked } from './batch';
import { insertRows } from '../db/bulk';
import { createProvisions } from '../amendments/new-provisions';

export interface ProvisionIndex {
	/** eid → provision id */
	ids: Map<string, number>;
}

/**
 * Seeds provisions and their text versions for each document. Provisions are shared by eId across
 * documents; the canonical order is that of the first document listing them, with later documents'
 * additions placed after their preceding sibling.
 */
export async function seedTexts(
	tx: DbConnection,
	dossierId: number,
	texts: { documentId: number; text: RawText }[]
): Promise<{ index: ProvisionIndex; versions: number; splits: ProvisionNode[][] }> {
	const splits = texts.map((t) => ({ documentId: t.documentId, nodes: splitDocument(t.text.items) }));

	// Canonical order: walk each document, inserting unseen eIds right after the previous node seen.
	const order: string[] = [];
	const known = new Map<string, ProvisionNode>();
	for (const { nodes } of splits) {
		let cursor = -1;
		for (const node of nodes) {
			const at = order.indexOf(node.eid);
			if (at >= 0) {
				cursor = at;
				continue;
			}
			order.splice(cursor + 1, 0, node.eid);
			known.set(node.eid, node);
			cursor += 1;
		}
	}

	const index: ProvisionIndex = { ids: new Map() };
	await ensureProvisions(
		tx,
		dossierId,
		order.map((eid, i) => ({ eid, parentEid: known.get(eid)!.parentEid, kind: known.get(eid)!.kind, sortKey: i * 10 })),
		index
	);

	let versions = 0;
	for (const [i, { documentId, nodes }] of splits.entries()) {
		const notes = footnotesOf(texts[i].text);
		const rows = nodes.map((n) => ({
			provisionId: index.ids.get(n.eid)!,
			documentId,
			num: n.num,
			heading: n.heading,
			text: n.text,
			deleted: n.deleted,
			footnotes: notesIn(n.text, notes),
			docOrder: n.order
		}));
		await insertRows(tx, textVersion, rows);
		versions += rows.length;
	}
	return { index, versions, splits: splits.map((s) => s.nodes) };
}

/**
 * Inserts provisions a later text adds (new in the Parliament's amendments or its position), each placed
 * after the provision it is numbered after, as an import places them, and records their ids in `index`.
 * Parents must come before children.
 */
export async function placeProvisions(
	tx: DbConnection,
	dossierId: number,
	rows: { eid: string; parentEid: string | null }[],
	index: ProvisionIndex
) {
	const fresh = rows.filter((r) => !index.ids.has(r.eid));
	const created = await createProvisions(
		tx,
		dossierId,
		fresh.map((r) => ({ ...r, where: 'seed', target: r.eid }))
	);
	for (const [eid, id] of created) index.ids.set(eid, id);
}

/**
 * Inserts provisions not yet in `index` (parents must come before children in `rows`)
 * and links each to its parent.
 */
export async function ensureProvisions(
	tx: DbConnection,
	dossierId: number,
	rows: { eid: string; parentEid: string | null; kind: ProvisionNode['kind']; sortKey: number }[],
	index: ProvisionIndex
) {
	const fresh = rows.filter((r) => !index.ids.has(r.eid));
	const inserted = await insertRows(
		tx,
		provision,
		fresh.map((r) => ({ dossierId, eid: r.eid, kind: r.kind, sortKey: r.sortKey })),
		['id', 'eid']
	);
	for (const p of inserted) index.ids.set(p.eid, p.id);
	const links = fresh
		.filter((r) => r.parentEid && index.ids.has(r.parentEid))
		.map((r) => sql`(${index.ids.get(r.eid)!}::int, ${index.ids.get(r.parentEid!)!}::int)`);
	for (const batch of chunked(links, 1000)) {
		await tx.execute(sql`
			update ${provision} set parent_id = v.parent_id
			from (values ${sql.join(batch, sql`, `)}) as v(id, parent_id)
			where ${provision.id} = v.id`);
	}
}

/** Footnote numbering runs through a whole document, so markers are looked up document-wide. */
function footnotesOf(text: RawText): Map<string, string> {
	const notes = new Map<string, string>();
	for (const item of text.items) for (const f of item.footnotes ?? []) notes.set(String(f.marker), f.text);
	return notes;
}

function notesIn(text: string, notes: Map<string, string>) {
	const found = [...text.matchAll(/\[\^([^\]]+)\]/g)].map((m) => m[1]);
	const list = [...new Set(found)].filter((m) => notes.has(m)).map((marker) => ({ marker, text: notes.get(marker)! }));
	return list.length ? list : null;
}
