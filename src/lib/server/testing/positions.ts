import { and, eq } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, dossier, position, topic, user } from '../db/schema';
import type { ReviewState } from '$lib/review';

/** For tests (the access matrix): a position of Austria on post RBI in a given state, by a given author. */
export async function positionFixture(
	db: DbConnection,
	authorId: number | null,
	reviewState: ReviewState
): Promise<number> {
	const [{ id: dossierId }] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	const [{ id: actorId }] = await db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'austria'));
	const [row] = await db
		.insert(position)
		.values({
			dossierId,
			actorId,
			date: '2026-01',
			stance: 'unknown',
			summary: 'Fixture',
			confidence: 'reported',
			visibility: 'internal',
			reviewState,
			authorId
		})
		.returning({ id: position.id });
	return row.id;
}

/** Another user to be a position's author. */
export async function otherAuthor(db: DbConnection, n: number): Promise<number> {
	const [row] = await db
		.insert(user)
		.values({ email: `position-author-${n}@example.org`, name: `Author ${n}`, role: 'reviewer' })
		.returning({ id: user.id });
	return row.id;
}

/** A valid draft form (Austria, post RBI). */
export async function positionFormSample(db: DbConnection): Promise<Record<string, string>> {
	const [{ id: actorId }] = await db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'austria'));
	const [{ id: topicId }] = await db
		.select({ id: topic.id })
		.from(topic)
		.innerJoin(dossier, eq(dossier.id, topic.dossierId))
		.where(and(eq(dossier.slug, 'ai-act'), eq(topic.slug, 'post-rbi')));
	return {
		actorId: String(actorId),
		topic: String(topicId),
		date: '2026-02',
		stance: 'unknown',
		summary: 'Matrix sample',
		confidence: 'reported',
		visibility: 'internal',
		evidenceUrl: 'https://example.org/source',
		intent: 'draft'
	};
}
