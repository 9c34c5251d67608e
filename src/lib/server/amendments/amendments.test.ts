import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { actor, amendmentStatusChange, auditLog } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { amendmentDraft } from '../testing/amendments';
import { parseFilters } from '$lib/amendments/filters';
import {
	PUBLIC_VIEWER,
	addComment,
	changeStatus,
	createAmendment,
	filterOptions,
	getAmendment,
	reviewAssessment,
	listAmendments,
	saveAssessment,
	updateAmendment,
	type AmendmentDraft,
	type Viewer
} from '../amendments';
import { testUser } from '../testing/users';

const seeded = useTestDatabase();
let editorId: number;
let reviewer: Viewer;

const filters = (query: string) => parseFilters(new URLSearchParams(query)).filters;
const list = (query: string, viewer: Viewer = PUBLIC_VIEWER) =>
	listAmendments(seeded.db, seeded.dossierId, filters(query), viewer);

const draft = (over: Partial<AmendmentDraft> = {}) =>
	amendmentDraft({ tablingContext: 'LIBE test context', authors: ['greens-efa'], ...over });

beforeAll(async () => {
	const editor = await testUser(seeded.db, 'editor', 'Eda Editor');
	const rev = await testUser(seeded.db, 'reviewer', 'Rev Reviewer');
	editorId = editor.id;
	reviewer = { userId: rev.id, canSeeInternal: true };
});

describe('listing and filtering', () => {
	it('lists the 771 EP plenary amendments and the 1,502 tabled in committee, in number order, 50 a page', async () => {
		expect((await list('')).total).toBe(771 + 1502);
		const page = await list('author=european-parliament');
		expect(page.total).toBe(771);
		expect(page.pages).toBe(16);
		expect(page.items.map((i) => i.number).slice(0, 3)).toEqual(['1', '2', '3']);
		expect(page.items[0].authors.map((a) => a.slug)).toEqual(['european-parliament']);
		const last = await list('author=european-parliament&page=16');
		expect(last.items.at(-1)!.number).toBe('771');
	});

	it('includes the parts of an article but not a longer number', async () => {
		const art5 = await list('provision=art_5&size=200');
		expect(art5.total).toBeGreaterThan(5);
		expect(art5.items.every((i) => i.provisionEid === 'art_5' || i.provisionEid!.startsWith('art_5__'))).toBe(true);
		const point = await list('provision=art_5__para_1__point_d');
		expect(point.total).toBeGreaterThan(0);
		expect(point.total).toBeLessThan(art5.total);
	});

	it('filters by status, author, tabling date and assessment', async () => {
		expect((await list('status=plenary_adopted')).total).toBe(771);
		expect((await list('status=tabled')).total).toBe(1502);
		expect((await list('author=european-parliament')).total).toBe(771);
		// A group's amendments include its Members'; a committee's, those of the documents it issued.
		const greens = (await list('group=greens-efa')).total;
		expect(greens).toBeGreaterThan(100);
		expect((await list('group=greens-efa&body=ep-cult')).total).toBeLessThan(greens);
		expect((await list('body=ep-cult')).total).toBe(217);
		expect((await list('body=ep-itre')).total).toBe(537);
		expect((await list('from=2023-06&to=2023-06')).total).toBe(771);
		expect((await list('to=2023-05')).total).toBe(1502);
		expect((await list('assessment=none')).total).toBe(771 + 1502);
	});

	it('searches the texts with ranking and highlighted snippets', async () => {
		const page = await list('q=emotion recognition');
		expect(page.total).toBeGreaterThan(3);
		expect(page.items[0].snippet).not.toBeNull();
		const hits = page.items[0].snippet!.parts.filter((p) => p.hit).map((p) => p.text.toLowerCase());
		expect(hits.some((h) => h.startsWith('emotion'))).toBe(true);
		const words = await list('q=remote biometric identification');
		const phrase = await list('q="remote biometric identification"');
		expect(phrase.total).toBeGreaterThan(0);
		expect(phrase.total).toBeLessThanOrEqual(words.total);
		expect((await list('q=zzzqqqnotaword')).total).toBe(0);
	});
});

describe('editing, visibility and the lifecycle', () => {
	it('creates an amendment that a group filter finds through a member', async () => {
		const [greens] = await seeded.db.select().from(actor).where(eq(actor.slug, 'greens-efa'));
		await seeded.db
			.insert(actor)
			.values({ kind: 'member', slug: 'test-member', name: 'Test Member', parentId: greens.id });
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '10', authors: ['test-member'] }),
			{ status: 'draft', date: '2022-05-01' },
			editorId
		);
		expect(made.ok).toBe(true);
		const byGroup = await list('group=greens-efa&status=draft');
		expect(byGroup.items.map((i) => i.number)).toEqual(['10']);
		expect((await list('author=test-member')).total).toBe(1);
		const dup = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '10' }),
			{ status: 'draft', date: null },
			editorId
		);
		expect(dup).toMatchObject({ ok: false, errors: { number: expect.stringContaining('already exists') } });
		const bad = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '11', provision: 'art_999', authors: ['nobody'] }),
			{ status: 'draft', date: null },
			editorId
		);
		expect(bad).toMatchObject({
			ok: false,
			errors: { provision: expect.any(String), authors: expect.stringContaining('nobody') }
		});
	});

	it('hides internal amendments and assessments from the public', async () => {
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '20', visibility: 'internal' }),
			{ status: 'draft', date: null },
			editorId
		);
		if (!made.ok) throw new Error('not created');
		expect(await getAmendment(seeded.db, seeded.dossierId, made.id, PUBLIC_VIEWER)).toBeUndefined();
		expect((await getAmendment(seeded.db, seeded.dossierId, made.id, reviewer))?.number).toBe('20');
		expect((await list('q=placing market putting service')).items.some((i) => i.id === made.id)).toBe(false);
		expect((await list('visibility=internal', reviewer)).items.map((i) => i.id)).toEqual([made.id]);

		const first = (await list('')).items[0];
		const unassessed = (await list('assessment=none')).total;
		await saveAssessment(
			seeded.db,
			first.id,
			{ direction: 'weakens', note: 'Opens a loophole.', visibility: 'internal', version: null },
			reviewer.userId!
		);
		expect((await list('assessment=weakens')).total).toBe(0);
		expect((await list('assessment=weakens', reviewer)).items.map((i) => i.id)).toEqual([first.id]);
		expect((await getAmendment(seeded.db, seeded.dossierId, first.id, PUBLIC_VIEWER))!.assessment).toBeNull();
		const stale = await saveAssessment(
			seeded.db,
			first.id,
			{ direction: 'neutral', note: '', visibility: 'public', version: null },
			reviewer.userId!
		);
		expect(stale.ok).toBe(false);
		await saveAssessment(
			seeded.db,
			first.id,
			{ direction: 'weakens', note: 'Opens a loophole.', visibility: 'public', version: 1 },
			editorId
		);
		// Public, but not yet approved by another member: still unpublished.
		expect((await list('assessment=weakens')).total).toBe(0);
		expect(
			await reviewAssessment(seeded.db, first.id, { decision: 'approve', version: 2, comment: '' }, editorId)
		).toMatchObject({ ok: false });
		expect(
			await reviewAssessment(seeded.db, first.id, { decision: 'approve', version: 2, comment: '' }, reviewer.userId!)
		).toEqual({ ok: true });
		expect((await list('assessment=weakens')).items.map((i) => i.id)).toEqual([first.id]);
		expect((await list('assessment=none')).total).toBe(unassessed - 1);
		// The published assessment is public; who in the coalition wrote it is not.
		expect((await getAmendment(seeded.db, seeded.dossierId, first.id, PUBLIC_VIEWER))!.assessment).toMatchObject({
			direction: 'weakens',
			by: null
		});
		expect((await getAmendment(seeded.db, seeded.dossierId, first.id, reviewer))!.assessment!.by).not.toBeNull();

		await addComment(seeded.db, first.id, 'Check the Council text too.', reviewer.userId!);
		expect((await getAmendment(seeded.db, seeded.dossierId, first.id, reviewer))!.comments.map((c) => c.body)).toEqual([
			'Check the Council text too.'
		]);
		expect((await getAmendment(seeded.db, seeded.dossierId, first.id, PUBLIC_VIEWER))!.comments).toEqual([]);
	});

	it('moves along the lifecycle, recording date and who, and refuses a wrong step', async () => {
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '30' }),
			{ status: 'draft', date: '2022-05-01' },
			editorId
		);
		if (!made.ok) throw new Error('not created');
		expect(
			await changeStatus(
				seeded.db,
				seeded.dossierId,
				made.id,
				{ from: 'draft', to: 'tabled', date: '2022-06-01', note: null },
				editorId
			)
		).toEqual({ ok: true });
		expect(
			await changeStatus(
				seeded.db,
				seeded.dossierId,
				made.id,
				{ from: 'tabled', to: 'committee_adopted', date: '2023-05-11', note: 'IMCO-LIBE vote' },
				editorId
			)
		).toEqual({ ok: true });
		const wrong = await changeStatus(
			seeded.db,
			seeded.dossierId,
			made.id,
			{ from: 'committee_adopted', to: 'draft', date: null, note: null },
			editorId
		);
		expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining('cannot become') });
		const stale = await changeStatus(
			seeded.db,
			seeded.dossierId,
			made.id,
			{ from: 'tabled', to: 'withdrawn', date: null, note: null },
			editorId
		);
		expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('changed meanwhile') });

		const detail = await getAmendment(seeded.db, seeded.dossierId, made.id, reviewer);
		expect(detail!.status).toBe('committee_adopted');
		expect(detail!.history.map((h) => [h.status, h.date, h.by])).toEqual([
			['draft', '2022-05-01', 'Eda Editor'],
			['tabled', '2022-06-01', 'Eda Editor'],
			['committee_adopted', '2023-05-11', 'Eda Editor']
		]);
		const audits = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'amendment'), eq(auditLog.entityId, String(made.id))))
			.orderBy(auditLog.id);
		expect(audits.map((a) => a.action)).toEqual(['amendment.create', 'amendment.status', 'amendment.status']);
		const changes = await seeded.db
			.select()
			.from(amendmentStatusChange)
			.where(eq(amendmentStatusChange.amendmentId, made.id));
		expect(changes.every((c) => c.changedBy === editorId)).toBe(true);
		// The public sees the history, not who in the coalition recorded it.
		await updateAmendment(
			seeded.db,
			seeded.dossierId,
			made.id,
			1,
			draft({ number: '30', visibility: 'public' }),
			editorId
		);
		const seenByPublic = await getAmendment(seeded.db, seeded.dossierId, made.id, PUBLIC_VIEWER);
		expect(seenByPublic!.history.map((h) => h.by)).toEqual([null, null, null]);
	});

	it('refuses a stale save and returns the newer text, overwriting nothing', async () => {
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '40' }),
			{ status: 'draft', date: null },
			editorId
		);
		if (!made.ok) throw new Error('not created');
		const alice = await updateAmendment(
			seeded.db,
			seeded.dossierId,
			made.id,
			1,
			draft({ number: '40', proposedText: 'Alice’s text.' }),
			editorId
		);
		expect(alice).toMatchObject({ ok: true, version: 2 });
		const bob = await updateAmendment(
			seeded.db,
			seeded.dossierId,
			made.id,
			1,
			draft({ number: '40', proposedText: 'Bob’s text.' }),
			editorId
		);
		expect(bob).toMatchObject({ ok: false, conflict: { version: 2, record: { proposedText: 'Alice’s text.' } } });
		const now = await getAmendment(seeded.db, seeded.dossierId, made.id, reviewer);
		expect(now!.proposedText).toBe('Alice’s text.');
		expect(now!.version).toBe(2);
		const updates = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'amendment.update'), eq(auditLog.entityId, String(made.id))));
		expect(updates).toHaveLength(1);
		expect(updates[0].details).toMatchObject({ changed: { proposedText: { after: 'Alice’s text.' } } });
	});

	it('finds near-identical amendments on the same target', async () => {
		const text =
			'(d) the use of remote biometric identification systems in publicly accessible spaces by public authorities or on their behalf, without exception';
		const a = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '50', proposedText: text }),
			{ status: 'tabled', date: null },
			editorId
		);
		const b = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({
				number: '51',
				authors: ['s-d'],
				proposedText: text.replace('without exception', 'without any exception')
			}),
			{ status: 'tabled', date: null },
			editorId
		);
		if (!a.ok || !b.ok) throw new Error('not created');
		const detail = await getAmendment(seeded.db, seeded.dossierId, a.id, PUBLIC_VIEWER);
		expect(detail!.alsoTabled.map((d) => [d.number, d.authors.map((x) => x.slug)])).toEqual([['51', ['s-d']]]);
	});
});

describe('reviewing an assessment', () => {
	it('needs a member other than the author, a reason to send back, and the version read', async () => {
		const target = (await list('size=5')).items[3];
		await saveAssessment(
			seeded.db,
			target.id,
			{ direction: 'strengthens', note: 'Closes a loophole.', visibility: 'public', version: null },
			editorId
		);
		const sendBack = (comment: string, version = 1) =>
			reviewAssessment(seeded.db, target.id, { decision: 'return', version, comment }, reviewer.userId!);
		expect(await sendBack('')).toEqual({ ok: false, error: 'Say why you send it back.' });
		expect(await sendBack('Cite the text.', 7)).toMatchObject({ ok: false, error: expect.stringContaining('changed') });
		expect(await sendBack('Cite the text.')).toEqual({ ok: true });
		const detail = await getAmendment(seeded.db, seeded.dossierId, target.id, reviewer);
		expect(detail!.assessment!.reviewState).toBe('returned');
		expect(detail!.comments.map((c) => c.body)).toContain('Assessment sent back: Cite the text.');
		expect((await getAmendment(seeded.db, seeded.dossierId, target.id, PUBLIC_VIEWER))!.assessment).toBeNull();
		const audits = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'assessment.return'), eq(auditLog.entityId, String(target.id))));
		expect(audits).toHaveLength(1);
		// Saving it again sends it back to review.
		await saveAssessment(
			seeded.db,
			target.id,
			{ direction: 'strengthens', note: 'Closes a loophole (Art. 5(1)(h)).', visibility: 'public', version: 2 },
			editorId
		);
		expect((await getAmendment(seeded.db, seeded.dossierId, target.id, reviewer))!.assessment!.reviewState).toBe(
			'in_review'
		);
	});

	it('two-person rule against the last editor: whoever changed an assessment last cannot approve it', async () => {
		const target = (await list('size=8')).items[6];
		await saveAssessment(
			seeded.db,
			target.id,
			{ direction: 'weakens', note: 'First draft.', visibility: 'public', version: null },
			reviewer.userId!
		);
		await saveAssessment(
			seeded.db,
			target.id,
			{ direction: 'weakens', note: 'Rewritten by the editor.', visibility: 'public', version: 1 },
			editorId
		);
		expect(
			await reviewAssessment(seeded.db, target.id, { decision: 'approve', version: 2, comment: '' }, editorId)
		).toMatchObject({ ok: false });
		expect(
			await reviewAssessment(seeded.db, target.id, { decision: 'approve', version: 2, comment: '' }, reviewer.userId!)
		).toEqual({ ok: true });
	});
});

describe('the filter form', () => {
	it('the author filter lists authors of internal amendments only to those who may see them', async () => {
		await seeded.db
			.insert(actor)
			.values({ kind: 'member', slug: 'internal-only-author', name: 'Internal Only Author' });
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft({ number: '930', visibility: 'internal', authors: ['internal-only-author'] }),
			{ status: 'draft', date: null },
			editorId
		);
		expect(made.ok).toBe(true);
		const slugs = async (viewer: Viewer) =>
			(await filterOptions(seeded.db, seeded.dossierId, viewer)).authors.map((a) => a.slug);
		expect(await slugs(PUBLIC_VIEWER)).not.toContain('internal-only-author');
		expect(await slugs(PUBLIC_VIEWER)).toContain('greens-efa');
		expect(await slugs(reviewer)).toContain('internal-only-author');
	});
});
