import { and, asc, count, countDistinct, eq, isNull, min, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbConnection } from './db';
import { published } from './review';
import { actor, amendment, amendmentAuthor, assessment, document, position } from './db/schema';
import type { DirectionCount, StatusCount } from '$lib/charts/amendments';
import type { StatePosition } from '$lib/charts/stances';

/** Public amendments counted by where they were tabled (the stage) and status. */
export async function amendmentStatusCounts(db: DbConnection, dossierId: number): Promise<StatusCount[]> {
	const rows = await db
		.select({ stage: amendment.tablingContext, status: amendment.status, n: count() })
		.from(amendment)
		.where(and(eq(amendment.dossierId, dossierId), eq(amendment.visibility, 'public')))
		.groupBy(amendment.tablingContext, amendment.status)
		.orderBy(asc(amendment.tablingContext));
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Public amendments counted by stage or by author and by the direction of their assessment. Only
 * assessments that are public and approved count; every other amendment is "not assessed" (null).
 */
export async function amendmentDirectionCounts(
	db: DbConnection,
	dossierId: number,
	by: 'stage' | 'author'
): Promise<DirectionCount[]> {
	const publishedAssessment = and(eq(assessment.amendmentId, amendment.id), published(assessment));
	const publicAmendments = and(eq(amendment.dossierId, dossierId), eq(amendment.visibility, 'public'));
	if (by === 'stage') {
		const rows = await db
			.select({ group: amendment.tablingContext, direction: assessment.direction, n: count() })
			.from(amendment)
			.leftJoin(assessment, publishedAssessment)
			.where(publicAmendments)
			.groupBy(amendment.tablingContext, assessment.direction);
		return rows.map((r) => ({ ...r, n: Number(r.n) }));
	}
	// A Member's amendments count for their political group, each amendment once per group.
	const group = alias(actor, 'author_group');
	const name = sql<
		string | null
	>`coalesce(${group.name}, case when ${actor.kind} = 'member' then 'Members not matched to a group' else ${actor.name} end)`;
	const rows = await db
		.select({ group: name, direction: assessment.direction, n: countDistinct(amendment.id) })
		.from(amendment)
		.leftJoin(amendmentAuthor, eq(amendmentAuthor.amendmentId, amendment.id))
		.leftJoin(actor, eq(actor.id, amendmentAuthor.actorId))
		.leftJoin(group, and(eq(group.id, actor.parentId), eq(actor.kind, 'member'), eq(group.kind, 'political_group')))
		.leftJoin(assessment, publishedAssessment)
		.where(publicAmendments)
		.groupBy(name, assessment.direction)
		.orderBy(asc(name));
	return rows.map((r) => ({ group: r.group ?? 'Author unknown', direction: r.direction, n: Number(r.n) }));
}

/** The member states by name, with their country codes and slugs. */
export async function memberStates(db: DbConnection) {
	return db
		.select({ name: actor.name, code: actor.countryCode, slug: actor.slug })
		.from(actor)
		.where(eq(actor.kind, 'member_state'))
		.orderBy(asc(actor.name));
}

/** The 27 member states' names, for the stance chart's denominator. */
export async function memberStateNames(db: DbConnection): Promise<string[]> {
	return (await memberStates(db)).map((r) => r.name);
}

/**
 * Member states' published positions (public and approved) on one topic, or on the ban as a whole
 * when `topicId` is null.
 */
export async function memberStatePositions(
	db: DbConnection,
	dossierId: number,
	topicId: number | null
): Promise<StatePosition[]> {
	return db
		.select({ state: actor.name, date: position.date, stance: position.stance })
		.from(position)
		.innerJoin(actor, eq(actor.id, position.actorId))
		.where(
			and(
				eq(position.dossierId, dossierId),
				eq(actor.kind, 'member_state'),
				published(position),
				topicId === null ? isNull(position.topicId) : eq(position.topicId, topicId)
			)
		)
		.orderBy(asc(position.date));
}

/**
 * Where the dossier's charts over time begin: the date of its earliest text (the AI Act's: the Commission
 * proposal, April 2021), else of its earliest position; null when it has neither.
 */
export async function chartsStart(db: DbConnection, dossierId: number): Promise<string | null> {
	const [text] = await db
		.select({ date: min(document.date) })
		.from(document)
		.where(eq(document.dossierId, dossierId));
	if (text?.date) return text.date;
	const [first] = await db
		.select({ date: min(position.date) })
		.from(position)
		.where(eq(position.dossierId, dossierId));
	return first?.date ?? null;
}
