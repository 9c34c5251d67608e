import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';

export const roles = ['reviewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const user = pgTable(
	'user',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** Stored lower-cased; unique. */
		email: text('email').notNull().unique(),
		name: text('name').notNull().default(''),
		passwordHash: text('password_hash'),
		role: text('role', { enum: roles }).notNull(),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	// The database refuses a role the app does not know, as `requireRole` refuses it (fail closed twice).
	(t) => [check('user_role_known', sql`${t.role} in (${sql.raw(roles.map((r) => `'${r}'`).join(', '))})`)]
);

/** Lucia-guide sessions: `id` is the SHA-256 (hex) of the token the browser holds. */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.userId)]
);

/** Sign-in attempts, kept in the database so throttling holds across processes. */
export const loginAttempt = pgTable(
	'login_attempt',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		email: text('email').notNull(),
		address: text('address').notNull(),
		success: boolean('success').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.email, t.at), index().on(t.address, t.at)]
);

/** Requests to costly public routes (the own-text comparison), counted per address for its rate limit. */
export const requestHit = pgTable(
	'request_hit',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** What is limited and for whom, e.g. 'compare-text:203.0.113.7'. */
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.key, t.at)]
);

/** Append-only: a trigger (migration `audit_append_only`) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index().on(t.entityType, t.entityId), index().on(t.at)]
);

export const followTargets = ['provision', 'country', 'topic'] as const;

/** What a signed-in user follows, for their personal feed. */
export const follow = pgTable(
	'follow',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		targetType: text('target_type', { enum: followTargets }).notNull(),
		targetKey: text('target_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.userId)]
);
