/**
 * The review workflow of every reviewed kind of record (positions, the coalition's assessments of
 * amendments): its states and their names, its steps, who may change the content and who may decide.
 * Pure: the server modules apply the steps, the loads ask what a person may do, the pages show the states.
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved ──reopen──▶ draft
 *     ▲                   │
 *     └── edit ◀── returned ◀──return (with a comment)
 *
 * Only an approved record that is public reaches the public pages. The two-person rule: whoever drafted
 * a record or made the last change to its content cannot also approve it or send it back.
 */

export const reviewStates = ['draft', 'in_review', 'returned', 'approved'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** The one name of each state, on every page that shows it. */
export const reviewStateLabel: Record<ReviewState, string> = {
	draft: 'Draft',
	in_review: 'In review',
	returned: 'Returned to the author',
	approved: 'Approved'
};

export type ReviewStep = 'submit' | 'approve' | 'return' | 'reopen';

export const reviewSteps: Record<ReviewStep, { from: readonly ReviewState[]; to: ReviewState }> = {
	submit: { from: ['draft', 'returned'], to: 'in_review' },
	approve: { from: ['in_review'], to: 'approved' },
	return: { from: ['in_review'], to: 'returned' },
	reopen: { from: ['approved'], to: 'draft' }
};

/** A reviewed kind of record: what it is called, and how its content is changed. */
export interface ReviewKind {
	noun: string;
	/**
	 * - `author`: only its author (or an admin) edits it, as a draft or once returned, and sends it for
	 *   review when ready; an approved one is reopened first (whoever reopens it becomes its author).
	 * - `anyone`: any coalition member revises it in any state and becomes its author; saving sends it
	 *   for review, so someone else still approves every change.
	 */
	editedBy: 'author' | 'anyone';
}

export const positionReview: ReviewKind = { noun: 'position', editedBy: 'author' };
export const assessmentReview: ReviewKind = { noun: 'assessment', editedBy: 'anyone' };

/** The coalition member acting; the caller has checked that they hold the reviewer role. */
export interface Member {
	id: number;
	role: string;
}

/** What the workflow reads of a record. */
export interface Reviewed {
	reviewState: ReviewState;
	authorId: number | null;
	/**
	 * Who last changed the content, where that can be someone other than the author (an admin editing a
	 * member's draft). Kinds whose every save makes the saver the author leave it out.
	 */
	lastEditorId?: number | null;
}

/** Why a step is refused: 403 when this person may not take it, 409 when the record's state does not allow it. */
export interface Refusal {
	status: 403 | 409;
	message: string;
}

const isAuthorOrAdmin = (member: Member, record: Reviewed) => record.authorId === member.id || member.role === 'admin';

/** Why this member may not change the record's content now, or null when they may. */
export function editRefusal(kind: ReviewKind, member: Member, record: Reviewed): Refusal | null {
	if (kind.editedBy === 'anyone') return null;
	if (!isAuthorOrAdmin(member, record))
		return { status: 403, message: 'Only the author of a draft (or an admin) can edit it.' };
	if (!reviewSteps.submit.from.includes(record.reviewState))
		return {
			status: 409,
			message: `Only drafts and returned ${kind.noun}s can be edited; reopen an approved one first.`
		};
	return null;
}

export const mayEdit = (kind: ReviewKind, member: Member, record: Reviewed) =>
	editRefusal(kind, member, record) === null;

/**
 * The state after a save of the content: `anyone` kinds always go to review; `author` kinds stay as they
 * are (a new one is a draft) unless the author sends it too.
 */
export function stateAfterSave(kind: ReviewKind, current: ReviewState | null, submit: boolean): ReviewState {
	if (kind.editedBy === 'anyone' || submit) return 'in_review';
	return current ?? 'draft';
}

const notInState = (kind: ReviewKind, step: ReviewStep, record: Reviewed): Refusal | null =>
	reviewSteps[step].from.includes(record.reviewState)
		? null
		: {
				status: 409,
				message: `This ${kind.noun} is ${reviewStateLabel[record.reviewState].toLowerCase()}: that step is not possible now.`
			};

/**
 * Why this member may not approve the record or send it back now, or null when they may. The
 * two-person rule needs only who they are, not their role.
 */
export function decisionRefusal(
	kind: ReviewKind,
	decision: 'approve' | 'return',
	member: Pick<Member, 'id'>,
	record: Reviewed
): Refusal | null {
	if (record.authorId === member.id)
		return { status: 403, message: `A different coalition member must review this ${kind.noun}: you drafted it.` };
	if (record.lastEditorId === member.id)
		return {
			status: 403,
			message: `A different coalition member must review this ${kind.noun}: you made the last change to it.`
		};
	return notInState(kind, decision, record);
}

/** Whether this member may approve the record or send it back now (both need the same). */
export const mayDecide = (kind: ReviewKind, member: Pick<Member, 'id'>, record: Reviewed) =>
	decisionRefusal(kind, 'approve', member, record) === null;

/** Why this member may not take the step on the record now, or null when they may. */
export function stepRefusal(kind: ReviewKind, step: ReviewStep, member: Member, record: Reviewed): Refusal | null {
	if (step === 'approve' || step === 'return') return decisionRefusal(kind, step, member, record);
	if (step === 'submit' && !isAuthorOrAdmin(member, record))
		return { status: 403, message: 'Only the author (or an admin) can send a draft for review.' };
	return notInState(kind, step, record);
}

export const mayTake = (kind: ReviewKind, step: ReviewStep, member: Member, record: Reviewed) =>
	stepRefusal(kind, step, member, record) === null;

/** Sending a record back needs a reason for its author; the message when it is missing, or null. */
export const returnCommentMissing = (comment: string) => (comment.trim() ? null : 'Say why you send it back.');

/** Whether the public may see the record: another member approved it and it is public. */
export const isPublished = (record: { reviewState: ReviewState; visibility: string }) =>
	record.reviewState === 'approved' && record.visibility === 'public';
