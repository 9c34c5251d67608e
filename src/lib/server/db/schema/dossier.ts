import { boolean, index, integer, jsonb, pgTable, text, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { actor } from './actors';
import { createdAt, updatedAt, visibilities, type SourceRef } from './common';

export const dossier = pgTable('dossier', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	shortTitle: text('short_title').notNull(),
	procedureRef: text('procedure_ref').notNull(),
	summary: text('summary').notNull(),
	finalActRef: text('final_act_ref'),
	sources: jsonb('sources').$type<SourceRef[]>().notNull().default([]),
	createdAt: createdAt()
});

export const eventKinds = ['stage', 'event'] as const;

/**
 * Procedure stages (kind 'stage': the formal steps, numbered by `stageOrder`) and other dated events
 * (campaigns, opinions, application dates). Dates are ISO 8601 and may be partial ('2024-04') or unknown
 * (null); whether a stage is done or upcoming is derived from its date and today's.
 */
export const procedureEvent = pgTable(
	'procedure_event',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		kind: text('kind', { enum: eventKinds }).notNull(),
		category: text('category').notNull(),
		title: text('title').notNull(),
		date: text('date'),
		dateNote: text('date_note'),
		institution: text('institution'),
		documentRef: text('document_ref'),
		documentId: integer('document_id').references(() => document.id, { onDelete: 'set null' }),
		summary: text('summary'),
		votes: jsonb('votes').$type<{ for: number; against: number; abstentions: number }>(),
		verified: boolean('verified').notNull(),
		notes: text('notes'),
		stageOrder: integer('stage_order'),
		sources: jsonb('sources').$type<SourceRef[]>().notNull().default([]),
		visibility: text('visibility', { enum: visibilities }).notNull().default('public'),
		/** Optimistic concurrency: every edit carries the version it started from. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [unique().on(t.dossierId, t.key), index().on(t.dossierId, t.date)]
);

export const documentKinds = [
	'proposal',
	'general_approach',
	'ep_amendments',
	'ep_position',
	'final_act',
	'amending_act',
	/** A Parliament committee's amendments or draft report (a tabling context of its own). */
	'ep_committee_amendments',
	/** A Council presidency's compromise text, by presidency and date. */
	'council_text',
	/** The act as a later amending act left it: an unofficial consolidation. */
	'consolidated'
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A text of the act at one stage: the proposal, the Council's general approach, the final act… */
export const document = pgTable(
	'document',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		kind: text('kind', { enum: documentKinds }).notNull(),
		title: text('title').notNull(),
		shortTitle: text('short_title').notNull(),
		officialReference: text('official_reference').notNull(),
		url: text('url'),
		date: text('date'),
		/** Column order in comparisons: proposal, general approach, Parliament, final act, amending acts. */
		sortOrder: integer('sort_order').notNull(),
		provenance: jsonb('provenance').$type<Record<string, unknown>>(),
		/** The text this one revises (a compromise text's "No. prev. doc."). */
		previousId: integer('previous_id').references((): AnyPgColumn => document.id, { onDelete: 'set null' }),
		/** Who issued it: the committee that tabled the amendments, the presidency of a compromise text. */
		actorId: integer('actor_id').references((): AnyPgColumn => actor.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [unique().on(t.dossierId, t.key)]
);
