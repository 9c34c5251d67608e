import { boolean, index, integer, pgTable, text, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { dossier } from './dossier';

export const actorKinds = [
	'member_state',
	'institution',
	'presidency',
	'political_group',
	'member',
	'committee',
	'organisation'
] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Anyone who takes a position or tables an amendment. */
export const actor = pgTable(
	'actor',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		kind: text('kind', { enum: actorKinds }).notNull(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		/** ISO 3166-1 alpha-2 for member states (EL for Greece, as the EU writes it). */
		countryCode: text('country_code'),
		/** A member's political group, a committee's institution. */
		parentId: integer('parent_id').references((): AnyPgColumn => actor.id, { onDelete: 'set null' }),
		description: text('description'),
		/** The institution's own identifier: a Member's Parliament id (europarl.europa.eu/meps/en/{id}). */
		externalId: text('external_id'),
		/** A Member's national party as the Parliament's directory prints it. */
		nationalParty: text('national_party'),
		/** Created by an import for a printed name that matched no known actor: shown as "not matched". */
		unmatched: boolean('unmatched').notNull().default(false)
	},
	(t) => [index().on(t.kind), index().on(t.parentId)]
);

/** The parts of the ban that positions and assessments are about. */
export const topic = pgTable(
	'topic',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		dossierId: integer('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull(),
		/** eIds of the final act's provisions this topic is about. */
		provisionEids: text('provision_eids').array().notNull().default([]),
		sortOrder: integer('sort_order').notNull(),
		/** Optimistic concurrency: every edit carries the version it started from. */
		version: integer('version').notNull().default(1)
	},
	(t) => [unique().on(t.dossierId, t.slug)]
);
