import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, amendmentStatusChange } from '../db/schema';
import { audit } from '../audit';
import { resolveAgainst } from '$lib/provisions/target';
import { amendmentRecordSchema, type AmendmentRecord } from '$lib/amendments/record';
import { parseImportFile, type EpFileDefaults, type ImportRow, type Refusal } from '$lib/amendments/import-file';
import { chunked } from '../seed/batch';
import { amendmentColumns } from './detail';
import { allActorIds, provisionIds } from './lookups';
import { asRecord } from './export';

export interface PlannedChange {
	where: string;
	number: string;
	tablingContext: string;
	/** For updates: the amendment and the fields that change. */
	id?: number;
	fields?: (keyof AmendmentRecord)[];
}

export interface ImportPlan {
	format: 'csv' | 'json' | 'ep-json';
	created: PlannedChange[];
	updated: PlannedChange[];
	unchanged: number;
	refused: Refusal[];
}

export type ImportResult = { ok: false; error: string } | { ok: true; applied: boolean; plan: ImportPlan };

interface Existing {
	id: number;
	version: number;
	record: AmendmentRecord;
}

interface Ready {
	row: ImportRow;
	record: AmendmentRecord;
	provisionId: number | null;
	actorIds: number[];
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

const keyOf = (context: string, number: string) => `${context}\u0000${number}`;

/**
 * Imports a file of amendments into a dossier. A dry run reports what would be created, updated and
 * refused and changes nothing. The real run is one transaction and all or nothing: when any row is
 * refused, nothing is written. Rows are matched to amendments by (tabling context, number), so importing
 * the same file again changes nothing.
 */
export async function importAmendments(
	db: Database,
	dossierId: number,
	bytes: Uint8Array,
	options: { dryRun: boolean; userId: number; fileName: string; ep: EpFileDefaults }
): Promise<ImportResult> {
	const parsed = parseImportFile(bytes, options.ep);
	if (!parsed.ok) return parsed;
	try {
		return await runImport(db, dossierId, parsed, options);
	} catch (e) {
		if (e instanceof ImportConflict) return { ok: false, error: e.message };
		throw e;
	}
}

async function runImport(
	db: Database,
	dossierId: number,
	parsed: Extract<ReturnType<typeof parseImportFile>, { ok: true }>,
	options: { dryRun: boolean; userId: number; fileName: string }
): Promise<ImportResult> {
	return db.transaction(async (tx) => {
		const { plan, ready } = await planImport(tx, dossierId, parsed.format, parsed.rows, parsed.refused);
		if (options.dryRun || plan.refused.length) return { ok: true, applied: false, plan };
		await applyImport(tx, dossierId, ready, options.userId);
		await flushSearchIndex(tx);
		await audit(tx, {
			userId: options.userId,
			action: 'amendment.import',
			entityType: 'dossier',
			entityId: dossierId,
			details: {
				file: options.fileName,
				format: plan.format,
				created: plan.created.length,
				updated: plan.updated.map((u) => ({ id: u.id, fields: u.fields })),
				unchanged: plan.unchanged
			}
		});
		return { ok: true, applied: true, plan };
	});
}

async function planImport(db: DbConnection, dossierId: number, format: ImportPlan['format'], rows: ImportRow[], refusedByFile: Refusal[]) {
	const refused = [...refusedByFile];
	const [existing, provisions, actors] = await Promise.all([
		existingByKey(db, dossierId, [...new Set(rows.map((r) => r.given.tablingContext))]),
		provisionIds(db, dossierId),
		allActorIds(db)
	]);
	const eids = new Set(provisions.keys());
	const seen = new Map<string, string>();
	const ready: Ready[] = [];
	for (const row of rows) {
		const { given } = row;
		const refuse = (reason: string) => refused.push({ line: row.line, where: row.where, number: given.number, reason });
		const key = keyOf(given.tablingContext, given.number);
		if (seen.has(key)) {
			refuse(`Amendment ${given.number} of “${given.tablingContext}” is already on ${seen.get(key)}.`);
			continue;
		}
		seen.set(key, row.where);
		const before = existing.get(key);

		let eid: string | null = null;
		let targetPart = given.targetPart;
		if (given.provision) {
			if (!provisions.has(given.provision)) {
				refuse(`Unknown provision “${given.provision}”: no provision of this dossier has that identifier.`);
				continue;
			}
			eid = given.provision;
		} else if (before && before.record.target === given.target) {
			eid = before.record.provision;
		} else {
			const match = resolveAgainst(given.target, eids, given.baseText || undefined);
			if (!match.resolved || !match.eid || !provisions.has(match.eid)) {
				refuse(`Unknown provision: the target “${given.target}” matches no provision of this dossier (give its identifier in the provision column).`);
				continue;
			}
			eid = match.eid;
			targetPart ??= match.part;
		}
		const unknownActors = (given.authors ?? []).filter((s) => !actors.has(s));
		if (unknownActors.length) {
			refuse(`Unknown author${unknownActors.length > 1 ? 's' : ''}: ${unknownActors.join(', ')}.`);
			continue;
		}
		const merged = { ...(before?.record ?? defaults), ...given, provision: eid, ...(targetPart ? { targetPart } : {}) };
		const checked = amendmentRecordSchema.safeParse(merged);
		if (!checked.success) {
			refuse(checked.error.issues[0]?.message ?? 'Invalid row.');
			continue;
		}
		const record = { ...checked.data, authors: [...checked.data.authors].sort() } as AmendmentRecord;
		const fields = before ? differences(before.record, record) : [];
		if (before && !fields.length) continue;
		ready.push({ row, record, provisionId: eid ? provisions.get(eid)! : null, actorIds: record.authors.map((s) => actors.get(s)!), existing: before, fields });
	}
	const change = (r: Ready): PlannedChange => ({ where: r.row.where, number: r.record.number, tablingContext: r.record.tablingContext });
	const plan: ImportPlan = {
		format,
		created: ready.filter((r) => !r.existing).map(change),
		updated: ready.filter((r) => r.existing).map((r) => ({ ...change(r), id: r.existing!.id, fields: r.fields })),
		unchanged: rows.length - ready.length - (refused.length - refusedByFile.length),
		refused: refused.sort((a, b) => a.line - b.line)
	};
	return { plan, ready };
}

function differences(before: AmendmentRecord, after: AmendmentRecord): (keyof AmendmentRecord)[] {
	return (Object.keys(after) as (keyof AmendmentRecord)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
	);
}

/** The dossier's amendments of the given tabling contexts, keyed by (context, number). */
async function existingByKey(db: DbConnection, dossierId: number, contexts: string[]): Promise<Map<string, Existing>> {
	const out = new Map<string, Existing>();
	if (!contexts.length) return out;
	const where = and(eq(amendment.dossierId, dossierId), inArray(amendment.tablingContext, contexts));
	const [rows, authorRows] = await Promise.all([
		db
			.select({ ...amendmentColumns, provisionEid: sql<string | null>`(select eid from provision where provision.id = ${amendment.targetProvisionId})` })
			.from(amendment)
			.where(where),
		db
			.select({ amendmentId: amendmentAuthor.amendmentId, slug: actor.slug })
			.from(amendmentAuthor)
			.innerJoin(actor, eq(actor.id, amendmentAuthor.actorId))
			.innerJoin(amendment, eq(amendment.id, amendmentAuthor.amendmentId))
			.where(where)
	]);
	const authors = new Map<number, string[]>();
	for (const a of authorRows) authors.set(a.amendmentId, [...(authors.get(a.amendmentId) ?? []), a.slug]);
	for (const r of rows) {
		out.set(keyOf(r.tablingContext, r.number), {
			id: r.id,
			version: r.version,
			record: asRecord(r, authors.get(r.id) ?? [])
		});
	}
	return out;
}

function columnsOf(r: AmendmentRecord, provisionId: number | null) {
	return {
		number: r.number,
		tablingContext: r.tablingContext,
		tabledOn: r.tabledOn,
		targetProvisionId: provisionId,
		targetLabel: r.target,
		targetPart: r.targetPart,
		baseText: r.baseText,
		proposedText: r.proposedText,
		deletesProvision: r.deletesProvision,
		newProvision: r.newProvision,
		justification: r.justification,
		status: r.status,
		visibility: r.visibility,
		sources: r.sources
	};
}

/** The status history starts with the imported status; its date is known only for a tabling. */
const statusDate = (r: AmendmentRecord) => (r.status === 'tabled' ? r.tabledOn : null);

async function applyImport(db: DbConnection, dossierId: number, ready: Ready[], userId: number): Promise<void> {
	const creates = ready.filter((r) => !r.existing);
	for (const batch of chunked(creates, 400)) {
		const ids = await db
			.insert(amendment)
			.values(batch.map((r) => ({ dossierId, ...columnsOf(r.record, r.provisionId), createdBy: userId })))
			.returning({ id: amendment.id, tablingContext: amendment.tablingContext, number: amendment.number });
		const idOf = new Map(ids.map((i) => [keyOf(i.tablingContext, i.number), i.id]));
		const authorRows = batch.flatMap((r) => [...new Set(r.actorIds)].map((actorId) => ({ amendmentId: idOf.get(keyOf(r.record.tablingContext, r.record.number))!, actorId })));
		for (const chunk of chunked(authorRows, 5000)) await db.insert(amendmentAuthor).values(chunk);
		await db.insert(amendmentStatusChange).values(
			batch.map((r) => ({ amendmentId: idOf.get(keyOf(r.record.tablingContext, r.record.number))!, status: r.record.status, date: statusDate(r.record), note: 'Imported', changedBy: userId }))
		);
	}
	for (const r of ready.filter((r) => r.existing)) {
		const before = r.existing!;
		const updated = await db
			.update(amendment)
			.set({ ...columnsOf(r.record, r.provisionId), version: sql`${amendment.version} + 1`, updatedAt: new Date() })
			.where(and(eq(amendment.id, before.id), eq(amendment.version, before.version)))
			.returning({ id: amendment.id });
		if (!updated.length) throw new ImportConflict(r.record.number);
		if (r.fields.includes('authors')) {
			await db.delete(amendmentAuthor).where(eq(amendmentAuthor.amendmentId, before.id));
			const unique = [...new Set(r.actorIds)];
			if (unique.length) await db.insert(amendmentAuthor).values(unique.map((actorId) => ({ amendmentId: before.id, actorId })));
		}
		if (r.fields.includes('status'))
			await db.insert(amendmentStatusChange).values({ amendmentId: before.id, status: r.record.status, date: statusDate(r.record), note: 'Set by import', changedBy: userId });
	}
}

/**
 * Merges the search index's pending list now rather than leaving it for searches to scan. Optional: a
 * database role that may not do it just skips it (inside a savepoint, so the import goes on).
 */
async function flushSearchIndex(db: DbConnection): Promise<void> {
	try {
		await db.transaction((sp) => sp.execute(sql`select gin_clean_pending_list('amendment_search_idx'::regclass)`));
	} catch {
		// The next VACUUM (or the pending list filling up) merges it.
	}
}

/** Someone saved an amendment while the import ran; the transaction rolls back. */
export class ImportConflict extends Error {
	constructor(number: string) {
		super(`Amendment ${number} was changed by someone else during the import; nothing was imported. Try again.`);
	}
}
