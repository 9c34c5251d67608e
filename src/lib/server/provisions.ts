import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbConnection } from './db';
import { document, provision, textVersion } from './db/schema';
import { documentNotice, type DocumentNotice } from '$lib/documents/notice';

export type Provision = typeof provision.$inferSelect;

export interface ProvisionVersion {
	documentKey: string;
	documentTitle: string;
	documentKind: string;
	officialReference: string;
	url: string | null;
	date: string | null;
	num: string | null;
	heading: string | null;
	text: string;
	deleted: boolean;
	footnotes: { marker: string; text: string }[] | null;
	/** Not an official text (an unofficial consolidation). */
	notice: DocumentNotice | null;
}

export interface ProvisionChild {
	eid: string;
	kind: Provision['kind'];
	/** The child's label in the latest document that has it. */
	num: string | null;
	heading: string | null;
}

export interface ProvisionPage {
	provision: Provision;
	parent: { eid: string } | undefined;
	versions: ProvisionVersion[];
	children: ProvisionChild[];
}

/** A provision with its text in every document that has it (in document order) and its direct parts. */
export async function getProvisionPage(
	db: DbConnection,
	dossierId: number,
	eid: string
): Promise<ProvisionPage | undefined> {
	const [row] = await db
		.select()
		.from(provision)
		.where(and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)));
	if (!row) return undefined;

	const [rows, children, parent] = await Promise.all([
		db
			.select({
				provenance: document.provenance,
				documentKey: document.key,
				documentTitle: document.title,
				documentKind: document.kind,
				officialReference: document.officialReference,
				url: document.url,
				date: document.date,
				num: textVersion.num,
				heading: textVersion.heading,
				text: textVersion.text,
				deleted: textVersion.deleted,
				footnotes: textVersion.footnotes
			})
			.from(textVersion)
			.innerJoin(document, eq(document.id, textVersion.documentId))
			.where(eq(textVersion.provisionId, row.id))
			.orderBy(asc(document.sortOrder)),
		db.select().from(provision).where(eq(provision.parentId, row.id)).orderBy(asc(provision.sortKey)),
		row.parentId
			? db
					.select({ eid: provision.eid })
					.from(provision)
					.where(eq(provision.id, row.parentId))
					.then((r) => r[0])
			: Promise.resolve(undefined)
	]);

	const versions = rows.map(({ provenance, ...v }) => ({
		...v,
		notice: documentNotice({ kind: v.documentKind, provenance })
	}));
	const labels = children.length
		? await db
				.select({
					provisionId: textVersion.provisionId,
					num: textVersion.num,
					heading: textVersion.heading,
					order: document.sortOrder
				})
				.from(textVersion)
				.innerJoin(document, eq(document.id, textVersion.documentId))
				.where(
					inArray(
						textVersion.provisionId,
						children.map((c) => c.id)
					)
				)
		: [];
	const latest = new Map<number, { num: string | null; heading: string | null; order: number }>();
	for (const l of labels) if ((latest.get(l.provisionId)?.order ?? -1) < l.order) latest.set(l.provisionId, l);

	return {
		provision: row,
		parent,
		versions,
		children: children.map((c) => ({
			eid: c.eid,
			kind: c.kind,
			num: latest.get(c.id)?.num ?? null,
			heading: latest.get(c.id)?.heading ?? null
		}))
	};
}

/** Top-level provisions (citations, recitals, articles, annexes) with their label in the latest document. */
export async function listTopLevel(db: DbConnection, dossierId: number) {
	const rows = await db
		.select({
			eid: provision.eid,
			kind: provision.kind,
			num: textVersion.num,
			heading: textVersion.heading,
			order: document.sortOrder,
			sortKey: provision.sortKey
		})
		.from(provision)
		.innerJoin(textVersion, eq(textVersion.provisionId, provision.id))
		.innerJoin(document, eq(document.id, textVersion.documentId))
		.where(and(eq(provision.dossierId, dossierId), inArray(provision.kind, ['article', 'annex', 'recital'])))
		.orderBy(asc(provision.sortKey), asc(document.sortOrder));
	const byEid = new Map<string, (typeof rows)[number]>();
	for (const r of rows) byEid.set(r.eid, r);
	return [...byEid.values()];
}
