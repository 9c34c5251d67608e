import { and, eq, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, amendmentStatusChange } from '../db/schema';
import { audit } from '../audit';
import { atVersion, nextVersion } from '../db/version';
import { canMove, statusLabels } from '$lib/amendments/lifecycle';
import type { AmendmentRecord } from '$lib/amendments/record';
import type { AmendmentStatus } from '$lib/amendments/statuses';
import type { Conflict, Saved } from '$lib/stale-edit';
import { actorIdsOf, amendmentColumnsOf, isUniqueViolation, provisionIdOf, setAuthors } from './lookups';
import { amendmentColumns } from './detail';
import { authorsOf } from './list';

/** What the form edits; status has its own lifecycle and sources are kept. */
export type AmendmentDraft = Omit<AmendmentRecord, 'status' | 'sources'> & { sources?: AmendmentRecord['sources'] };

export type SaveResult =
	Saved<{ id: number; version: number }, AmendmentDraft> | { ok: false; errors: Record<string, string> };

/** The amendment as it is now: the newer version someone else saved is shown beside the user's text. */
export interface CurrentVersion extends Conflict<AmendmentDraft> {
	updatedAt: Date;
}

async function resolve(db: DbConnection, dossierId: number, draft: AmendmentDraft) {
	const errors: Record<string, string> = {};
	let provisionId: number | null = null;
	if (draft.provision) {
		provisionId = (await provisionIdOf(db, dossierId, draft.provision)) ?? null;
		if (provisionId === null) errors.provision = `There is no provision “${draft.provision}” in this dossier.`;
	}
	const actors = await actorIdsOf(db, draft.authors);
	if (actors.unknown.length) errors.authors = `Unknown author: ${actors.unknown.join(', ')}.`;
	return { errors, provisionId, actorIds: actors.ids };
}

const duplicateNumber = (d: AmendmentDraft) => ({
	ok: false as const,
	errors: { number: `Amendment ${d.number} of “${d.tablingContext}” already exists.` }
});

/** Creates an amendment with its first status, recorded in the history and the audit log. */
export async function createAmendment(
	db: DbConnection,
	dossierId: number,
	draft: AmendmentDraft,
	initial: { status: AmendmentStatus; date: string | null },
	userId: number
): Promise<SaveResult> {
	try {
		return await db.transaction(async (tx) => {
			const { errors, provisionId, actorIds } = await resolve(tx, dossierId, draft);
			if (Object.keys(errors).length) return { ok: false, errors };
			const [row] = await tx
				.insert(amendment)
				.values({
					dossierId,
					...amendmentColumnsOf(draft, provisionId),
					sources: draft.sources ?? [],
					status: initial.status,
					createdBy: userId
				})
				.returning({ id: amendment.id, version: amendment.version });
			await setAuthors(tx, row.id, actorIds);
			await tx.insert(amendmentStatusChange).values({
				amendmentId: row.id,
				status: initial.status,
				date: initial.date,
				changedBy: userId,
				note: 'Created'
			});
			await audit(tx, {
				userId,
				action: 'amendment.create',
				entityType: 'amendment',
				entityId: row.id,
				details: { after: { ...draft, status: initial.status } }
			});
			return { ok: true, ...row };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return duplicateNumber(draft);
		throw e;
	}
}

/**
 * Saves an edit made from `expectedVersion`. When someone saved in between, nothing is written and the
 * newer version comes back (`conflict`), so the page can show it beside the user's text.
 */
export async function updateAmendment(
	db: DbConnection,
	dossierId: number,
	id: number,
	expectedVersion: number,
	draft: AmendmentDraft,
	userId: number
): Promise<SaveResult | undefined> {
	try {
		return await db.transaction(async (tx) => {
			const before = await currentVersion(tx, dossierId, id);
			if (!before) return undefined;
			if (before.version !== expectedVersion) return { ok: false, conflict: before };
			const { errors, provisionId, actorIds } = await resolve(tx, dossierId, draft);
			if (Object.keys(errors).length) return { ok: false, errors };
			const [row] = await tx
				.update(amendment)
				.set({
					...amendmentColumnsOf(draft, provisionId),
					version: nextVersion(amendment.version),
					updatedAt: new Date()
				})
				.where(atVersion(amendment, id, expectedVersion))
				.returning({ id: amendment.id, version: amendment.version });
			if (!row) return { ok: false, conflict: (await currentVersion(tx, dossierId, id))! };
			if (before.record.authors.join() !== [...draft.authors].sort().join()) await setAuthors(tx, id, actorIds);
			const changed = changedFields(before.record, draft);
			await audit(tx, {
				userId,
				action: 'amendment.update',
				entityType: 'amendment',
				entityId: id,
				details: {
					fromVersion: expectedVersion,
					toVersion: row.version,
					changed: Object.fromEntries(changed.map((k) => [k, { before: before.record[k], after: draft[k] }]))
				}
			});
			return { ok: true, ...row };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return duplicateNumber(draft);
		throw e;
	}
}

function changedFields(before: AmendmentDraft, after: AmendmentDraft): (keyof AmendmentDraft)[] {
	const keys = Object.keys(after) as (keyof AmendmentDraft)[];
	return keys.filter(
		(k) => JSON.stringify(k === 'authors' ? [...after.authors].sort() : after[k]) !== JSON.stringify(before[k])
	);
}

/** The amendment as it is now, in the form's shape (authors sorted). */
export async function currentVersion(
	db: DbConnection,
	dossierId: number,
	id: number
): Promise<CurrentVersion | undefined> {
	const [row] = await db
		.select({
			...amendmentColumns,
			provisionEid: sql<string | null>`(select eid from provision where provision.id = ${amendment.targetProvisionId})`
		})
		.from(amendment)
		.where(and(eq(amendment.id, id), eq(amendment.dossierId, dossierId)));
	if (!row) return undefined;
	const authors = ((await authorsOf(db, [id])).get(id) ?? []).map((a) => a.slug).sort();
	return {
		version: row.version,
		updatedAt: row.updatedAt,
		record: {
			tablingContext: row.tablingContext,
			number: row.number,
			provision: row.provisionEid,
			target: row.targetLabel,
			targetPart: row.targetPart as AmendmentDraft['targetPart'],
			tabledOn: row.tabledOn,
			visibility: row.visibility,
			authors,
			baseText: row.baseText,
			proposedText: row.proposedText,
			deletesProvision: row.deletesProvision,
			newProvision: row.newProvision,
			justification: row.justification,
			sources: row.sources
		}
	};
}

export type StatusResult = { ok: true } | { ok: false; error: string };

/** Moves an amendment along its lifecycle, recording the date it took effect and who recorded it. */
export async function changeStatus(
	db: DbConnection,
	dossierId: number,
	id: number,
	change: { from: AmendmentStatus; to: AmendmentStatus; date: string | null; note: string | null },
	userId: number
): Promise<StatusResult | undefined> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ status: amendment.status })
			.from(amendment)
			.where(and(eq(amendment.id, id), eq(amendment.dossierId, dossierId)));
		if (!row) return undefined;
		if (row.status !== change.from)
			return {
				ok: false,
				error: `The status changed meanwhile: it is now “${statusLabels[row.status]}”. Check and try again.`
			};
		if (!canMove(row.status, change.to))
			return {
				ok: false,
				error: `An amendment “${statusLabels[row.status]}” cannot become “${statusLabels[change.to]}”.`
			};
		const updated = await tx
			.update(amendment)
			.set({ status: change.to, updatedAt: new Date() })
			.where(and(eq(amendment.id, id), eq(amendment.status, change.from)))
			.returning({ id: amendment.id });
		if (!updated.length) return { ok: false, error: 'The status changed meanwhile. Check and try again.' };
		await tx
			.insert(amendmentStatusChange)
			.values({ amendmentId: id, status: change.to, date: change.date, note: change.note, changedBy: userId });
		await audit(tx, {
			userId,
			action: 'amendment.status',
			entityType: 'amendment',
			entityId: id,
			details: { from: change.from, to: change.to, date: change.date, note: change.note }
		});
		return { ok: true };
	});
}
