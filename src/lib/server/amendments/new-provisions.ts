import { eq, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { provision } from '../db/schema';
import { parentEidOf } from '$lib/provisions/eid';
import { kindOfEid } from '$lib/provisions/kind';
import { chunked } from '../seed/batch';
import { insertRows } from '../db/bulk';

/** A provision an import creates because an amendment inserts it ("Article 5 – paragraph 1 – point d a (new)"). */
export interface PlannedProvision {
	eid: string;
	parentEid: string | null;
	/** The row that asks for it, for the dry run's list. */
	where: string;
	target: string;
}

/**
 * The provisions missing for `eid`, from its first missing ancestor down, parents first. Adds them to
 * `known`, so a later row of the same file that targets one of them (or a child) finds it.
 */
export function missingChain(eid: string, known: Set<string>): string[] {
	const chain: string[] = [];
	for (let e: string | null = eid; e && !known.has(e); e = parentEidOf(e)) chain.unshift(e);
	for (const e of chain) known.add(e);
	return chain;
}

/**
 * Inserts new provisions, each placed after the sibling it is numbered after ("d a" after "d" and its
 * points, "d b" after "d a"), as the Parliament position's reconstruction places them, or at the end of
 * its parent when it follows no sibling. When the order's gaps run out, the dossier's order is renumbered.
 * Returns the new ids by eId. `planned` must list parents before children.
 */
export async function createProvisions(
	db: DbConnection,
	dossierId: number,
	planned: PlannedProvision[]
): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	if (!planned.length) return ids;
	const rows = await db
		.select({ id: provision.id, eid: provision.eid, sortKey: provision.sortKey })
		.from(provision)
		.where(eq(provision.dossierId, dossierId));
	const order: { eid: string; sortKey: number | null; id?: number }[] = rows.sort((a, b) => a.sortKey - b.sortKey);
	const existingIds = new Map(rows.map((r) => [r.eid, r.id]));
	for (const p of planned) order.splice(insertionIndex(order, p.eid), 0, { eid: p.eid, sortKey: null });

	const renumber = !assignBetween(order);
	if (renumber) order.forEach((o, i) => (o.sortKey = (i + 1) * 10));

	const fresh = order.filter((o) => !existingIds.has(o.eid));
	const inserted = await insertRows(
		db,
		provision,
		fresh.map((o) => ({ dossierId, eid: o.eid, kind: kindOfEid(o.eid), sortKey: o.sortKey! })),
		['id', 'eid']
	);
	for (const r of inserted) ids.set(r.eid, r.id);
	const idOf = (eid: string) => ids.get(eid) ?? existingIds.get(eid);
	const parents = planned.flatMap((p) =>
		p.parentEid && idOf(p.parentEid) ? [sql`(${ids.get(p.eid)!}::int, ${idOf(p.parentEid)!}::int)`] : []
	);
	for (const batch of chunked(parents, 1000))
		await db.execute(
			sql`update ${provision} set parent_id = v.parent_id from (values ${sql.join(batch, sql`, `)}) as v(id, parent_id) where ${provision.id} = v.id`
		);
	if (renumber) {
		const keys = order
			.filter((o) => existingIds.has(o.eid))
			.map((o) => sql`(${existingIds.get(o.eid)!}::int, ${o.sortKey!}::int)`);
		for (const batch of chunked(keys, 1000))
			await db.execute(
				sql`update ${provision} set sort_key = v.sort_key from (values ${sql.join(batch, sql`, `)}) as v(id, sort_key) where ${provision.id} = v.id`
			);
	}
	return ids;
}

/** Gives each new entry a key between its neighbours'; false when some gap is too narrow. */
function assignBetween(order: { sortKey: number | null }[]): boolean {
	for (let i = 0; i < order.length; i++) {
		if (order[i].sortKey !== null) continue;
		let j = i;
		while (j < order.length && order[j].sortKey === null) j++;
		const low = i > 0 ? order[i - 1].sortKey! : 0;
		const high = j < order.length ? order[j].sortKey! : low + (j - i + 1) * 10;
		const step = (high - low) / (j - i + 1);
		// With a step of at least 1 the keys are distinct and strictly between the neighbours.
		if (step < 1) return false;
		for (let k = i; k < j; k++) order[k].sortKey = Math.floor(low + step * (k - i + 1));
		i = j;
	}
	return true;
}

/** Splits the last segment of an eId: 'point_da' → ['point', 'da']. */
function lastSegment(eid: string): [string, string] {
	const seg = eid.slice(eid.lastIndexOf('__') + 2 || 0);
	const at = seg.indexOf('_');
	return [seg.slice(0, at), seg.slice(at + 1)];
}

/** Where `eid` goes in the dossier's order. */
function insertionIndex(order: { eid: string }[], eid: string): number {
	const parent = parentEidOf(eid);
	const [prefix, num] = lastSegment(eid);
	const isSibling = (e: string) => parentEidOf(e) === parent && lastSegment(e)[0] === prefix;
	const subtreeEnd = (at: number) => {
		const root = order[at].eid;
		let end = at;
		while (end + 1 < order.length && order[end + 1].eid.startsWith(`${root}__`)) end++;
		return end + 1;
	};
	if (num.startsWith('-')) {
		// "-57 a" is inserted before Article 57.
		const before = order.findIndex(
			(o) => isSibling(o.eid) && lastSegment(o.eid)[1] === num.slice(1).replace(/[a-z]+$/, '')
		);
		if (before >= 0) return before;
	}
	// The sibling it is numbered after: the last one whose number it extends by letters and which sorts before
	// it ('4d' after '4' and '4c'). '19' does not extend '1': digits are a number of their own.
	for (let k = num.length - 1; k > 0; k--) {
		if (!/^[a-z]+$/.test(num.slice(k))) continue;
		const stem = num.slice(0, k);
		let at = -1;
		order.forEach((o, i) => {
			if (!isSibling(o.eid)) return;
			const n = lastSegment(o.eid)[1];
			// '4' and '4c' extend '4' (so '4d' follows them); '40' does not.
			if (n.startsWith(stem) && /^[a-z]*$/.test(n.slice(stem.length)) && n < num) at = i;
		});
		if (at >= 0) return subtreeEnd(at);
	}
	// A number of its own goes after the last sibling with a lower number (Article 10 after Article 9), so a
	// text imported into a dossier that has none of its provisions keeps its own order.
	const number = leadingNumber(num);
	if (number !== null) {
		let at = -1;
		order.forEach((o, i) => {
			if (!isSibling(o.eid)) return;
			const n = leadingNumber(lastSegment(o.eid)[1]);
			if (n !== null && n < number) at = i;
		});
		if (at >= 0) return subtreeEnd(at);
	}
	// Otherwise at the end of its parent (or of the document).
	if (parent) {
		const at = order.findIndex((o) => o.eid === parent);
		if (at >= 0) return subtreeEnd(at);
	}
	return order.length;
}

/** '19' → 19, '4b' → 4; null for letters ('d', 'iv'), whose order is not numeric. */
function leadingNumber(num: string): number | null {
	const m = /^(\d+)/.exec(num);
	return m ? Number(m[1]) : null;
}
