import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { asc, eq, max } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { db, type DbConnection } from './db';
import { audit } from './audit';
import { requireRole } from './authorization';
import { dossierOf } from './dossiers';
import { errorFor, invalid, readForm, refuse, savedMeanwhile, versionLost, versionOf } from './forms';
import { moveForm, movedOrder, type Direction } from '$lib/sort-order';
import { parseId } from '$lib/validators';
import type { Saved } from '$lib/stale-edit';

/**
 * A dossier's ordered lists that editors keep (its topics, its ban criteria): the one way an item moves one
 * place, and the one set of page actions (add, save, move, remove) both editing pages run.
 */

/** The columns of such a list's table that moving an item reads and writes (its sort column is `sortOrder` in the schema). */
export interface OrderedTable {
	table: PgTable;
	id: PgColumn;
	dossierId: PgColumn;
	sortOrder: PgColumn;
	/** The item's address in the dossier (a topic's slug, a criterion's key), which the audit entry names. */
	key: PgColumn;
	/** The audit log's name for the item: 'topic', 'ban_criterion'. */
	entityType: string;
}

/** The `sortOrder` that puts a new item at the end of its dossier's list. */
export async function nextSortOrder(db: DbConnection, list: OrderedTable, dossierId: number): Promise<number> {
	const [{ last }] = await db
		.select({ last: max(list.sortOrder) })
		.from(list.table)
		.where(eq(list.dossierId, dossierId));
	return (Number(last) || 0) + 1;
}

/**
 * Moves an item one place up or down its dossier's list, renumbering the list (`movedOrder`). False when the
 * dossier has no such item. Audited when something moved.
 */
export async function moveInList(
	db: DbConnection,
	list: OrderedTable,
	userId: number,
	dossierId: number,
	id: number,
	direction: Direction
): Promise<boolean> {
	return db.transaction(async (tx) => {
		// Locked, so that two moves at once each start from the other's result.
		const rows = (await tx
			.select({ id: list.id, key: list.key, sortOrder: list.sortOrder })
			.from(list.table)
			.where(eq(list.dossierId, dossierId))
			.orderBy(asc(list.sortOrder), asc(list.id))
			.for('update')) as { id: number; key: string; sortOrder: number }[];
		const moving = rows.find((r) => r.id === id);
		if (!moving) return false;
		const changes = movedOrder(rows, id, direction);
		for (const change of changes)
			await tx
				.update(list.table)
				.set({ sortOrder: change.sortOrder } as never) // both lists' tables name it sortOrder
				.where(eq(list.id, change.id));
		if (changes.length)
			await audit(tx, {
				userId,
				action: `${list.entityType}.move`,
				entityType: list.entityType,
				entityId: id,
				details: { [list.key.name]: moving.key, direction, before: rows.map((r) => r.key) }
			});
		return true;
	});
}

type Refusal = { ok: false; message: string };
type DossierEvent = RequestEvent<{ slug: string }>;

/** What an editing page of such a list does; `orderedListActions` turns it into the page's actions. */
export interface OrderedListPage<Item, AddForm extends z.ZodType, EditForm extends z.ZodType> {
	/** The page under the dossier, as in its address: 'positions/topics'. */
	path: string;
	/** The prefix of an item's anchor on the page: 'topic' gives #topic-12. */
	anchor: string;
	/** For the 404 when the item is gone: 'topic', 'demand'. */
	noun: string;
	addForm: AddForm;
	/** The rename form: the item's `id` and its fields (its `version` is read apart). */
	editForm: EditForm;
	removeForm: z.ZodType<{ id: number }>;
	create(
		db: DbConnection,
		userId: number,
		dossierId: number,
		data: z.output<AddForm>
	): Promise<{ ok: true; id: number } | { ok: false; field: string; message: string }>;
	update(
		db: DbConnection,
		userId: number,
		dossierId: number,
		id: number,
		version: number,
		data: z.output<EditForm>
	): Promise<Saved<object, Item> | undefined>;
	move(db: DbConnection, userId: number, dossierId: number, id: number, direction: Direction): Promise<boolean>;
	remove(db: DbConnection, userId: number, dossierId: number, id: number): Promise<{ ok: true } | Refusal | undefined>;
	/** The rename form's values for an item (shown again beside a save that came too late). */
	formValues(item: Item): Record<string, string>;
}

/** What each action's success says on the page, by the `saved` key it redirects with. */
export type SavedNotices = Record<'added' | 'saved' | 'moved' | 'removed', string>;

/** The notice for `?saved=…`; own keys only, so `?saved=constructor` cannot reach Object.prototype. */
export function savedNotice(notices: SavedNotices, url: URL): string | null {
	const saved = url.searchParams.get('saved');
	return saved && Object.hasOwn(notices, saved) ? notices[saved as keyof SavedNotices] : null;
}

/** The page's add, save, move and remove actions, for editors only, each back to the list with its notice. */
export function orderedListActions<Item, AddForm extends z.ZodType, EditForm extends z.ZodType>(
	page: OrderedListPage<Item, AddForm, EditForm>
) {
	const gone = `This dossier has no such ${page.noun}; it may have been removed meanwhile.`;
	const done = (slug: string, saved: keyof SavedNotices, id?: number) =>
		redirect(303, `/dossiers/${slug}/${page.path}?saved=${saved}${id ? `#${page.anchor}-${id}` : ''}`);
	const start = async (event: DossierEvent) => ({
		user: requireRole(event, 'editor'),
		dossier: await dossierOf(event)
	});
	return {
		add: async (event: DossierEvent) => {
			const { user, dossier } = await start(event);
			const read = await readForm(event.request, page.addForm);
			const which = { form: 'add', id: null, conflict: null };
			if (!read.ok) return invalid(read, which);
			const created = await page.create(db(), user.id, dossier.id, read.data);
			if (!created.ok) return refuse(400, read.values, errorFor(created.field, created.message), which);
			done(dossier.slug, 'added', created.id);
		},
		save: async (event: DossierEvent) => {
			const { user, dossier } = await start(event);
			const read = await readForm(event.request, page.editForm);
			const which = { form: 'save', id: parseId(read.values.id), conflict: null };
			if (!read.ok) return invalid(read, which);
			const version = versionOf(read.form);
			if (version === null) return refuse(400, read.values, versionLost, which);
			const id = (read.data as { id: number }).id;
			const saved = await page.update(db(), user.id, dossier.id, id, version, read.data);
			if (!saved) error(404, gone);
			// Saved by someone else since this editor opened the page: keep what they typed, show both.
			if (!saved.ok)
				return savedMeanwhile(
					read.values,
					{ ...saved.conflict, record: page.formValues(saved.conflict.record) },
					{ form: 'save', id }
				);
			done(dossier.slug, 'saved', id);
		},
		move: async (event: DossierEvent) => {
			const { user, dossier } = await start(event);
			const read = await readForm(event.request, moveForm);
			if (!read.ok) return invalid(read, { form: 'move', id: parseId(read.values.id), conflict: null });
			if (!(await page.move(db(), user.id, dossier.id, read.data.id, read.data.direction))) error(404, gone);
			done(dossier.slug, 'moved', read.data.id);
		},
		remove: async (event: DossierEvent) => {
			const { user, dossier } = await start(event);
			const read = await readForm(event.request, page.removeForm);
			const which = { form: 'remove', id: parseId(read.values.id), conflict: null };
			if (!read.ok) return invalid(read, which);
			const removed = await page.remove(db(), user.id, dossier.id, read.data.id);
			if (!removed) error(404, gone);
			// In use: nothing removed, and the page says by how many records.
			if (!removed.ok) return refuse(409, read.values, errorFor('form', removed.message), which);
			done(dossier.slug, 'removed');
		}
	};
}
