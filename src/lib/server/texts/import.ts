import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { textVersion } from '../db/schema';
import { audit } from '../audit';
import { councilDocumentKey, type CouncilNode, type NodeMarks } from '$lib/texts/council';
import { readCouncilText, type ReadText } from '$lib/texts/read-council-text';
import { createProvisions, missingChain, type PlannedProvision } from '../amendments/new-provisions';
import { provisionIds } from '../amendments/lookups';
import { findTextDocument, insertTextDocument, linkToBaseText, type TextDocumentInput } from './documents';
import { insertRows } from '../db/bulk';

export interface TextImportPlan {
	document: TextDocumentInput & { id: number | null; previous: { id: number; title: string } | null };
	/** Provisions of this text the dossier does not have yet (the Council's Article 4b…). */
	provisions: PlannedProvision[];
	versions: { created: number; updated: string[]; unchanged: number };
	warnings: string[];
}

export type TextImportResult = { ok: false; error: string } | { ok: true; applied: boolean; plan: TextImportPlan };

export interface TextImportOptions {
	dryRun: boolean;
	userId: number | null;
	fileName: string;
	/** The dossier's procedure: a document of another is refused. */
	procedure: string;
}

export type { ReadText };

// The last few files read, by content: the import an editor confirms after a dry run sends the same bytes
// again, and reading a Council text takes about half a second of CPU. Entries are never modified.
const RECENT = 4;
const recent = new Map<string, ReadText>();

/**
 * Reads a Council compromise text (Word) and splits it with the splitter the seed uses. A file read moments
 * ago (same bytes, name and procedure: the dry run before an import) is not read again; `remember: false`
 * (the seed, which reads each file once) neither looks nor keeps.
 */
export function readTextDocument(
	bytes: Uint8Array,
	options: Pick<TextImportOptions, 'fileName' | 'procedure'>,
	remember = true
): ReadText {
	if (!remember) return readCouncilText(bytes, options);
	const key = `${createHash('sha256').update(bytes).digest('hex')} ${options.procedure} ${options.fileName}`;
	const hit = recent.get(key);
	recent.delete(key);
	const read = hit ?? readCouncilText(bytes, options);
	recent.set(key, read);
	if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
	return read;
}

/**
 * Imports a Council compromise text (Word) as a text of the dossier: its provisions split with the splitter
 * the seed uses, each text version with the document's own change marks, the document linked to the one it
 * revises and to the Commission proposal by lineage, and a timeline event. A dry run is the plan alone. One
 * transaction, all or nothing; importing the same file again changes nothing.
 */
export async function importTextDocument(
	db: DbConnection,
	dossierId: number,
	bytes: Uint8Array,
	options: TextImportOptions
): Promise<TextImportResult> {
	const read = readTextDocument(bytes, options);
	return read.ok ? importReadText(db, dossierId, read, options) : read;
}

/** The import of a text already read (the seed reads the Council texts ahead, while the database is made). */
export async function importReadText(
	db: DbConnection,
	dossierId: number,
	read: Extract<ReadText, { ok: true }>,
	options: TextImportOptions
): Promise<TextImportResult> {
	const { cover, nodes } = read;
	return db.transaction(async (tx) => {
		const input = { ...councilDocumentKey(cover, options.fileName), fileName: options.fileName };
		const { plan, existing } = await planText(tx, dossierId, input, nodes, [...read.warnings]);
		if (options.dryRun) return { ok: true, applied: false, plan };
		await applyText(tx, dossierId, plan, nodes, existing);
		await audit(tx, {
			userId: options.userId,
			action: 'document.import',
			entityType: 'dossier',
			entityId: dossierId,
			details: {
				file: options.fileName,
				reference: plan.document.officialReference,
				provisions: plan.provisions.length,
				versions: plan.versions
			}
		});
		return { ok: true, applied: true, plan };
	});
}

/** Marks compared by content: jsonb keeps an object's keys in its own order, not in the order they were written. */
const marksKey = (m: NodeMarks | null | undefined) => JSON.stringify(m ? [m.added, m.deleted, m.changed] : null);

type ExistingVersions = Map<string, { id: number; text: string; marks: unknown }>;

async function planText(
	db: DbConnection,
	dossierId: number,
	input: TextDocumentInput,
	nodes: CouncilNode[],
	warnings: string[]
) {
	const found = await findTextDocument(db, dossierId, input);
	const provisions = await provisionIds(db, dossierId);
	const known = new Set(provisions.keys());
	const planned: PlannedProvision[] = [];
	for (const n of nodes)
		for (const eid of missingChain(n.eid, known))
			planned.push({
				eid,
				parentEid: eid.includes('__') ? eid.slice(0, eid.lastIndexOf('__')) : null,
				where: n.num ?? eid,
				target: n.heading ?? n.eid
			});

	const existing: ExistingVersions = new Map();
	if (found.id) {
		const rows = await db
			.select({
				id: textVersion.id,
				provisionId: textVersion.provisionId,
				text: textVersion.text,
				marks: textVersion.marks
			})
			.from(textVersion)
			.where(eq(textVersion.documentId, found.id));
		const eidOf = new Map([...provisions].map(([eid, id]) => [id, eid]));
		for (const r of rows) existing.set(eidOf.get(r.provisionId)!, r);
	}
	const updated: string[] = [];
	let created = 0;
	for (const n of nodes) {
		const before = existing.get(n.eid);
		if (!before) created++;
		else if (before.text !== n.text || marksKey(before.marks as NodeMarks | null) !== marksKey(n.marks))
			updated.push(n.eid);
	}
	const plan: TextImportPlan = {
		document: { ...input, id: found.id, previous: found.previous },
		provisions: planned,
		versions: { created, updated, unchanged: nodes.length - created - updated.length },
		warnings
	};
	return { plan, existing };
}

async function applyText(
	db: DbConnection,
	dossierId: number,
	plan: TextImportPlan,
	nodes: CouncilNode[],
	existing: ExistingVersions
) {
	const documentId =
		plan.document.id ?? (await insertTextDocument(db, dossierId, plan.document, plan.document.previous?.id ?? null));
	await createProvisions(db, dossierId, plan.provisions);
	const ids = await provisionIds(db, dossierId);
	const fresh = nodes.filter((n) => !existing.has(n.eid));
	const row = (n: CouncilNode) => ({
		provisionId: ids.get(n.eid)!,
		documentId,
		num: n.num,
		heading: n.heading,
		text: n.text,
		deleted: n.deleted,
		footnotes: n.footnotes,
		docOrder: n.order,
		marks: n.marks
	});
	await insertRows(db, textVersion, fresh.map(row));
	const changed = new Set(plan.versions.updated);
	for (const n of nodes.filter((n) => changed.has(n.eid))) {
		const { text, num, heading, footnotes, marks, deleted } = row(n);
		await db
			.update(textVersion)
			.set({ text, num, heading, footnotes, marks, deleted, updatedAt: new Date() })
			.where(eq(textVersion.id, existing.get(n.eid)!.id));
	}
	if (!plan.document.id) await linkToBaseText(db, dossierId, documentId, plan.document.previous?.id ?? null);
	// Provisions this text no longer has are left as they are: a re-import never deletes text.
}
