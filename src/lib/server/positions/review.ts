import { and, eq } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, position, topic } from '../db/schema';
import { audit } from '../audit';
import { atVersion, nextVersion } from '../db/version';
import { hasRole, type SessionUser } from '../authorization';
import { positionFormFromRow, toSourceRef, type PositionFormValues, type PositionInput } from '$lib/positions/input';
import type { Conflict } from '$lib/stale-edit';
import { diffSnapshots, type PositionSnapshot } from '$lib/positions/changes';
import { wholeBanLabel } from '$lib/positions/stance';
import {
	editRefusal,
	positionReview,
	returnCommentMissing,
	reviewSteps,
	stateAfterSave,
	stepRefusal,
	type ReviewState,
	type ReviewStep
} from '$lib/review';

/**
 * The review workflow (`$lib/review`) applied to positions: anyone with the reviewer role or above
 * drafts; only the author (or an admin) edits and submits; a different member approves or returns;
 * only approved positions reach the public pages. Each step checks the version the person saw, so two
 * people cannot overwrite each other.
 */
export type WorkflowResult =
	| { ok: true; id: number; state: ReviewState }
	| {
			ok: false;
			status: 400 | 403 | 404 | 409;
			message: string;
			errors?: Record<string, string[]>;
			conflict?: undefined;
	  }
	| { ok: false; status: 409; message: string; errors?: undefined; conflict: Conflict<PositionFormValues> };

type Actor = SessionUser;
type Row = typeof position.$inferSelect;

const refuse = (status: 400 | 403 | 404 | 409, message: string, errors?: Record<string, string[]>): WorkflowResult => ({
	ok: false,
	status,
	message,
	errors
});
/** Someone saved the position since `version` (`$lib/stale-edit`): nothing is written, theirs comes back. */
const conflict = (row: Row): WorkflowResult => ({
	ok: false,
	status: 409,
	message: 'Someone changed this position since you opened it: their version is shown; nothing of yours was saved.',
	conflict: { version: row.version, record: positionFormFromRow(row) }
});

async function names(db: DbConnection, actorId: number, topicId: number | null) {
	const [a] = await db.select({ name: actor.name }).from(actor).where(eq(actor.id, actorId));
	const [t] =
		topicId === null
			? [{ name: wholeBanLabel }]
			: await db.select({ name: topic.name }).from(topic).where(eq(topic.id, topicId));
	return { actor: a?.name, topic: t?.name };
}

async function snapshot(
	db: DbConnection,
	p: Omit<
		Row,
		| 'id'
		| 'createdAt'
		| 'updatedAt'
		| 'version'
		| 'reviewState'
		| 'seedKey'
		| 'authorId'
		| 'lastEditorId'
		| 'reviewerId'
		| 'reviewComment'
		| 'dossierId'
	>
): Promise<PositionSnapshot> {
	const n = await names(db, p.actorId, p.topicId);
	return {
		actor: n.actor ?? String(p.actorId),
		topic: n.topic ?? String(p.topicId),
		date: p.date,
		dateNote: p.dateNote,
		stance: p.stance,
		stanceAsReported: p.stanceAsReported,
		stanceBasis: p.stanceBasis,
		summary: p.summary,
		evidence: p.evidence,
		confidence: p.confidence,
		visibility: p.visibility,
		internalNote: p.internalNote
	};
}

function fields(input: PositionInput) {
	return {
		actorId: input.actorId,
		topicId: input.topic,
		date: input.date,
		dateNote: input.dateNote,
		stance: input.stance,
		stanceAsReported: input.stanceAsReported,
		stanceBasis: input.stanceBasis,
		summary: input.summary,
		evidence: input.evidence.map(toSourceRef),
		confidence: input.confidence,
		visibility: input.visibility,
		internalNote: input.internalNote
	};
}

/** Checks that the actor exists and the topic belongs to the dossier: field errors, not a 500 from a foreign key. */
async function checkReferences(
	db: DbConnection,
	dossierId: number,
	input: PositionInput
): Promise<WorkflowResult | null> {
	const n = await names(db, input.actorId, input.topic);
	const errors: Record<string, string[]> = {};
	if (!n.actor) errors.actorId = ['There is no such actor.'];
	if (input.topic !== null) {
		const [t] = await db
			.select({ id: topic.id })
			.from(topic)
			.where(and(eq(topic.id, input.topic), eq(topic.dossierId, dossierId)));
		if (!t) errors.topic = ['There is no such topic in this dossier.'];
	}
	return Object.keys(errors).length ? refuse(400, 'Please correct the fields marked below.', errors) : null;
}

async function load(db: DbConnection, id: number): Promise<Row | undefined> {
	const [row] = await db.select().from(position).where(eq(position.id, id)).for('update');
	return row;
}

/** Drafts a new position (state 'draft', or straight to 'in_review' when `submit`). */
export async function createPosition(
	db: DbConnection,
	user: Actor,
	dossierId: number,
	input: PositionInput,
	submit: boolean
): Promise<WorkflowResult> {
	if (!hasRole(user, 'reviewer')) return refuse(403, 'Drafting a position needs the reviewer role.');
	return db.transaction(async (tx) => {
		const bad = await checkReferences(tx, dossierId, input);
		if (bad) return bad;
		const state = stateAfterSave(positionReview, null, submit);
		const [row] = await tx
			.insert(position)
			.values({ dossierId, ...fields(input), reviewState: state, authorId: user.id, lastEditorId: user.id })
			.returning();
		await audit(tx, {
			userId: user.id,
			action: 'position.create',
			entityType: 'position',
			entityId: row.id,
			details: { state, after: await snapshot(tx, row) }
		});
		return { ok: true, id: row.id, state };
	});
}

/** Edits a draft or returned position (its author, or an admin); `submit` also sends it for review. */
export async function updatePosition(
	db: DbConnection,
	user: Actor,
	id: number,
	version: number,
	input: PositionInput,
	submit: boolean
): Promise<WorkflowResult> {
	if (!hasRole(user, 'reviewer')) return refuse(403, 'Editing a position needs the reviewer role.');
	return db.transaction(async (tx) => {
		const row = await load(tx, id);
		if (!row) return refuse(404, 'There is no such position.');
		if (row.version !== version) return conflict(row);
		const refused = editRefusal(positionReview, user, row);
		if (refused) return refuse(refused.status, refused.message);
		const bad = await checkReferences(tx, row.dossierId, input);
		if (bad) return bad;
		const state = stateAfterSave(positionReview, row.reviewState, submit);
		const before = await snapshot(tx, row);
		const [after] = await tx
			.update(position)
			.set({
				...fields(input),
				reviewState: state,
				lastEditorId: user.id,
				version: nextVersion(position.version),
				updatedAt: new Date()
			})
			.where(atVersion(position, id, version))
			.returning();
		const changes = diffSnapshots(before, await snapshot(tx, after));
		await audit(tx, {
			userId: user.id,
			action: 'position.update',
			entityType: 'position',
			entityId: id,
			details: { changes, ...(state !== row.reviewState ? { from: row.reviewState, to: state } : {}) }
		});
		return { ok: true, id, state };
	});
}

async function transition(
	db: DbConnection,
	user: Actor,
	id: number,
	version: number,
	step: { name: ReviewStep; comment?: string | null; details?: (row: Row) => Record<string, unknown> },
	extra: (row: Row) => Partial<Row> = () => ({})
): Promise<WorkflowResult> {
	if (!hasRole(user, 'reviewer')) return refuse(403, 'This needs the reviewer role.');
	const to = reviewSteps[step.name].to;
	return db.transaction(async (tx) => {
		const row = await load(tx, id);
		if (!row) return refuse(404, 'There is no such position.');
		if (row.version !== version) return conflict(row);
		const refused = stepRefusal(positionReview, step.name, user, row);
		if (refused) return refuse(refused.status, refused.message);
		await tx
			.update(position)
			.set({ reviewState: to, version: nextVersion(position.version), updatedAt: new Date(), ...extra(row) })
			.where(atVersion(position, id, version));
		await audit(tx, {
			userId: user.id,
			action: `position.${step.name}`,
			entityType: 'position',
			entityId: id,
			details: { from: row.reviewState, to, ...(step.comment ? { comment: step.comment } : {}), ...step.details?.(row) }
		});
		return { ok: true, id, state: to };
	});
}

/** Sends a draft or returned position for review: its author, or an admin. */
export function submitPosition(db: DbConnection, user: Actor, id: number, version: number) {
	return transition(db, user, id, version, { name: 'submit' });
}

/** Approves a position in review: someone other than its author and its last editor. */
export function approvePosition(db: DbConnection, user: Actor, id: number, version: number, comment: string | null) {
	return transition(db, user, id, version, { name: 'approve', comment }, () => ({
		reviewerId: user.id,
		reviewComment: comment
	}));
}

/** Sends a position in review back to its author with a comment: someone other than its author and its last editor. */
export function returnPosition(db: DbConnection, user: Actor, id: number, version: number, comment: string) {
	const missing = returnCommentMissing(comment);
	if (missing) return Promise.resolve(refuse(400, missing, { comment: [missing] }));
	return transition(db, user, id, version, { name: 'return', comment }, () => ({
		reviewerId: user.id,
		reviewComment: comment
	}));
}

/**
 * Takes an approved position off the public pages to change it: it becomes a draft of the person
 * reopening it, who is then its author (so someone else must approve the change).
 */
export function reopenPosition(db: DbConnection, user: Actor, id: number, version: number, reason: string) {
	if (!reason.trim())
		return Promise.resolve(refuse(400, 'Say why it needs changing.', { comment: ['Say why it needs changing.'] }));
	const step = {
		name: 'reopen' as const,
		comment: reason,
		details: (row: Row) => ({ previousAuthorId: row.authorId })
	};
	return transition(db, user, id, version, step, () => ({
		authorId: user.id,
		lastEditorId: user.id,
		reviewerId: null,
		reviewComment: null
	}));
}
