import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbConnection } from '../db';
import { actor, auditLog, dossier, position, topic, user } from '../db/schema';
import { wholeBanLabel, WHOLE_BAN } from '$lib/positions/stance';
import type { Changes } from '$lib/positions/changes';
import { mayDecide, positionReview } from '$lib/review';

const author = alias(user, 'author');
const reviewer = alias(user, 'reviewer');

const detailColumns = {
	position,
	actor: { id: actor.id, slug: actor.slug, name: actor.name, kind: actor.kind },
	topic: { id: topic.id, slug: topic.slug, name: topic.name },
	dossier: { id: dossier.id, slug: dossier.slug, shortTitle: dossier.shortTitle },
	authorName: author.name,
	authorEmail: author.email,
	reviewerName: reviewer.name,
	reviewerEmail: reviewer.email
};

function selectDetails(db: DbConnection) {
	return db
		.select(detailColumns)
		.from(position)
		.innerJoin(actor, eq(actor.id, position.actorId))
		.innerJoin(dossier, eq(dossier.id, position.dossierId))
		.leftJoin(topic, eq(topic.id, position.topicId))
		.leftJoin(author, eq(author.id, position.authorId))
		.leftJoin(reviewer, eq(reviewer.id, position.reviewerId));
}

type DetailRow = Awaited<ReturnType<ReturnType<typeof selectDetails>['execute']>>[number];

export interface PositionDetail extends Omit<DetailRow, 'topic'> {
	topic: { key: string; name: string };
}

const toDetail = ({ topic: t, ...row }: DetailRow): PositionDetail => ({
	...row,
	topic: t ? { key: t.slug, name: t.name } : { key: WHOLE_BAN, name: wholeBanLabel }
});

/** A position in any state, with its actor, topic, author and reviewer: for coalition members only. */
export async function getPositionDetail(db: DbConnection, id: number): Promise<PositionDetail | undefined> {
	const [row] = await selectDetails(db).where(eq(position.id, id));
	return row && toDetail(row);
}

export interface ReviewQueue {
	/** In review and neither drafted nor last changed by this person: theirs to approve or return. */
	toReview: PositionDetail[];
	/** Sent back to this person with a comment. */
	returned: PositionDetail[];
	/** This person's drafts, not yet sent for review. */
	drafts: PositionDetail[];
	/** This person's positions waiting for someone else's review. */
	waiting: PositionDetail[];
}

/** What waits for one signed-in person, oldest first (the longest waiting on top). */
export async function reviewQueue(db: DbConnection, userId: number): Promise<ReviewQueue> {
	const rows = await selectDetails(db)
		.where(
			or(
				// In review, and the two-person rule lets this person decide (see `mayDecide`).
				and(
					eq(position.reviewState, 'in_review'),
					or(isNull(position.authorId), ne(position.authorId, userId)),
					or(isNull(position.lastEditorId), ne(position.lastEditorId, userId))
				),
				and(inArray(position.reviewState, ['draft', 'returned', 'in_review']), eq(position.authorId, userId))
			)
		)
		.orderBy(asc(position.updatedAt), asc(position.id));
	const all = rows.map(toDetail);
	const mine = (p: PositionDetail) => p.position.authorId === userId;
	return {
		toReview: all.filter((p) => mayDecide(positionReview, { id: userId }, p.position)),
		returned: all.filter((p) => p.position.reviewState === 'returned'),
		drafts: all.filter((p) => p.position.reviewState === 'draft'),
		waiting: all.filter((p) => p.position.reviewState === 'in_review' && mine(p))
	};
}

export interface HistoryEntry {
	id: number;
	at: Date;
	action: string;
	userName: string | null;
	userEmail: string | null;
	from?: string;
	to?: string;
	comment?: string;
	changes?: Changes;
	created?: boolean;
	note?: string;
}

/** Everything that happened to a position, from the audit log, oldest first. */
export async function positionHistory(db: DbConnection, id: number): Promise<HistoryEntry[]> {
	const rows = await db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			details: auditLog.details,
			userName: user.name,
			userEmail: user.email
		})
		.from(auditLog)
		.leftJoin(user, eq(user.id, auditLog.userId))
		.where(and(eq(auditLog.entityType, 'position'), eq(auditLog.entityId, String(id))))
		.orderBy(asc(auditLog.at), asc(auditLog.id));
	return rows.map((r) => {
		const d = r.details as {
			from?: string;
			to?: string;
			state?: string;
			comment?: string;
			changes?: Changes;
			note?: string;
		};
		return {
			id: r.id,
			at: r.at,
			action: r.action.replace(/^position\./, ''),
			userName: r.userName,
			userEmail: r.userEmail,
			from: d.from,
			to: d.to ?? d.state,
			comment: d.comment,
			changes: d.changes,
			created: r.action === 'position.create' || r.action === 'position.seed',
			note: d.note
		};
	});
}

/** The choices of the draft form: every actor (member states first) and the dossier's topics. */
export async function formOptions(db: DbConnection, dossierId: number) {
	const [actors, topics] = await Promise.all([
		db
			.select({ id: actor.id, name: actor.name, kind: actor.kind })
			.from(actor)
			.orderBy(asc(actor.kind), asc(actor.name)),
		db
			.select({ id: topic.id, name: topic.name, slug: topic.slug })
			.from(topic)
			.where(eq(topic.dossierId, dossierId))
			.orderBy(asc(topic.sortOrder))
	]);
	return { actors, topics };
}

/** Recently approved positions, newest first, for the review page's "recently decided" list. */
export async function recentlyApproved(db: DbConnection, limit = 10): Promise<PositionDetail[]> {
	const rows = await selectDetails(db)
		.where(and(eq(position.reviewState, 'approved'), isNotNull(position.authorId)))
		.orderBy(desc(position.updatedAt))
		.limit(limit);
	return rows.map(toDetail);
}
