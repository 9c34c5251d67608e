import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { OpenDatabase } from '../db';
import { actor, auditLog, dossier, position, topic, type Role } from '../db/schema';
import { PUBLIC_VIEWER, type SessionUser } from '../authorization';
import { testDatabase } from '../testing/database';
import { positionInput, positionFormValues, type PositionInput } from '$lib/positions/input';
import { actorPositions, positionMatrix, visiblePositions } from '.';
import {
	approvePosition,
	createPosition,
	reopenPosition,
	returnPosition,
	submitPosition,
	updatePosition
} from './review';
import { getPositionDetail, positionHistory, reviewQueue } from './queue';
import { testUser } from '../testing/users';

let open: OpenDatabase;
let dossierId: number;
let austria: number;
let postRbi: number;
let editor: SessionUser;
let reviewer: SessionUser;
let other: SessionUser;

const makeUser = (role: Role, name: string) => testUser(open.db, role, name);

function input(overrides: Partial<Record<string, string>> = {}): PositionInput {
	const f = new FormData();
	const fields = {
		actorId: String(austria),
		topic: String(postRbi),
		date: '2026-03-02',
		stance: 'opposes',
		summary: 'Test: the ministry said it wants to keep post identification.',
		confidence: 'reported',
		visibility: 'public',
		internalNote: 'Heard from a contact; do not publish the name.',
		evidenceTitle: 'Test source',
		evidenceUrl: 'https://example.org/austria',
		...overrides
	};
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return positionInput.parse(positionFormValues(f));
}

const versionOf = async (id: number) =>
	(await open.db.select({ v: position.version }).from(position).where(eq(position.id, id)))[0].v;
const publicIds = async () => (await visiblePositions(open.db, dossierId, PUBLIC_VIEWER)).map((p) => p.id);

beforeAll(async () => {
	open = await testDatabase();
	[{ id: dossierId }] = await open.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	[{ id: austria }] = await open.db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'austria'));
	[{ id: postRbi }] = await open.db
		.select({ id: topic.id })
		.from(topic)
		.where(and(eq(topic.dossierId, dossierId), eq(topic.slug, 'post-rbi')));
	editor = await makeUser('editor', 'Edith');
	reviewer = await makeUser('reviewer', 'Rita');
	other = await makeUser('reviewer', 'Oscar');
});
afterAll(() => open?.close());

describe('the review workflow', () => {
	it('takes a position from draft through return and approval, and only then shows it publicly', async () => {
		const created = await createPosition(open.db, editor, dossierId, input(), false);
		expect(created).toMatchObject({ ok: true, state: 'draft' });
		const id = created.ok ? created.id : 0;
		expect(await publicIds()).not.toContain(id);

		expect(await submitPosition(open.db, reviewer, id, 1)).toMatchObject({ ok: false, status: 403 });
		expect(await submitPosition(open.db, editor, id, 1)).toMatchObject({ ok: true, state: 'in_review' });
		expect(await publicIds()).not.toContain(id);

		expect((await reviewQueue(open.db, reviewer.id)).toReview.map((p) => p.position.id)).toContain(id);
		expect((await reviewQueue(open.db, editor.id)).toReview.map((p) => p.position.id)).not.toContain(id);
		expect((await reviewQueue(open.db, editor.id)).waiting.map((p) => p.position.id)).toContain(id);

		// The author cannot approve their own draft, even as an editor.
		expect(await approvePosition(open.db, editor, id, 2, null)).toMatchObject({ ok: false, status: 403 });
		expect(await returnPosition(open.db, reviewer, id, 2, '  ')).toMatchObject({ ok: false, status: 400 });
		expect(await returnPosition(open.db, reviewer, id, 2, 'Which ministry? Add the quote.')).toMatchObject({
			ok: true,
			state: 'returned'
		});
		const returned = (await reviewQueue(open.db, editor.id)).returned;
		expect(returned.map((p) => [p.position.id, p.position.reviewComment, p.reviewerName])).toEqual([
			[id, 'Which ministry? Add the quote.', 'Rita']
		]);

		expect(
			await updatePosition(open.db, editor, id, 3, input({ evidenceQuote: '“keep post identification”' }), true)
		).toMatchObject({ ok: true, state: 'in_review' });
		expect(await approvePosition(open.db, other, id, 4, 'Fine.')).toMatchObject({ ok: true, state: 'approved' });
		expect(await publicIds()).toContain(id);

		const detail = await getPositionDetail(open.db, id);
		expect(detail).toMatchObject({
			authorName: 'Edith',
			reviewerName: 'Oscar',
			position: { reviewState: 'approved', version: 5 }
		});
		const country = await actorPositions(open.db, dossierId, austria, PUBLIC_VIEWER);
		const shown = country.find((g) => g.topic.key === 'post-rbi')!.positions.find((p) => p.id === id)!;
		expect(shown.internalNote).toBeNull();
		const asCoalition = await actorPositions(open.db, dossierId, austria, { userId: null, canSeeInternal: true });
		expect(
			asCoalition.find((g) => g.topic.key === 'post-rbi')!.positions.find((p) => p.id === id)!.internalNote
		).toMatch(/contact/);
	});

	it('writes every step to the audit log and shows it as the position’s history', async () => {
		const created = await createPosition(open.db, editor, dossierId, input({ stance: 'unknown' }), true);
		const id = created.ok ? created.id : 0;
		await returnPosition(open.db, reviewer, id, 1, 'Is there a stance?');
		await updatePosition(open.db, editor, id, 2, input({ stance: 'neutral' }), true);
		await approvePosition(open.db, reviewer, id, 3, null);
		const history = await positionHistory(open.db, id);
		expect(history.map((h) => [h.action, h.userName])).toEqual([
			['create', 'Edith'],
			['return', 'Rita'],
			['update', 'Edith'],
			['approve', 'Rita']
		]);
		expect(history[1].comment).toBe('Is there a stance?');
		expect(history[2].changes).toEqual({ stance: { from: 'unknown', to: 'neutral' } });
		expect(history[2]).toMatchObject({ from: 'returned', to: 'in_review' });
		const rows = await open.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'position'), eq(auditLog.entityId, String(id))));
		expect(rows).toHaveLength(4);
	});

	it('never shows an internal position to the public, even once approved', async () => {
		const created = await createPosition(
			open.db,
			editor,
			dossierId,
			input({ visibility: 'internal', stance: 'full_ban' }),
			true
		);
		const id = created.ok ? created.id : 0;
		expect(await approvePosition(open.db, reviewer, id, 1, null)).toMatchObject({ ok: true });
		expect(await publicIds()).not.toContain(id);
		const asCoalition = await visiblePositions(open.db, dossierId, { userId: null, canSeeInternal: true });
		expect(asCoalition.map((p) => p.id)).toContain(id);
		const matrix = await positionMatrix(open.db, dossierId, { asOf: null, topic: 'post-rbi', viewer: PUBLIC_VIEWER });
		expect(matrix.memberStates.flatMap((r) => r.cells).some((c) => c.cell?.position.id === id)).toBe(false);
	});

	it('refuses a stale version, a missing position, an unknown actor and a state that does not allow the step', async () => {
		const created = await createPosition(open.db, editor, dossierId, input(), false);
		const id = created.ok ? created.id : 0;
		expect(await updatePosition(open.db, editor, id, 99, input(), false)).toMatchObject({
			ok: false,
			status: 409,
			conflict: { version: 1, record: { summary: input().summary } }
		});
		expect(await approvePosition(open.db, reviewer, 999_999, 1, null)).toMatchObject({ ok: false, status: 404 });
		expect(await approvePosition(open.db, reviewer, id, 1, null)).toMatchObject({ ok: false, status: 409 });
		expect(await updatePosition(open.db, other, id, 1, input(), false)).toMatchObject({ ok: false, status: 403 });
		const bad = await createPosition(open.db, editor, dossierId, input({ actorId: '999999' }), false);
		expect(bad).toMatchObject({ ok: false, status: 400, errors: { actorId: ['There is no such actor.'] } });
		expect((await reviewQueue(open.db, editor.id)).drafts.map((p) => p.position.id)).toContain(id);
	});

	it('reopens an approved position as a draft of the person changing it, off the public pages', async () => {
		const created = await createPosition(open.db, editor, dossierId, input(), true);
		const id = created.ok ? created.id : 0;
		await approvePosition(open.db, reviewer, id, 1, null);
		expect(await publicIds()).toContain(id);
		expect(await reopenPosition(open.db, reviewer, id, 2, '')).toMatchObject({ ok: false, status: 400 });
		expect(await reopenPosition(open.db, reviewer, id, 2, 'The date is wrong.')).toMatchObject({
			ok: true,
			state: 'draft'
		});
		expect(await publicIds()).not.toContain(id);
		const detail = await getPositionDetail(open.db, id);
		expect(detail?.position).toMatchObject({ authorId: reviewer.id, reviewerId: null, reviewState: 'draft' });
		await submitPosition(open.db, reviewer, id, 3);
		expect(await approvePosition(open.db, reviewer, id, 4, null)).toMatchObject({ ok: false, status: 403 });
		expect(await approvePosition(open.db, editor, id, 4, null)).toMatchObject({ ok: true });
		expect(await versionOf(id)).toBe(5);
		expect((await positionHistory(open.db, id)).map((h) => h.action)).toEqual([
			'create',
			'approve',
			'reopen',
			'submit',
			'approve'
		]);
	});

	it('two-person rule against the last editor: an admin who edits a member’s draft cannot then approve it', async () => {
		const admin = await makeUser('admin', 'Admin');
		const created = await createPosition(open.db, reviewer, dossierId, input(), false);
		const id = created.ok ? created.id : 0;
		expect(
			await updatePosition(open.db, admin, id, 1, input({ summary: 'Test: the admin rewrote the summary.' }), false)
		).toMatchObject({ ok: true });
		expect(await submitPosition(open.db, reviewer, id, 2)).toMatchObject({ ok: true, state: 'in_review' });
		expect((await reviewQueue(open.db, admin.id)).toReview.map((p) => p.position.id)).not.toContain(id);
		expect(await approvePosition(open.db, admin, id, 3, null)).toMatchObject({
			ok: false,
			status: 403,
			message: expect.stringContaining('last change')
		});
		expect(await returnPosition(open.db, admin, id, 3, 'Looks odd.')).toMatchObject({ ok: false, status: 403 });
		expect(await approvePosition(open.db, reviewer, id, 3, null)).toMatchObject({ ok: false, status: 403 });
		expect(await approvePosition(open.db, other, id, 3, null)).toMatchObject({ ok: true, state: 'approved' });
	});
});
