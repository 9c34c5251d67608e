import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbConnection } from './db';
import { atVersion, nextVersion } from './db/version';
import { position, topic } from './db/schema';
import { audit } from './audit';
import { WHOLE_BAN } from '$lib/positions/stance';
import { idField, isEid, slugField } from '$lib/validators';
import type { Direction } from '$lib/sort-order';
import { moveInList, nextSortOrder, type OrderedTable } from './ordered-list';
import type { Saved } from '$lib/stale-edit';

/**
 * A dossier's topics: the parts of the ban that positions are recorded against (the columns of the positions
 * matrix after "the ban as a whole"). Editors add, rename, reorder and remove them; a topic that positions use
 * is never removed, since that would quietly turn those positions into positions on the whole ban.
 */

export type Topic = typeof topic.$inferSelect;
/** A topic with the number of positions recorded on it (drafts and internal ones included). */
export type TopicRow = Topic & { uses: number };

const provisionsField = z
	.string()
	.max(4000, 'At most 4,000 characters.')
	.default('')
	.transform((s) => s.split(/[\s,]+/).filter(Boolean))
	.refine((eids) => eids.every(isEid), 'eIds such as art_5__para_1__point_h, separated by spaces or commas.')
	.transform((eids) => [...new Set(eids)]);

const topicFields = {
	name: z.string().trim().min(1, 'A name is needed.').max(200, 'At most 200 characters.'),
	description: z.string().trim().max(2000, 'At most 2,000 characters.').default(''),
	provisions: provisionsField
};

/** The form adding a topic. */
export const topicForm = z.object({ slug: slugField, ...topicFields });
/** The form renaming a topic (its slug stays: follows and links use it); its `version` is read apart. */
export const topicEditForm = z.object({ id: idField, ...topicFields });
/** The form removing a topic. */
export const removeForm = z.object({ id: idField });

export type TopicInput = z.output<typeof topicForm>;
export type TopicEdit = Omit<z.output<typeof topicEditForm>, 'id'>;

/** A topic's fields as its edit form shows them. */
export const topicFormValues = (t: Topic) => ({
	version: String(t.version),
	name: t.name,
	description: t.description,
	provisions: t.provisionEids.join(' ')
});

/** The dossier's topics in matrix order. */
export async function listTopics(db: DbConnection, dossierId: number): Promise<Topic[]> {
	return db.select().from(topic).where(eq(topic.dossierId, dossierId)).orderBy(asc(topic.sortOrder), asc(topic.id));
}

/** The dossier's topics in matrix order, each with how many positions use it (for its editing page). */
export async function topicsWithUses(db: DbConnection, dossierId: number): Promise<TopicRow[]> {
	const rows = await db
		.select({ topic, uses: count(position.id) })
		.from(topic)
		.leftJoin(position, eq(position.topicId, topic.id))
		.where(eq(topic.dossierId, dossierId))
		.groupBy(topic.id)
		.orderBy(asc(topic.sortOrder), asc(topic.id));
	return rows.map((r) => ({ ...r.topic, uses: r.uses }));
}

const clash = (slug: string, name: string) => `This dossier already has a topic “${slug}” (${name}); choose another.`;

/** Adds a topic at the end of the dossier's list. One topic per slug and dossier. Audited. */
export async function createTopic(
	db: DbConnection,
	userId: number,
	dossierId: number,
	input: TopicInput
): Promise<{ ok: true; topic: Topic } | { ok: false; field: 'slug'; message: string }> {
	if (input.slug === WHOLE_BAN)
		return { ok: false, field: 'slug', message: `“${WHOLE_BAN}” is the matrix’s column for the ban as a whole.` };
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ name: topic.name })
			.from(topic)
			.where(and(eq(topic.dossierId, dossierId), eq(topic.slug, input.slug)));
		if (taken) return { ok: false as const, field: 'slug' as const, message: clash(input.slug, taken.name) };
		const values = {
			slug: input.slug,
			name: input.name,
			description: input.description,
			provisionEids: input.provisions,
			sortOrder: await nextSortOrder(tx, topicList, dossierId)
		};
		// A concurrent add of the same slug loses on the unique constraint rather than failing the request.
		const [row] = await tx
			.insert(topic)
			.values({ dossierId, ...values })
			.onConflictDoNothing()
			.returning();
		if (!row) return { ok: false as const, field: 'slug' as const, message: clash(input.slug, input.name) };
		await audit(tx, {
			userId,
			action: 'topic.create',
			entityType: 'topic',
			entityId: row.id,
			details: { dossierId, after: values }
		});
		return { ok: true as const, topic: row };
	});
}

async function getTopic(db: DbConnection, dossierId: number, id: number): Promise<Topic | undefined> {
	const [row] = await db
		.select()
		.from(topic)
		.where(and(eq(topic.dossierId, dossierId), eq(topic.id, id)));
	return row;
}

/**
 * Renames a topic (name, description, provisions) from the `version` the editor read; a newer version saved
 * meanwhile comes back as the conflict and nothing is written. Undefined when the dossier has no such topic.
 */
export async function updateTopic(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number,
	version: number,
	input: TopicEdit
): Promise<Saved<{ topic: Topic }, Topic> | undefined> {
	return db.transaction(async (tx) => {
		const before = await getTopic(tx, dossierId, id);
		if (!before) return undefined;
		const changes = { name: input.name, description: input.description, provisionEids: input.provisions };
		const [row] = await tx
			.update(topic)
			.set({ ...changes, version: nextVersion(topic.version) })
			.where(atVersion(topic, id, version))
			.returning();
		if (!row) {
			const current = (await getTopic(tx, dossierId, id)) ?? before;
			return { ok: false, conflict: { version: current.version, record: current } };
		}
		await audit(tx, {
			userId,
			action: 'topic.update',
			entityType: 'topic',
			entityId: id,
			details: {
				slug: before.slug,
				fromVersion: version,
				toVersion: row.version,
				before: { name: before.name, description: before.description, provisionEids: before.provisionEids },
				after: changes
			}
		});
		return { ok: true, topic: row };
	});
}

/** Moves a topic one place up or down the matrix. False when the dossier has no such topic. Audited. */
export function moveTopic(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number,
	direction: Direction
): Promise<boolean> {
	return moveInList(db, topicList, userId, dossierId, id, direction);
}

const topicList: OrderedTable = {
	table: topic,
	id: topic.id,
	dossierId: topic.dossierId,
	sortOrder: topic.sortOrder,
	key: topic.slug,
	entityType: 'topic'
};

/**
 * Removes a topic no position uses. One that positions use is refused with how many, and nothing changes.
 * Undefined when the dossier has no such topic. Audited.
 */
export async function removeTopic(
	db: DbConnection,
	userId: number,
	dossierId: number,
	id: number
): Promise<{ ok: true; topic: Topic } | { ok: false; message: string } | undefined> {
	return db.transaction(async (tx) => {
		// Locked: a position saved on this topic meanwhile waits, then fails on the missing topic.
		const [row] = await tx
			.select()
			.from(topic)
			.where(and(eq(topic.dossierId, dossierId), eq(topic.id, id)))
			.for('update');
		if (!row) return undefined;
		const [{ uses }] = await tx.select({ uses: count() }).from(position).where(eq(position.topicId, id));
		if (uses > 0)
			return {
				ok: false as const,
				message: `“${row.name}” was not removed: ${uses === 1 ? '1 position is' : `${uses} positions are`} recorded on it (drafts and internal ones included). Give ${uses === 1 ? 'it' : 'them'} another topic first.`
			};
		await tx.delete(topic).where(eq(topic.id, id));
		const { slug, name, description, provisionEids, sortOrder } = row;
		await audit(tx, {
			userId,
			action: 'topic.delete',
			entityType: 'topic',
			entityId: id,
			details: { dossierId, before: { slug, name, description, provisionEids, sortOrder } }
		});
		return { ok: true as const, topic: row };
	});
}
