import { eq } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, assessment, comment } from '../db/schema';
import { audit } from '../audit';
import { atVersion, nextVersion } from '../db/version';
import type { Saved } from '$lib/stale-edit';
import type { AssessmentDirection } from '$lib/amendments/statuses';
import { assessmentReview, decisionRefusal, returnCommentMissing, reviewSteps, stateAfterSave } from '$lib/review';

export interface AssessmentInput {
	direction: AssessmentDirection;
	note: string;
	visibility: 'public' | 'internal';
	/** The version the reviewer started from; null when there was no assessment yet. */
	version: number | null;
}

/** An assessment as the form shows it. */
export interface AssessmentRecord {
	direction: string;
	note: string;
	visibility: string;
}

export type AssessmentResult = Saved<object, AssessmentRecord>;

const theirs = (a: AssessmentRecord & { version: number }): AssessmentResult => ({
	ok: false,
	conflict: { version: a.version, record: { direction: a.direction, note: a.note, visibility: a.visibility } }
});

/**
 * Records the coalition's assessment of an amendment (one per amendment). Like amendment edits, a save
 * made from an older version is refused and the newer assessment returned. Any member may revise it and
 * becomes its author; every save goes to review (`assessmentReview` in `$lib/review`): another member
 * approves it before a public assessment is published (see `reviewAssessment`).
 */
export async function saveAssessment(
	db: DbConnection,
	amendmentId: number,
	input: AssessmentInput,
	userId: number
): Promise<AssessmentResult> {
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(assessment).where(eq(assessment.amendmentId, amendmentId));
		if (before && before.version !== input.version) return theirs(before);
		if (!before && input.version !== null)
			return theirs({ direction: 'none', note: '(the assessment was removed)', visibility: '', version: 0 });
		if (before) {
			const updated = await tx
				.update(assessment)
				.set({
					direction: input.direction,
					note: input.note,
					visibility: input.visibility,
					authorId: userId,
					reviewState: stateAfterSave(assessmentReview, before.reviewState, true),
					reviewerId: null,
					version: nextVersion(assessment.version),
					updatedAt: new Date()
				})
				.where(atVersion(assessment, before.id, before.version))
				.returning({ id: assessment.id });
			if (!updated.length) return theirs(before);
		} else {
			await tx.insert(assessment).values({
				amendmentId,
				direction: input.direction,
				note: input.note,
				visibility: input.visibility,
				authorId: userId,
				reviewState: stateAfterSave(assessmentReview, null, true)
			});
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

export interface AssessmentReview {
	decision: 'approve' | 'return';
	/** The version the reviewer read. */
	version: number;
	/** Why it is sent back (required then), or a remark on approval. */
	comment: string;
}

export type ReviewResult = { ok: true } | { ok: false; error: string };

/**
 * A coalition member other than its author (whoever saved it last) approves an assessment waiting for review, or sends it back
 * with a comment (kept as an internal comment on the amendment). Only approved public assessments are
 * shown to the public.
 */
export async function reviewAssessment(
	db: DbConnection,
	amendmentId: number,
	review: AssessmentReview,
	userId: number
): Promise<ReviewResult> {
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(assessment).where(eq(assessment.amendmentId, amendmentId));
		if (!current) return { ok: false, error: 'There is no assessment to review.' };
		const changed = {
			ok: false,
			error: 'The assessment changed while you were reading it: read it again before deciding.'
		} as const;
		if (current.version !== review.version) return changed;
		// Every save makes the saver the author, so the author is also whoever changed it last.
		const refused = decisionRefusal(assessmentReview, review.decision, { id: userId }, current);
		if (refused) return { ok: false, error: refused.message };
		const missing = review.decision === 'return' ? returnCommentMissing(review.comment) : null;
		if (missing) return { ok: false, error: missing };
		const reviewState = reviewSteps[review.decision].to;
		const decided = await tx
			.update(assessment)
			.set({ reviewState, reviewerId: userId, version: nextVersion(assessment.version), updatedAt: new Date() })
			.where(atVersion(assessment, current.id, current.version))
			.returning({ id: assessment.id });
		if (!decided.length) return changed;
		if (review.comment.trim()) {
			const prefix = review.decision === 'approve' ? 'Assessment approved' : 'Assessment sent back';
			await tx.insert(comment).values({
				targetType: 'amendment',
				targetId: amendmentId,
				body: `${prefix}: ${review.comment.trim()}`,
				authorId: userId
			});
		}
		await audit(tx, {
			userId,
			action: review.decision === 'approve' ? 'assessment.approve' : 'assessment.return',
			entityType: 'amendment',
			entityId: amendmentId,
			details: { assessmentId: current.id, comment: review.comment.trim() || null }
		});
		return { ok: true };
	});
}

/** Adds a reviewer's comment to an amendment. Comments are always internal. */
export async function addComment(db: DbConnection, amendmentId: number, body: string, userId: number): Promise<number> {
	return db.transaction(async (tx) => {
		const [exists] = await tx.select({ id: amendment.id }).from(amendment).where(eq(amendment.id, amendmentId));
		if (!exists) throw new Error(`No amendment ${amendmentId}`);
		const [row] = await tx
			.insert(comment)
			.values({ targetType: 'amendment', targetId: amendmentId, body, authorId: userId })
			.returning({ id: comment.id });
		await audit(tx, {
			userId,
			action: 'comment.create',
			entityType: 'amendment',
			entityId: amendmentId,
			details: { commentId: row.id }
		});
		return row.id;
	});
}
