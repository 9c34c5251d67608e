import { and, eq, inArray } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendmentAuthor, provision } from '../db/schema';
import type { AmendmentRecord } from '$lib/amendments/record';

/** eId → provision id for a whole dossier (a few thousand rows). */
export async function provisionIds(db: DbConnection, dossierId: number): Promise<Map<string, number>> {
	const rows = await db
		.select({ id: provision.id, eid: provision.eid })
		.from(provision)
		.where(eq(provision.dossierId, dossierId));
	return new Map(rows.map((r) => [r.eid, r.id]));
}

export async function provisionIdOf(db: DbConnection, dossierId: number, eid: string): Promise<number | undefined> {
	const [row] = await db
		.select({ id: provision.id })
		.from(provision)
		.where(and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)));
	return row?.id;
}

/** Actor ids for slugs, and the slugs that match no actor. */
export async function actorIdsOf(db: DbConnection, slugs: string[]): Promise<{ ids: number[]; unknown: string[] }> {
	if (!slugs.length) return { ids: [], unknown: [] };
	const rows = await db.select({ id: actor.id, slug: actor.slug }).from(actor).where(inArray(actor.slug, slugs));
	const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
	return { ids: slugs.flatMap((s) => bySlug.get(s) ?? []), unknown: slugs.filter((s) => !bySlug.has(s)) };
}

export async function allActorIds(db: DbConnection): Promise<Map<string, number>> {
	const rows = await db.select({ id: actor.id, slug: actor.slug }).from(actor);
	return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Replaces an amendment's authors, keeping their order. */
export async function setAuthors(db: DbConnection, amendmentId: number, actorIds: number[]): Promise<void> {
	await db.delete(amendmentAuthor).where(eq(amendmentAuthor.amendmentId, amendmentId));
	const unique = [...new Set(actorIds)];
	if (unique.length)
		await db.insert(amendmentAuthor).values(unique.map((actorId, position) => ({ amendmentId, actorId, position })));
}

/** PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

/** An amendment's own columns from the form or an imported record (status and authors are written apart). */
export function amendmentColumnsOf(
	draft: Omit<AmendmentRecord, 'status' | 'sources'> & { sources?: AmendmentRecord['sources'] },
	provisionId: number | null
) {
	return {
		number: draft.number,
		tablingContext: draft.tablingContext,
		tabledOn: draft.tabledOn,
		targetProvisionId: provisionId,
		targetLabel: draft.target,
		targetPart: draft.targetPart,
		baseText: draft.baseText,
		proposedText: draft.proposedText,
		deletesProvision: draft.deletesProvision,
		newProvision: draft.newProvision,
		justification: draft.justification,
		visibility: draft.visibility,
		...(draft.sources ? { sources: draft.sources } : {})
	};
}
