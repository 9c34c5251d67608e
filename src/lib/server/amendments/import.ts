import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, amendmentStatusChange, document, provision } from '../db/schema';
import { audit } from '../audit';
import type { AmendmentRecord } from '$lib/amendments/record';
import { parseImportFile, type EpFileDefaults, type ParsedImportFile } from '$lib/amendments/import-file';
import { parseAmendmentPdf } from '$lib/amendments/import-pdf';
import { chunked } from '../seed/batch';
import { amendmentColumnsOf, setAuthors } from './lookups';
import { keyOf, planImport, type ImportPlan, type Ready } from './import-plan';
import { createProvisions } from './new-provisions';
import { insertRows } from '../db/bulk';

export type { ImportPlan, PlannedChange } from './import-plan';

export type ImportResult = { ok: false; error: string } | { ok: true; applied: boolean; plan: ImportPlan };

export interface ImportOptions {
	dryRun: boolean;
	/** Who imports; null for the seed. */
	userId: number | null;
	fileName: string;
	/** How rows of the Parliament's JSON file are filed. */
	ep: EpFileDefaults;
	/** The dossier's procedure ('2021/0106(COD)'): a PDF of another procedure is refused. */
	procedure?: string;
}

/**
 * Reads an uploaded file by what it is: a PDF is a Parliament committee amendment document, anything else
 * CSV or JSON. File-level problems are an `error`; a row that cannot be read is a refusal with its place.
 */
export async function readImportFile(
	bytes: Uint8Array,
	options: Pick<ImportOptions, 'fileName' | 'ep' | 'procedure'>
): Promise<ParsedImportFile> {
	const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
	if (isPdf || /\.pdf$/i.test(options.fileName))
		return parseAmendmentPdf(bytes, options.fileName, { procedure: options.procedure });
	return parseImportFile(bytes, options.ep);
}

/**
 * Imports a file of amendments into a dossier. A dry run reports what would be created, updated and
 * refused (and which provisions and actors the file brings in) and changes nothing. The real run is one
 * transaction and all or nothing: when any row is refused, nothing is written. Rows are matched to
 * amendments by (tabling context, number), so importing the same file again changes nothing.
 */
export async function importAmendments(
	db: DbConnection,
	dossierId: number,
	bytes: Uint8Array,
	options: ImportOptions
): Promise<ImportResult> {
	const parsed = await readImportFile(bytes, options);
	if (!parsed.ok) return parsed;
	return importParsed(db, dossierId, parsed, options);
}

/** The import of a file already read (the seed and the benchmark read once, then plan and apply). */
export async function importParsed(
	db: DbConnection,
	dossierId: number,
	parsed: Extract<ParsedImportFile, { ok: true }>,
	options: Pick<ImportOptions, 'dryRun' | 'userId' | 'fileName'>
): Promise<ImportResult> {
	try {
		return await db.transaction(async (tx) => {
			const { plan, ready } = await planImport(tx, dossierId, parsed);
			if (options.dryRun || plan.refused.length) return { ok: true, applied: false, plan };
			await applyImport(tx, dossierId, plan, ready, options.userId);
			await flushSearchIndex(tx);
			await audit(tx, {
				userId: options.userId,
				action: 'amendment.import',
				entityType: 'dossier',
				entityId: dossierId,
				details: {
					file: options.fileName,
					format: plan.format,
					documents: plan.documents.map((d) => d.officialReference),
					created: plan.created.length,
					updated: plan.updated.map((u) => ({ id: u.id, fields: u.fields })),
					unchanged: plan.unchanged,
					provisions: plan.provisions.map((p) => p.eid),
					newActors: plan.newActors.map((a) => a.slug)
				}
			});
			return { ok: true, applied: true, plan };
		});
	} catch (e) {
		if (e instanceof ImportConflict) return { ok: false, error: e.message };
		throw e;
	}
}

function columnsOf(r: AmendmentRecord, provisionId: number | null) {
	return { ...amendmentColumnsOf(r, provisionId), status: r.status };
}

/** The status history starts with the imported status; its date is known only for a tabling. */
const statusDate = (r: AmendmentRecord) => (r.status === 'tabled' ? r.tabledOn : null);

async function applyImport(
	db: DbConnection,
	dossierId: number,
	plan: ImportPlan,
	ready: Ready[],
	userId: number | null
): Promise<void> {
	const documentIds: (number | null)[] = [];
	for (const t of plan.documents) documentIds.push(await ensureTablingDocument(db, dossierId, t));
	const documentOf = (r: Ready) => (r.row.tabling === undefined ? null : (documentIds[r.row.tabling] ?? null));
	if (plan.newActors.length)
		await db
			.insert(actor)
			.values(plan.newActors.map((a) => ({ kind: 'member' as const, slug: a.slug, name: a.name, unmatched: true })));
	await createProvisions(db, dossierId, plan.provisions);
	const slugs = [...new Set(ready.flatMap((r) => r.authors))];
	const [actorRows, provisionRows] = await Promise.all([
		slugs.length ? db.select({ id: actor.id, slug: actor.slug }).from(actor).where(inArray(actor.slug, slugs)) : [],
		lookupProvisions(db, dossierId, ready)
	]);
	const actorId = new Map(actorRows.map((a) => [a.slug, a.id]));
	const provisionOf = (r: Ready) => (r.eid ? (provisionRows.get(r.eid) ?? null) : null);
	const authorIds = (r: Ready) => r.authors.map((s) => actorId.get(s)!);

	const creates = ready.filter((r) => !r.existing);
	const ids = await insertRows(
		db,
		amendment,
		creates.map((r) => ({
			dossierId,
			documentId: documentOf(r),
			...columnsOf(r.record, provisionOf(r)),
			createdBy: userId
		})),
		['id', 'tablingContext', 'number']
	);
	const idOf = new Map(ids.map((i) => [keyOf(i.tablingContext, i.number), i.id]));
	const created = (r: Ready) => idOf.get(keyOf(r.record.tablingContext, r.record.number))!;
	await insertRows(
		db,
		amendmentAuthor,
		creates.flatMap((r) => authorIds(r).map((actorId, position) => ({ amendmentId: created(r), actorId, position })))
	);
	await insertRows(
		db,
		amendmentStatusChange,
		creates.map((r) => ({
			amendmentId: created(r),
			status: r.record.status,
			date: statusDate(r.record),
			note: 'Imported',
			changedBy: userId
		}))
	);
	for (const r of ready.filter((r) => r.existing)) {
		const before = r.existing!;
		const updated = await db
			.update(amendment)
			.set({
				...columnsOf(r.record, provisionOf(r)),
				...(documentOf(r) ? { documentId: documentOf(r) } : {}),
				version: sql`${amendment.version} + 1`,
				updatedAt: new Date()
			})
			.where(and(eq(amendment.id, before.id), eq(amendment.version, before.version)))
			.returning({ id: amendment.id });
		if (!updated.length) throw new ImportConflict(r.record.number);
		if (r.fields.includes('authors')) await setAuthors(db, before.id, authorIds(r));
		if (r.fields.includes('status'))
			await db.insert(amendmentStatusChange).values({
				amendmentId: before.id,
				status: r.record.status,
				date: statusDate(r.record),
				note: 'Set by import',
				changedBy: userId
			});
	}
}

/** eId → id of the provisions the rows target, new ones included. */
async function lookupProvisions(db: DbConnection, dossierId: number, ready: Ready[]): Promise<Map<string, number>> {
	const eids = [...new Set(ready.flatMap((r) => (r.eid ? [r.eid] : [])))];
	const out = new Map<string, number>();
	for (const batch of chunked(eids, 5000)) {
		const rows = await db
			.select({ id: provision.id, eid: provision.eid })
			.from(provision)
			.where(and(eq(provision.dossierId, dossierId), inArray(provision.eid, batch)));
		for (const r of rows) out.set(r.eid, r.id);
	}
	return out;
}

/** The committee document the amendments were tabled in: a document of the dossier, issued by the committee. */
async function ensureTablingDocument(
	db: DbConnection,
	dossierId: number,
	t: ImportPlan['documents'][number]
): Promise<number> {
	if (t.id) return t.id;
	const committeeSlug = `ep-${t.committee.toLowerCase()}`;
	let [committee] = await db.select({ id: actor.id }).from(actor).where(eq(actor.slug, committeeSlug));
	if (!committee) {
		const [parliament] = await db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'european-parliament'));
		[committee] = await db
			.insert(actor)
			.values({
				kind: 'committee',
				slug: committeeSlug,
				name: `${t.committeeName} (${t.committee})`,
				parentId: parliament?.id ?? null
			})
			.returning({ id: actor.id });
	}
	const [{ sortOrder }] = await db
		.select({ sortOrder: sql<number>`coalesce(max(${document.sortOrder}), 0) + 1` })
		.from(document)
		.where(eq(document.dossierId, dossierId));
	const [row] = await db
		.insert(document)
		.values({
			dossierId,
			key: t.key,
			kind: 'ep_committee_amendments',
			title: t.title,
			shortTitle: t.shortTitle,
			officialReference: t.officialReference,
			date: t.date,
			sortOrder,
			provenance: t.provenance,
			actorId: committee.id
		})
		.returning({ id: document.id });
	return row.id;
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
