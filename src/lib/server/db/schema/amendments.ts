import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, visibilities, type SourceRef } from './common';
import { document, dossier } from './dossier';
import { provision } from './text';
import { actor } from './actors';
import { user } from './auth';
import { amendmentStatuses, assessmentDirections } from '../../../amendments/statuses';
import { reviewStates } from '../../../review';

export { amendmentStatuses, assessmentDirections };
export type { AmendmentStatus, AssessmentDirection } from '../../../amendments/statuses';

/** PostgreSQL's full-text document type; only ever written by a generated column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const amendment = pgTable(
	'amendment',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		/** The document the amendment was tabled in or adopted as (e.g. P9_TA(2023)0236). */
		documentId: integer('document_id').references(() => document.id, { onDelete: 'set null' }),
		number: text('number').notNull(),
		/** Where it was tabled: 'EP plenary', 'IMCO-LIBE', 'Council working party'… */
		tablingContext: text('tabling_context').notNull(),
		tabledOn: text('tabled_on'),
		targetProvisionId: integer('target_provision_id').references(() => provision.id, { onDelete: 'set null' }),
		/** The target as printed, e.g. 'Article 5 – paragraph 1 – point d – introductory part'. */
		targetLabel: text('target_label').notNull(),
		/** 'whole', 'introductory', 'heading'… which part of the target the texts cover. */
		targetPart: text('target_part').notNull().default('whole'),
		baseText: text('base_text').notNull(),
		proposedText: text('proposed_text').notNull(),
		deletesProvision: boolean('deletes_provision').notNull().default(false),
		newProvision: boolean('new_provision').notNull().default(false),
		justification: text('justification'),
		status: text('status', { enum: amendmentStatuses }).notNull(),
		visibility: text('visibility', { enum: visibilities }).notNull().default('public'),
		sources: jsonb('sources').$type<SourceRef[]>().notNull().default([]),
		/** Optimistic concurrency: every edit carries the version it started from. */
		version: integer('version').notNull().default(1),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		/** The leading digits of `number` ('12a' → 12), so '9' sorts before '10'; null when there are none. */
		numberSort: integer('number_sort').generatedAlwaysAs(
			sql`(nullif(substring("number" from '^[0-9]{1,9}'), ''))::integer`
		),
		/**
		 * Full-text search document: proposed text weighs most, then the base text, then target and
		 * justification. Written by PostgreSQL itself, so it never drifts from the texts; never select it.
		 */
		search: tsvector('search')
			.notNull()
			.generatedAlwaysAs(
				sql`setweight(to_tsvector('english'::regconfig, "proposed_text"), 'A') || setweight(to_tsvector('english'::regconfig, "base_text"), 'B') || setweight(to_tsvector('english'::regconfig, "target_label" || ' ' || coalesce("justification", '')), 'C')`
			)
	},
	(t) => [
		unique().on(t.dossierId, t.tablingContext, t.number),
		index().on(t.targetProvisionId),
		index().on(t.status),
		// A small pending list (512 kB): bulk inserts stay fast, yet searches never scan a long list of
		// unmerged rows while waiting for a VACUUM (PGlite has no autovacuum). The import flushes it.
		index('amendment_search_idx').using('gin', t.search).with({ fastupdate: true, gin_pending_list_limit: 512 }),
		// Covers the list's filters too, so counting and paging can read this index alone (index-only scans).
		index('amendment_list_idx').on(
			t.dossierId,
			t.numberSort,
			t.number,
			t.id,
			t.visibility,
			t.status,
			t.targetProvisionId,
			t.tabledOn
		),
		// Newest first by tabling date, covering the filters as above.
		index('amendment_tabled_idx').on(t.dossierId, t.tabledOn.desc().nullsLast(), t.visibility, t.status, t.id)
	]
);

export const amendmentAuthor = pgTable(
	'amendment_author',
	{
		amendmentId: integer('amendment_id')
			.notNull()
			.references(() => amendment.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => actor.id, { onDelete: 'cascade' }),
		/** Authors in the order the document prints them (0 first). */
		position: integer('position').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.amendmentId, t.actorId] }), index().on(t.actorId)]
);

export const amendmentStatusChange = pgTable(
	'amendment_status_change',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		amendmentId: integer('amendment_id')
			.notNull()
			.references(() => amendment.id, { onDelete: 'cascade' }),
		status: text('status', { enum: amendmentStatuses }).notNull(),
		/** The date the status took effect (ISO, may be partial), not when it was recorded. */
		date: text('date'),
		note: text('note'),
		changedBy: integer('changed_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.amendmentId)]
);

/** The coalition's view of an amendment: does it strengthen or weaken the ban? */
export const assessment = pgTable(
	'assessment',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		amendmentId: integer('amendment_id')
			.notNull()
			.references(() => amendment.id, { onDelete: 'cascade' }),
		direction: text('direction', { enum: assessmentDirections }).notNull(),
		note: text('note').notNull().default(''),
		visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
		reviewState: text('review_state', { enum: reviewStates }).notNull().default('draft'),
		authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
		reviewerId: integer('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [unique().on(t.amendmentId)]
);

export const commentTargets = ['amendment', 'position', 'assessment', 'provision'] as const;

/** Reviewers' and editors' comments. Always internal. */
export const comment = pgTable(
	'comment',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		targetType: text('target_type', { enum: commentTargets }).notNull(),
		targetId: integer('target_id').notNull(),
		authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.targetType, t.targetId)]
);
