import { describe, expect, it } from 'vitest';
import {
	assessmentReview,
	decisionRefusal,
	editRefusal,
	isPublished,
	mayDecide,
	mayEdit,
	mayTake,
	positionReview,
	returnCommentMissing,
	reviewStateLabel,
	reviewStates,
	reviewSteps,
	stateAfterSave,
	stepRefusal,
	type ReviewState
} from './review';

const author = { id: 1, role: 'reviewer' };
const other = { id: 2, role: 'reviewer' };
const admin = { id: 3, role: 'admin' };
const record = (reviewState: ReviewState, lastEditorId: number | null = author.id) => ({
	reviewState,
	authorId: author.id,
	lastEditorId
});

describe('the states and steps', () => {
	it('names every state once', () => {
		expect(Object.keys(reviewStateLabel).sort()).toEqual([...reviewStates].sort());
		expect(reviewStateLabel.in_review).toBe('In review');
	});

	it('goes draft → in review → approved or returned, and approved back to draft by reopening', () => {
		expect(reviewSteps.submit).toEqual({ from: ['draft', 'returned'], to: 'in_review' });
		expect(reviewSteps.approve).toEqual({ from: ['in_review'], to: 'approved' });
		expect(reviewSteps.return).toEqual({ from: ['in_review'], to: 'returned' });
		expect(reviewSteps.reopen).toEqual({ from: ['approved'], to: 'draft' });
	});

	it('publishes only what is approved and public', () => {
		expect(isPublished({ reviewState: 'approved', visibility: 'public' })).toBe(true);
		expect(isPublished({ reviewState: 'approved', visibility: 'internal' })).toBe(false);
		for (const s of ['draft', 'in_review', 'returned'] as const)
			expect(isPublished({ reviewState: s, visibility: 'public' })).toBe(false);
	});

	it('needs a reason to send something back', () => {
		expect(returnCommentMissing('  ')).toBe('Say why you send it back.');
		expect(returnCommentMissing('Cite the text.')).toBeNull();
	});
});

describe.each([
	['position', positionReview],
	['assessment', assessmentReview]
])('the two-person rule for a %s', (noun, kind) => {
	it('lets neither the author nor the last editor decide, and anyone else only while it is in review', () => {
		expect(mayDecide(kind, author, record('in_review'))).toBe(false);
		expect(decisionRefusal(kind, 'approve', author, record('in_review'))).toEqual({
			status: 403,
			message: `A different coalition member must review this ${noun}: you drafted it.`
		});
		expect(decisionRefusal(kind, 'return', admin, record('in_review', admin.id))).toMatchObject({
			status: 403,
			message: expect.stringContaining('last change')
		});
		expect(mayDecide(kind, other, record('in_review'))).toBe(true);
		expect(mayTake(kind, 'return', other, record('in_review'))).toBe(true);
		for (const s of ['draft', 'returned', 'approved'] as const) {
			expect(mayDecide(kind, other, record(s))).toBe(false);
			expect(decisionRefusal(kind, 'approve', other, record(s))).toMatchObject({
				status: 409,
				message: `This ${noun} is ${reviewStateLabel[s].toLowerCase()}: that step is not possible now.`
			});
		}
	});

	it('cannot be sent for review twice, and an approved one may be reopened by any member', () => {
		expect(stepRefusal(kind, 'submit', author, record('in_review'))).toMatchObject({ status: 409 });
		expect(mayTake(kind, 'reopen', other, record('approved'))).toBe(true);
	});
});

describe('editing a position', () => {
	it('is for its author or an admin, on a draft or a returned position', () => {
		for (const s of ['draft', 'returned'] as const) {
			expect(mayEdit(positionReview, author, record(s))).toBe(true);
			expect(mayEdit(positionReview, admin, record(s))).toBe(true);
			expect(editRefusal(positionReview, other, record(s))).toEqual({
				status: 403,
				message: 'Only the author of a draft (or an admin) can edit it.'
			});
		}
		for (const s of ['in_review', 'approved'] as const)
			expect(editRefusal(positionReview, author, record(s))).toMatchObject({ status: 409 });
	});

	it('is sent for review only by its author or an admin, and stays a draft unless sent', () => {
		expect(mayTake(positionReview, 'submit', author, record('returned'))).toBe(true);
		expect(mayTake(positionReview, 'submit', admin, record('draft'))).toBe(true);
		expect(stepRefusal(positionReview, 'submit', other, record('draft'))).toMatchObject({ status: 403 });
		expect(stateAfterSave(positionReview, null, false)).toBe('draft');
		expect(stateAfterSave(positionReview, 'returned', false)).toBe('returned');
		expect(stateAfterSave(positionReview, 'draft', true)).toBe('in_review');
	});
});

describe('revising an assessment', () => {
	it('is open to any member in any state, and every save goes to review', () => {
		for (const s of reviewStates) {
			expect(mayEdit(assessmentReview, other, record(s))).toBe(true);
			expect(stateAfterSave(assessmentReview, s, true)).toBe('in_review');
		}
		expect(stateAfterSave(assessmentReview, null, false)).toBe('in_review');
	});
});
