import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, document } from '../db/schema';
import { resolveAgainst } from '$lib/provisions/target';
import { amendmentRecordSchema, type AmendmentRecord } from '$lib/amendments/record';
import type { ImportFormat, ImportRow, Refusal, TablingDocument } from '$lib/amendments/import-file';
import { amendmentColumns } from './detail';
import { provisionIds } from './lookups';
import { asRecord } from './export';
import { missingChain, type PlannedProvision } from './new-provisions';
import { authorResolver, type NewActor } from './import-authors';

export interface PlannedChange {
	where: string;
	number: string;
	tablingContext: string;
	/** For updates: the amendment and the fields that change. */
	id?: number;
	fields?: (keyof AmendmentRecord)[];
}

export interface ImportPlan {
	format: ImportFormat;
	created: PlannedChange[];
	updated: PlannedChange[];
	unchanged: number;
	refused: Refusal[];
	/** Provisions the file's "(new)" targets insert, which the import creates. */
	provisions: PlannedProvision[];
	/** Printed names that matched no actor: each becomes a member actor flagged "not matched". */
	newActors: NewActor[];
	/** The documents the amendments were tabled in, when the file names them; `id` when imported before. */
	documents: (TablingDocument & { id: number | null })[];
}

interface Existing {
	id: number;
	version: number;
	record: AmendmentRecord;
}

export interface Ready {
	row: ImportRow;
	record: AmendmentRecord;
	/** The target's eId; its id is known only once new provisions are created. */
	eid: string | null;
	/** Author slugs in printed order (the record keeps them sorted, to compare sets). */
	authors: string[];
	existing?: Existing;
	fields: (keyof AmendmentRecord)[];
}

const defaults: Omit<AmendmentRecord, 'tablingContext' | 'number' | 'target' | 'baseText' | 'proposedText'> = {
	provision: null,
	targetPart: 'whole',
	tabledOn: null,
	status: 'tabled',
	visibility: 'public',
	authors: [],
	deletesProvision: false,
	newProvision: false,
	justification: null,
	sources: []
};

export const keyOf = (context: string, number: string) => `${context}\u0000${number}`;

/**
 * Compares the file's rows with the dossier: what would be created, updated, left unchanged or refused (with
 * the reason), which provisions and actors the file brings in, and the document it was tabled in.
 */
export async function planImport(
	db: DbConnection,
	dossierId: number,
	file: { format: ImportFormat; rows: ImportRow[]; refused: Refusal[]; tablings?: TablingDocument[] }
): Promise<{ plan: ImportPlan; ready: Ready[] }> {
	const refused = [...file.refused];
	const [existing, provisions, resolveAuthors, tablingIds] = await Promise.all([
		existingByKey(db, dossierId, [...new Set(file.rows.map((r) => r.given.tablingContext))]),
		provisionIds(db, dossierId),
		authorResolver(db),
		Promise.all((file.tablings ?? []).map((t) => findDocument(db, dossierId, t.key)))
	]);
	const eids = new Set(provisions.keys());
	const planned: PlannedProvision[] = [];
	const seen = new Map<string, string>();
	const ready: Ready[] = [];
	for (const row of file.rows) {
		const { given } = row;
		const refuse = (reason: string) => refused.push({ line: row.line, where: row.where, number: given.number, reason });
		const key = keyOf(given.tablingContext, given.number);
		if (seen.has(key)) {
			refuse(`Amendment ${given.number} of “${given.tablingContext}” is already on ${seen.get(key)}.`);
			continue;
		}
		seen.set(key, row.where);
		const before = existing.get(key);

		let eid: string | null;
		let targetPart = given.targetPart;
		if (given.provision) {
			if (!eids.has(given.provision)) {
				refuse(`Unknown provision “${given.provision}”: no provision of this dossier has that identifier.`);
				continue;
			}
			eid = given.provision;
		} else if (before && before.record.target === given.target) {
			eid = before.record.provision;
		} else {
			const match = resolveTargetOf(given.target, eids, given.baseText || undefined);
			if (!match.resolved || !match.eid || (!eids.has(match.eid) && !match.isNew)) {
				refuse(
					`Unknown provision: the target “${given.target}” matches no provision of this dossier (give its identifier in the provision column).`
				);
				continue;
			}
			eid = match.eid;
			targetPart ??= match.part;
			for (const e of missingChain(eid, eids))
				planned.push({ eid: e, parentEid: parentOf(e), where: row.where, target: given.target });
		}
		const { slugs: authors, unknown } = resolveAuthors(given.authors ?? before?.record.authors ?? [], row.where);
		if (unknown.length) {
			refuse(
				`Unknown author${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (no actor has this identifier; write a Member’s name as printed to add someone new).`
			);
			continue;
		}
		const merged = {
			...(before?.record ?? defaults),
			...given,
			authors: [...new Set(authors)].sort(),
			provision: eid,
			...(targetPart ? { targetPart } : {})
		};
		const checked = amendmentRecordSchema.safeParse(merged);
		if (!checked.success) {
			refuse(checked.error.issues[0]?.message ?? 'Invalid row.');
			continue;
		}
		const record = checked.data as AmendmentRecord;
		const fields = before ? differences(before.record, record) : [];
		if (before && !fields.length) continue;
		ready.push({ row, record, eid, authors: [...new Set(authors)], existing: before, fields });
	}
	const change = (r: Ready): PlannedChange => ({
		where: r.row.where,
		number: r.record.number,
		tablingContext: r.record.tablingContext
	});
	const plan: ImportPlan = {
		format: file.format,
		created: ready.filter((r) => !r.existing).map(change),
		updated: ready.filter((r) => r.existing).map((r) => ({ ...change(r), id: r.existing!.id, fields: r.fields })),
		unchanged: file.rows.length - ready.length - (refused.length - file.refused.length),
		refused: refused.sort((a, b) => a.line - b.line),
		provisions: planned,
		newActors: resolveAuthors.newActors(),
		documents: (file.tablings ?? []).map((t, i) => ({ ...t, id: tablingIds[i] }))
	};
	return { plan, ready };
}

/**
 * An amendment to an article that amends another act prints that act's provision after its own target
 * ("Article 80 – paragraph 1 Regulation (EU) 2018/858 Article 5"): the target in this dossier is the part
 * before the other act's name.
 */
function resolveTargetOf(target: string, eids: Set<string>, baseText: string | undefined) {
	const match = resolveAgainst(target, eids, baseText);
	const own = target.replace(
		/\s+(Regulation|Directive|Decision)\s+(\((EU|EC|EEC|Euratom)\)\s+)?(No\s+)?\d+\/\d+.*$/,
		''
	);
	return match.resolved || own === target ? match : resolveAgainst(own, eids, baseText);
}

const parentOf = (eid: string) => (eid.includes('__') ? eid.slice(0, eid.lastIndexOf('__')) : null);

function differences(before: AmendmentRecord, after: AmendmentRecord): (keyof AmendmentRecord)[] {
	return (Object.keys(after) as (keyof AmendmentRecord)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

async function findDocument(db: DbConnection, dossierId: number, key: string): Promise<number | null> {
	const [row] = await db
		.select({ id: document.id })
		.from(document)
		.where(and(eq(document.dossierId, dossierId), eq(document.key, key)));
	return row?.id ?? null;
}

/** The dossier's amendments of the given tabling contexts, keyed by (context, number). */
async function existingByKey(db: DbConnection, dossierId: number, contexts: string[]): Promise<Map<string, Existing>> {
	const out = new Map<string, Existing>();
	if (!contexts.length) return out;
	const where = and(eq(amendment.dossierId, dossierId), inArray(amendment.tablingContext, contexts));
	const [rows, authorRows] = await Promise.all([
		db
			.select({
				...amendmentColumns,
				provisionEid: sql<
					string | null
				>`(select eid from provision where provision.id = ${amendment.targetProvisionId})`
			})
			.from(amendment)
			.where(where),
		db
			.select({ amendmentId: amendmentAuthor.amendmentId, slug: actor.slug })
			.from(amendmentAuthor)
			.innerJoin(actor, eq(actor.id, amendmentAuthor.actorId))
			.innerJoin(amendment, eq(amendment.id, amendmentAuthor.amendmentId))
			.where(where)
			.orderBy(asc(amendmentAuthor.position))
	]);
	const authors = new Map<number, string[]>();
	for (const a of authorRows) authors.set(a.amendmentId, [...(authors.get(a.amendmentId) ?? []), a.slug]);
	for (const r of rows)
		out.set(keyOf(r.tablingContext, r.number), {
			id: r.id,
			version: r.version,
			record: asRecord(r, authors.get(r.id) ?? [])
		});
	return out;
}
