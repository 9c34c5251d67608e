import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	unique,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { document, dossier } from './dossier';
import { user } from './auth';

export const provisionKinds = [
	'citation',
	'recital',
	'article',
	'paragraph',
	'subparagraph',
	'point',
	'annex',
	'section',
	'line',
	'title',
	'chapter'
] as const;

/**
 * A numbered slot of the act, identified across the dossier by an Akoma Ntoso style eId
 * ('art_5', 'art_5__para_1__point_h', 'rec_32', 'anx_III'). The same eId may hold different
 * content in different documents (proposal 5(1)(d) is final 5(1)(h)): `provisionLink` says which
 * text versions correspond.
 */
export const provision = pgTable(
	'provision',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		eid: text('eid').notNull(),
		parentId: integer('parent_id').references((): AnyPgColumn => provision.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: provisionKinds }).notNull(),
		/** Canonical order among all provisions of the dossier (first document that has it wins). */
		sortKey: integer('sort_key').notNull()
	},
	(t) => [unique().on(t.dossierId, t.eid), index().on(t.parentId)]
);

/** A provision's text in one document. `text` includes the text of all its parts. */
export const textVersion = pgTable(
	'text_version',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		provisionId: integer('provision_id')
			.notNull()
			.references(() => provision.id, { onDelete: 'cascade' }),
		documentId: integer('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		num: text('num'),
		heading: text('heading'),
		text: text('text').notNull(),
		deleted: boolean('deleted').notNull().default(false),
		footnotes: jsonb('footnotes').$type<{ marker: string; text: string }[]>(),
		/** Position in the document's own reading order. */
		docOrder: integer('doc_order').notNull(),
		/** For reconstructed texts (the Parliament's position): the amendment numbers applied. */
		derivedFrom: jsonb('derived_from').$type<number[]>(),
		/**
		 * A Council text's own change marks (run formatting): bold = added and strikethrough = deleted against
		 * the Commission proposal, underlined = changed since the previous compromise text. Words, in order.
		 */
		marks: jsonb('marks').$type<TextMarks>(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [unique().on(t.provisionId, t.documentId), index().on(t.documentId, t.docOrder)]
);

/** The words a document itself marks as changed. */
export interface TextMarks {
	added: string[];
	deleted: string[];
	changed: string[];
}

export const linkMethods = ['numbering_map', 'same_number', 'similarity', 'manual'] as const;

/** Provision lineage: two text versions (in different documents) that are the same provision. */
export const provisionLink = pgTable(
	'provision_link',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		fromVersionId: integer('from_version_id')
			.notNull()
			.references(() => textVersion.id, { onDelete: 'cascade' }),
		toVersionId: integer('to_version_id')
			.notNull()
			.references(() => textVersion.id, { onDelete: 'cascade' }),
		method: text('method', { enum: linkMethods }).notNull(),
		similarity: real('similarity'),
		note: text('note'),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		unique().on(t.fromVersionId, t.toVersionId),
		index().on(t.toVersionId),
		check('provision_link_distinct', sql`${t.fromVersionId} <> ${t.toVersionId}`)
	]
);
