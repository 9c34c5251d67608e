import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbConnection } from './db';
import { atVersion, nextVersion } from './db/version';
import { banCriterion, banScore } from './db/schema';
import { audit } from './audit';
import { idField, slugField } from '$lib/validators';
import type { Direction } from '$lib/sort-order';
import { moveInList, nextSortOrder, type OrderedTable } from './ordered-list';
import type { Saved } from '$lib/stale-edit';
import type { BanCriterion } from './scores';

/**
 * A dossier's ban criteria: the demands each of its texts is scored against on the ban-strength chart. Editors
 * add, rename, reorder and remove them; a criterion that texts are scored against is never removed, since that
 * would delete those scores with it.
 */

/** A criterion with the number of texts scored against it. */
export type CriterionRow = BanCriterion & { uses: number };

const label = z.string().trim().min(1, 'A wording of the demand is needed.').max(300, 'At most 300 characters.');

/** The form adding a criterion. */
export const criterionForm = z.object({ key: slugField, label });
/** The form renaming a criterion (its key stays: score addresses use it); its `version` is read apart. */
export const criterionEditForm = z.object({ id: idField, label });
/** The form removing a criterion. */
export const removeCriterionForm = z.object({ id: idField });

export type CriterionInput = z.output<typeof criterionForm>;

/** A criterion's fields as its edit form shows them. */
export const criterionFormValues = (c: BanCriterion) => ({ version: String(c.version), label: c.label });

/** The dossier's criteria in chart order, each with how many scores rest on it (for its editing page). */
export async function criteriaWithUses(db: DbConnection, dossierId: number): Promise<CriterionRow[]> {
	const rows = await db
		.select({ criterion: banCriterion, uses: count(banScore.id) })
		.from(banCriterion)
		.leftJoin(banScore, eq(banScore.criterionId, banCriterion.id))
		.where(eq(banCriterion.dossierId, dossierId))
		.groupBy(banCriterion.id)
		.orderBy(asc(banCriterion.sortOrder), asc(banCriterion.id));
	return rows.map((r) => ({ ...r.criterion, uses: r.uses }));
}

const clash = (key: string, label: string) => `This dossier already has a demand “${key}” (${label}); choose another.`;

/** Adds a criterion at the end of the dossier's list. One criterion per key and dossier. Audited. */
export async function createCriterion(
	db: DbConnection,
	userId: number,
	dossierId: number,
	input: CriterionInput
): Promise<{ ok: true; criterion: BanCriterion } | { ok: false; field: 'key'; message: string }> {
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ label: banCriterion.label })
			.from(banCriterion)
			.where(and(eq(banCriterion.dossierId, dossierId), eq(banCriterion.key, input.key)));
		if (taken) return { ok: false as const, field: 'key' as const, message: clash(input.key, taken.label) };
		const values = {
			key: input.key,
			label: input.label,
			sortOrder: await nextSortOrder(tx, banCriterionList, dossierId)
		};
		// A concurrent add of the same key loses on the unique constraint rather than failing the request.
		const [row] = await tx
			.insert(banCriterion)
			.values({ dossierId, ...values })
			.onConflictDoNothing()
			.returning();
		if (!row) return { ok: false as const, field: 'key' as const, message: clash(input.key, input.label) };
		await audit(tx, {
			userId,
			action: 'ban_criterion.create',
			entityType: 'ban_criterion',
			entityId: row.id,
			details: { dossierId, after: values }
		});
		return { ok: true as const, criterion: row };
	});
}

async function getCriterion(db: DbConnection, dossierId: number, id: number): Promise<BanCriterion | undefined> {
	const [row] = await db
		.select()
		.from(banCriterion)
		.where(and(eq(banCriterion.dossierId, dossierId), eq(banCriterion.id, id)));
	return row;
}

/**
 * Rewords a criterion from the `version` the editor read; a newer version saved meanwhile comes back as the
 * conflict and nothing is written. Undefined when the dossier has no such criterion.
 */
export async function updateCriterion(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number,
	version: number,
	input: { label: string }
): Promise<Saved<{ criterion: BanCriterion }, BanCriterion> | undefined> {
	return db.transaction(async (tx) => {
		const before = await getCriterion(tx, dossierId, id);
		if (!before) return undefined;
		const [row] = await tx
			.update(banCriterion)
			.set({ label: input.label, version: nextVersion(banCriterion.version) })
			.where(atVersion(banCriterion, id, version))
			.returning();
		if (!row) {
			const current = (await getCriterion(tx, dossierId, id)) ?? before;
			return { ok: false, conflict: { version: current.version, record: current } };
		}
		await audit(tx, {
			userId,
			action: 'ban_criterion.update',
			entityType: 'ban_criterion',
			entityId: id,
			details: {
				key: before.key,
				fromVersion: version,
				toVersion: row.version,
				before: { label: before.label },
				after: { label: row.label }
			}
		});
		return { ok: true, criterion: row };
	});
}

/** Moves a criterion one place up or down the chart. False when the dossier has no such criterion. Audited. */
export function moveCriterion(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number,
	direction: Direction
): Promise<boolean> {
	return moveInList(db, banCriterionList, userId, dossierId, id, direction);
}

const banCriterionList: OrderedTable = {
	table: banCriterion,
	id: banCriterion.id,
	dossierId: banCriterion.dossierId,
	sortOrder: banCriterion.sortOrder,
	key: banCriterion.key,
	entityType: 'ban_criterion'
};

/**
 * Removes a criterion no text is scored against. One with scores is refused with how many, and nothing
 * changes. Undefined when the dossier has no such criterion. Audited.
 */
export async function removeCriterion(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number
): Promise<{ ok: true; criterion: BanCriterion } | { ok: false; message: string } | undefined> {
	return db.transaction(async (tx) => {
		// Locked: a score saved on this criterion meanwhile waits, then fails on the missing criterion.
		const [row] = await tx
			.select()
			.from(banCriterion)
			.where(and(eq(banCriterion.dossierId, dossierId), eq(banCriterion.id, id)))
			.for('update');
		if (!row) return undefined;
		const [{ uses }] = await tx.select({ uses: count() }).from(banScore).where(eq(banScore.criterionId, id));
		if (uses > 0)
			return {
				ok: false as const,
				message: `“${row.label}” was not removed: ${uses === 1 ? '1 score rests' : `${uses} scores rest`} on it, and removing it would delete ${uses === 1 ? 'that score' : 'those scores'}. Reword it instead.`
			};
		await tx.delete(banCriterion).where(eq(banCriterion.id, id));
		await audit(tx, {
			userId,
			action: 'ban_criterion.delete',
			entityType: 'ban_criterion',
			entityId: id,
			details: { dossierId, before: { key: row.key, label: row.label, sortOrder: row.sortOrder } }
		});
		return { ok: true as const, criterion: row };
	});
}
