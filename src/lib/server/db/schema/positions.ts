import { index, integer, jsonb, pgTable, real, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, visibilities, type SourceRef } from './common';
import { document, dossier } from './dossier';
import { actor, topic } from './actors';
import { user } from './auth';
import { confidences, stances } from '../../../positions/stance';
import { reviewStates } from '../../../review';

// The scale lives in src/lib/positions (pure, shared with the pages); re-exported for the schema's users.
export { confidences, stances, type Stance } from '../../../positions/stance';

/**
 * Where an actor stood on a topic on a date. A position with no topic is about the ban as a whole.
 * `stanceAsReported` keeps the source's own words for the stance; `stance` is our scale.
 */
export const position = pgTable(
	'position',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => actor.id, { onDelete: 'cascade' }),
		topicId: integer('topic_id').references(() => topic.id, { onDelete: 'set null' }),
		/** ISO 8601, possibly partial ('2022-11'); null when unknown. */
		date: text('date'),
		dateNote: text('date_note'),
		stance: text('stance', { enum: stances }).notNull(),
		stanceAsReported: text('stance_as_reported'),
		/** Why the stance was put on our scale this way, quoting the evidence (shown with the stance). */
		stanceBasis: text('stance_basis'),
		summary: text('summary').notNull(),
		evidence: jsonb('evidence').$type<SourceRef[]>().notNull().default([]),
		confidence: text('confidence', { enum: confidences }).notNull(),
		visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
		reviewState: text('review_state', { enum: reviewStates }).notNull().default('draft'),
		internalNote: text('internal_note'),
		authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
		/** Who last changed the content (an admin may edit a member's draft): they may not approve it either. */
		lastEditorId: integer('last_editor_id').references(() => user.id, { onDelete: 'set null' }),
		reviewerId: integer('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
		reviewComment: text('review_comment'),
		/** Seed records carry a stable key so re-seeding is idempotent. */
		seedKey: text('seed_key').unique(),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index().on(t.actorId, t.topicId, t.date), index().on(t.reviewState, t.authorId)]
);

/** The coalition's demands that each text is scored against (e.g. 'covers private actors'). */
export const banCriterion = pgTable(
	'ban_criterion',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		label: text('label').notNull(),
		sortOrder: integer('sort_order').notNull(),
		/** Optimistic concurrency: every edit carries the version it started from. */
		version: integer('version').notNull().default(1)
	},
	(t) => [unique().on(t.dossierId, t.key)]
);

/** How far one document meets one criterion, with the justification and the provision it rests on. */
export const banScore = pgTable(
	'ban_score',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => banCriterion.id, { onDelete: 'cascade' }),
		documentId: integer('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		/** 0 (not met) to 1 (fully met). */
		score: real('score').notNull(),
		justification: text('justification').notNull(),
		provisionEid: text('provision_eid'),
		sources: jsonb('sources').$type<SourceRef[]>().notNull().default([]),
		/** Optimistic concurrency: every edit carries the version it started from. */
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt()
	},
	(t) => [unique().on(t.criterionId, t.documentId)]
);
