import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, visibilities, type SourceRef } from './common';
import { document, dossier } from './dossier';
import { provision } from './text';
import { actor } from './actors';
import { user } from './auth';

export const amendmentStatuses = [
	'draft',
	'tabled',
	'committee_adopted',
	'committee_rejected',
	'committee_fell',
	'withdrawn',
	'plenary_adopted',
	'plenary_rejected',
	'in_trilogue',
	'final_fully',
	'final_partly',
	'final_not'
] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

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
		updatedAt: updatedAt()
	},
	(t) => [
		unique().on(t.dossierId, t.tablingContext, t.number),
		index().on(t.targetProvisionId),
		index().on(t.status)
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
			.references(() => actor.id, { onDelete: 'cascade' })
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

export const assessmentDirections = ['strengthens', 'weakens', 'neutral'] as const;
export const reviewStates = ['draft', 'in_review', 'returned', 'approved'] as const;
export type ReviewState = (typeof reviewStates)[number];

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
