import { aliasedTable, and, eq, inArray, or } from 'drizzle-orm';
import type { DbConnection } from './db';
import { document, provision, provisionLink, textVersion, user } from './db/schema';
import { audit } from './audit';
import type { LineageNode } from '../lineage/match';
import { findVersion, listTextDocuments, selectVersions, type CompareDocument, type Version } from './compare';

/** Every text version of these documents as the lineage matcher reads it, with the document it belongs to. */
export async function lineageNodes(
	db: DbConnection,
	documentIds: number[]
): Promise<(LineageNode & { documentId: number })[]> {
	return db
		.select({
			id: textVersion.id,
			documentId: textVersion.documentId,
			eid: provision.eid,
			kind: provision.kind,
			text: textVersion.text,
			heading: textVersion.heading,
			deleted: textVersion.deleted
		})
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.where(inArray(textVersion.documentId, documentIds));
}

export interface LinkView {
	id: number;
	method: string;
	similarity: number | null;
	note: string | null;
	createdBy: string | null;
	/** This version is the link's `from` (the other is a later text) or its `to`. */
	direction: 'to' | 'from';
	other: { versionId: number; documentKey: string; documentTitle: string; eid: string; num: string | null };
}

export interface LineageView {
	documents: CompareDocument[];
	versions: (Version & { links: LinkView[] })[];
}

/** A provision's versions in every text, each with its links to other texts. */
export async function provisionLineage(
	db: DbConnection,
	dossierId: number,
	eid: string
): Promise<LineageView | undefined> {
	const documents = await listTextDocuments(db, dossierId);
	const versions = await selectVersions(db, and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)));
	if (versions.length === 0) return undefined;
	const ids = versions.map((v) => v.id);
	const other = aliasedTable(textVersion, 'other');
	const otherProvision = aliasedTable(provision, 'other_provision');
	const rows = await db
		.select({
			id: provisionLink.id,
			fromVersionId: provisionLink.fromVersionId,
			toVersionId: provisionLink.toVersionId,
			method: provisionLink.method,
			similarity: provisionLink.similarity,
			note: provisionLink.note,
			createdBy: user.name,
			otherId: other.id,
			otherEid: otherProvision.eid,
			otherNum: other.num,
			documentKey: document.key,
			documentTitle: document.title
		})
		.from(provisionLink)
		.innerJoin(
			other,
			or(
				and(inArray(provisionLink.fromVersionId, ids), eq(other.id, provisionLink.toVersionId)),
				and(inArray(provisionLink.toVersionId, ids), eq(other.id, provisionLink.fromVersionId))
			)
		)
		.innerJoin(otherProvision, eq(otherProvision.id, other.provisionId))
		.innerJoin(document, eq(document.id, other.documentId))
		.leftJoin(user, eq(user.id, provisionLink.createdBy));
	const order = new Map(documents.map((d, i) => [d.id, i]));
	return {
		documents,
		versions: versions
			.sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0))
			.map((v) => ({
				...v,
				links: rows
					.filter(
						(r) =>
							(r.fromVersionId === v.id && r.otherId === r.toVersionId) ||
							(r.toVersionId === v.id && r.otherId === r.fromVersionId)
					)
					.map((r) => ({
						id: r.id,
						method: r.method,
						similarity: r.similarity,
						note: r.note,
						createdBy: r.createdBy,
						direction: r.fromVersionId === v.id ? ('to' as const) : ('from' as const),
						other: {
							versionId: r.otherId,
							documentKey: r.documentKey,
							documentTitle: r.documentTitle,
							eid: r.otherEid,
							num: r.otherNum
						}
					}))
			}))
	};
}

export type LinkChange = { ok: true } | { ok: false; field: string; message: string };

/**
 * An editor's correction: the counterpart of one version in another text is `toEid`. Replaces whatever
 * linked the two texts for this version (in either direction) with one manual link, earlier text first,
 * and records the change in the audit log, in one transaction.
 */
export async function correctLink(
	db: DbConnection,
	userId: number,
	input: { dossierId: number; versionId: number; toDocumentId: number; toEid: string; note: string }
): Promise<LinkChange> {
	return db.transaction(async (tx) => {
		const [version] = await selectVersions(
			tx,
			and(eq(textVersion.id, input.versionId), eq(provision.dossierId, input.dossierId))
		);
		if (!version) return { ok: false, field: 'versionId', message: 'That text version does not exist.' };
		if (version.documentId === input.toDocumentId)
			return { ok: false, field: 'toDocument', message: 'Choose another text than the one this version is in.' };
		const target = await findVersion(tx, input.dossierId, input.toDocumentId, input.toEid);
		if (!target) return { ok: false, field: 'toEid', message: `The chosen text has no provision ${input.toEid}.` };

		const documents = await listTextDocuments(tx, input.dossierId);
		const rank = new Map(documents.map((d, i) => [d.id, i]));
		const earlierFirst = (rank.get(version.documentId) ?? 0) <= (rank.get(target.documentId) ?? 0);
		const [fromVersionId, toVersionId] = earlierFirst ? [version.id, target.id] : [target.id, version.id];

		const inOther = tx
			.select({ id: textVersion.id })
			.from(textVersion)
			.where(eq(textVersion.documentId, input.toDocumentId));
		const replaced = await tx
			.delete(provisionLink)
			.where(
				or(
					and(eq(provisionLink.fromVersionId, version.id), inArray(provisionLink.toVersionId, inOther)),
					and(eq(provisionLink.toVersionId, version.id), inArray(provisionLink.fromVersionId, inOther))
				)
			)
			.returning();
		const [created] = await tx
			.insert(provisionLink)
			.values({
				fromVersionId,
				toVersionId,
				method: 'manual',
				similarity: null,
				note: input.note || null,
				createdBy: userId
			})
			.returning();
		await audit(tx, {
			userId,
			action: 'provision_link.correct',
			entityType: 'provision_link',
			entityId: created.id,
			details: {
				provision: version.eid,
				versionId: version.id,
				counterpart: { documentId: target.documentId, eid: target.eid, versionId: target.id },
				replaced: replaced.map((l) => ({
					id: l.id,
					fromVersionId: l.fromVersionId,
					toVersionId: l.toVersionId,
					method: l.method,
					similarity: l.similarity
				})),
				note: input.note
			}
		});
		return { ok: true };
	});
}

/** An editor removes a wrong link (the provision then has no counterpart in that text), audited. */
export async function removeLink(
	db: DbConnection,
	userId: number,
	input: { dossierId: number; linkId: number; note: string }
): Promise<LinkChange> {
	return db.transaction(async (tx) => {
		const [link] = await tx
			.select({ link: provisionLink, dossierId: provision.dossierId, eid: provision.eid })
			.from(provisionLink)
			.innerJoin(textVersion, eq(textVersion.id, provisionLink.fromVersionId))
			.innerJoin(provision, eq(provision.id, textVersion.provisionId))
			.where(eq(provisionLink.id, input.linkId));
		if (!link || link.dossierId !== input.dossierId)
			return { ok: false, field: 'linkId', message: 'That link does not exist (any more).' };
		await tx.delete(provisionLink).where(eq(provisionLink.id, input.linkId));
		await audit(tx, {
			userId,
			action: 'provision_link.delete',
			entityType: 'provision_link',
			entityId: input.linkId,
			details: { removed: link.link, provision: link.eid, note: input.note }
		});
		return { ok: true };
	});
}
