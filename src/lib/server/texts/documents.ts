import { and, asc, eq, like, notInArray } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, document, procedureEvent, provision, provisionLink, textVersion } from '../db/schema';
import { matchDocuments } from '$lib/lineage/match';
import type { TextDocumentInput } from '$lib/texts/council';
import { amendmentLists } from '../compare';
import { lineageNodes } from '../lineage';
import { insertRows } from '../db/bulk';

export type { TextDocumentInput };

/**
 * The document a Council text was imported as before, found by its key or, for the general approach the seed
 * loaded from the Council's PDF, by its Council number; and the text it revises ("No. prev. doc.").
 */
export async function findTextDocument(db: DbConnection, dossierId: number, input: TextDocumentInput) {
	const docs = await db
		.select({
			id: document.id,
			key: document.key,
			kind: document.kind,
			title: document.title,
			officialReference: document.officialReference
		})
		.from(document)
		.where(eq(document.dossierId, dossierId));
	const same = (ref: string, d: { officialReference: string }) =>
		new RegExp(`(^|\\W)${escape(ref)}(\\W|$)`).test(d.officialReference);
	const mine =
		docs.find((d) => d.key === input.key) ??
		docs.find((d) => (d.kind === 'general_approach' || d.kind === 'council_text') && same(input.officialReference, d));
	const prevRef = input.previousRef?.replace(/\s*\+.*$/, '');
	const previous = prevRef ? (docs.find((d) => d.id !== mine?.id && same(prevRef, d)) ?? null) : null;
	return { id: mine?.id ?? null, previous: previous && { id: previous.id, title: previous.title } };
}

/** The first article of a text, by its key (where a reader starts following it), or null. */
export async function firstArticleOf(db: DbConnection, dossierId: number, key: string): Promise<string | null> {
	const [row] = await db
		.select({ eid: provision.eid })
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.innerJoin(document, eq(document.id, textVersion.documentId))
		.where(and(eq(document.dossierId, dossierId), eq(document.key, key), eq(provision.kind, 'article')))
		.orderBy(asc(textVersion.docOrder))
		.limit(1);
	return row?.eid ?? null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Files a Council text: a document of kind council_text placed among the dossier's texts by date, issued by
 * its presidency, linked to the text it revises, with a timeline event citing it.
 */
export async function insertTextDocument(
	db: DbConnection,
	dossierId: number,
	input: TextDocumentInput,
	previousId: number | null
): Promise<number> {
	const country = input.presidencyCountry?.toLowerCase().split(/\s+/)[0];
	const [presidency] = country
		? await db
				.select({ id: actor.id })
				.from(actor)
				.where(and(eq(actor.kind, 'presidency'), like(actor.slug, `presidency-${country}%`)))
		: [];
	const [row] = await db
		.insert(document)
		.values({
			dossierId,
			key: input.key,
			kind: 'council_text',
			title: input.title,
			shortTitle: input.shortTitle,
			officialReference: input.officialReference,
			date: input.date,
			sortOrder: 0,
			provenance: input.provenance,
			previousId,
			actorId: presidency?.id ?? null
		})
		.returning({ id: document.id });
	await orderByDate(db, dossierId);
	await db.insert(procedureEvent).values({
		dossierId,
		key: `text-${input.key}`,
		kind: 'event',
		category: 'council',
		title: input.title,
		date: input.date,
		institution: 'Council of the European Union',
		documentRef: input.officialReference,
		documentId: row.id,
		summary: input.previousRef ? `Revises ${input.previousRef}.` : null,
		verified: input.date !== null,
		sources: [
			{
				title: `Council document ${input.officialReference}`,
				kind: 'docx',
				note: input.fileName ?? null,
				published: input.date
			}
		]
	});
	return row.id;
}

/** Texts in date order (undated ones keep their place at the end), so every picker and column follows time. */
async function orderByDate(db: DbConnection, dossierId: number): Promise<void> {
	const docs = await db
		.select({ id: document.id, date: document.date, sortOrder: document.sortOrder })
		.from(document)
		.where(eq(document.dossierId, dossierId))
		.orderBy(asc(document.sortOrder), asc(document.id));
	const sorted = [...docs].sort(
		(a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.sortOrder - b.sortOrder || a.id - b.id
	);
	for (const [i, d] of sorted.entries())
		if (d.sortOrder !== i) await db.update(document).set({ sortOrder: i }).where(eq(document.id, d.id));
}

/**
 * Links a new text's provisions to the Commission proposal's, the way the seed links the other texts; in a
 * dossier without a proposal, to the text it revises, else to the latest text before it, so that compare
 * still follows its provisions. A dossier with no other text has nothing to link: 0.
 */
export async function linkToBaseText(
	db: DbConnection,
	dossierId: number,
	documentId: number,
	previousId: number | null = null
): Promise<number> {
	const texts = await db
		.select({ id: document.id, kind: document.kind })
		.from(document)
		.where(and(eq(document.dossierId, dossierId), notInArray(document.kind, [...amendmentLists])))
		.orderBy(asc(document.sortOrder), asc(document.id));
	const before = texts.slice(
		0,
		Math.max(
			0,
			texts.findIndex((d) => d.id === documentId)
		)
	);
	const proposal = texts.find((d) => d.kind === 'proposal') ?? texts.find((d) => d.id === previousId) ?? before.at(-1);
	if (!proposal || proposal.id === documentId) return 0;
	const rows = await lineageNodes(db, [proposal.id, documentId]);
	const matches = matchDocuments(
		rows.filter((r) => r.documentId === proposal.id),
		rows.filter((r) => r.documentId === documentId)
	);
	const links = matches.map((m) => ({
		fromVersionId: m.from.id,
		toVersionId: m.to.id,
		method: m.method,
		similarity: m.similarity
	}));
	await insertRows(db, provisionLink, links);
	return links.length;
}
