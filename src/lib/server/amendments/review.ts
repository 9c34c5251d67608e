import { and, eq, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, assessment, comment } from '../db/schema';
import { audit } from '../audit';
import type { AssessmentDirection } from '$lib/amendments/statuses';

export interface AssessmentInput {
	direction: AssessmentDirection;
	note: string;
	visibility: 'public' | 'internal';
	/** The version the reviewer started from; null when there was no assessment yet. */
	version: number | null;
}

export type AssessmentResult = { ok: true } | { ok: false; stale: true; current: { direction: string; note: string; version: number } };

/**
 * Records the coalition's assessment of an amendment (one per amendment). Like amendment edits, a save
 * made from an older version is refused and the newer assessment returned.
 */
export async function saveAssessment(db: DbConnection, amendmentId: number, input: AssessmentInput, userId: number): Promise<AssessmentResult> {
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(assessment).where(eq(assessment.amendmentId, amendmentId));
		if (before && before.version !== input.version) return { ok: false, stale: true, current: before };
		if (!before && input.version !== null) return { ok: false, stale: true, current: { direction: 'none', note: '(the assessment was removed)', version: 0 } };
		if (before) {
			const updated = await tx
				.update(assessment)
				.set({ direction: input.direction, note: input.note, visibility: input.visibility, authorId: userId, version: sql`${assessment.version} + 1`, updatedAt: new Date() })
				.where(and(eq(assessment.id, before.id), eq(assessment.version, before.version)))
				.returning({ id: assessment.id });
			if (!updated.length) return { ok: false, stale: true, current: before };
		} else {
			await tx.insert(assessment).values({ amendmentId, direction: input.direction, note: input.note, visibility: input.visibility, authorId: userId });
		}
		await audit(tx, {
			userId,
			action: before ? 'assessment.update' : 'assessment.create',
			entityType: 'amendment',
			entityId: amendmentId,
			details: {
				before: before ? { direction: before.direction, note: before.note, visibility: before.visibility } : null,
				after: { direction: input.direction, note: input.note, visibility: input.visibility }
			}
		});
		return { ok: true };
	});
}

/** Adds a reviewer's comment to an amendment. Comments are always internal. */
export async function addComment(db: DbConnection, amendmentId: number, body: string, userId: number): Promise<number> {
	return db.transaction(async (tx) => {
		const [exists] = await tx.select({ id: amendment.id }).from(amendment).where(eq(amendment.id, amendmentId));
		if (!exists) throw new Error(`No amendment ${amendmentId}`);
		const [row] = await tx.insert(comment).values({ targetType: 'amendment', targetId: amendmentId, body, authorId: userId }).returning({ id: comment.id });
		await audit(tx, { userId, action: 'comment.create', entityType: 'amendment', entityId: amendmentId, details: { commentId: row.id } });
		return row.id;
	});
}
