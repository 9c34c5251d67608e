import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, banCriterion, banScore, document, type Role } from './db/schema';
import { useTestDatabase } from './testing/database';
import { testUser } from './testing/users';
import { outcomeOf, pageServerModules, requestEvent, routeFile, runAction } from './testing/route-event';
import { createDossier } from './dossiers';
import {
	createCriterion,
	criteriaWithUses,
	criterionForm,
	moveCriterion,
	removeCriterion,
	updateCriterion
} from './criteria';
import { banStrengthData } from './scores';
import type { SessionUser } from './authorization';

const seeded = useTestDatabase({ app: true });
const ROUTE = '/dossiers/[slug]/charts/criteria';
const SLUG = 'criteria-dossier';
let editor: SessionUser;
let reviewer: SessionUser;
let dossierId: number;

const someone = (role: Role) => testUser(seeded.db, role, `Criteria ${role}`);

beforeAll(async () => {
	[editor, reviewer] = [await someone('editor'), await someone('reviewer')];
	const admin = await someone('admin');
	const created = await createDossier(
		seeded.db,
		{
			title: 'Regulation scored against demands of its own',
			shortTitle: 'Scored',
			procedureRef: '2030/0102(COD)',
			summary: 'A second dossier whose ban criteria are added through the editing page.',
			slug: SLUG
		},
		admin.id
	);
	if (!created.ok) throw new Error(created.message);
	dossierId = created.dossier.id;
});

const criteria = () => criteriaWithUses(seeded.db, dossierId);
const auditOf = (action: string, id: number) =>
	seeded.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id))));

/** Runs one of the page's actions as `who`, with the form's fields, as SvelteKit would. */
const act = (action: string, who: SessionUser | null, fields: Record<string, string>) =>
	runAction({ routeId: ROUTE, params: { slug: SLUG }, user: who }, action, fields);

describe('a dossier’s ban criteria', () => {
	it('are added at the end, audited, and are what the ban-strength chart scores against', async () => {
		const a = await createCriterion(seeded.db, editor.id, dossierId, {
			key: 'private-actors',
			label: 'Covers private actors'
		});
		const b = await createCriterion(seeded.db, editor.id, dossierId, { key: 'no-exceptions', label: 'No exceptions' });
		expect(a.ok && b.ok).toBe(true);
		expect((await criteria()).map((c) => [c.key, c.sortOrder, c.uses])).toEqual([
			['private-actors', 1, 0],
			['no-exceptions', 2, 0]
		]);
		expect((await banStrengthData(seeded.db, dossierId)).criteria.map((c) => c.key)).toEqual([
			'private-actors',
			'no-exceptions'
		]);
		const [entry] = await auditOf('ban_criterion.create', (await criteria())[0].id);
		expect(entry).toMatchObject({ userId: editor.id, entityType: 'ban_criterion' });
	});

	it('refuse a key the dossier already has, naming the clash; the AI Act’s own keys are no clash', async () => {
		expect(await createCriterion(seeded.db, editor.id, dossierId, { key: 'private-actors', label: 'Again' })).toEqual({
			ok: false,
			field: 'key',
			message: 'This dossier already has a demand “private-actors” (Covers private actors); choose another.'
		});
		const aiAct = (await banStrengthData(seeded.db, seeded.dossierId)).criteria.find(
			(c) => !['private-actors', 'no-exceptions'].includes(c.key)
		)!;
		const same = await createCriterion(seeded.db, editor.id, dossierId, { key: aiAct.key, label: aiAct.label });
		expect(same.ok).toBe(true);
		expect(criterionForm.safeParse({ key: 'Private Actors!', label: '' }).error!.issues.map((i) => i.path[0])).toEqual([
			'key',
			'label'
		]);
	});

	it('are reworded from the version read; a stale rewording is refused with the newer one', async () => {
		const [c] = await criteria();
		expect(
			await updateCriterion(seeded.db, editor.id, dossierId, c.id, 1, { label: 'Private actors too' })
		).toMatchObject({
			ok: true,
			criterion: { label: 'Private actors too', version: 2, key: 'private-actors' }
		});
		expect(await updateCriterion(seeded.db, editor.id, dossierId, c.id, 1, { label: 'Lost' })).toMatchObject({
			ok: false,
			conflict: { version: 2, record: { label: 'Private actors too' } }
		});
		const [entry] = await auditOf('ban_criterion.update', c.id);
		expect(entry.details).toMatchObject({
			before: { label: 'Covers private actors' },
			after: { label: 'Private actors too' }
		});
	});

	it('are moved one place at a time, audited', async () => {
		const [a, b, c] = await criteria();
		expect(await moveCriterion(seeded.db, editor.id, dossierId, c.id, 'up')).toBe(true);
		expect((await criteria()).map((x) => x.id)).toEqual([a.id, c.id, b.id]);
		expect(await auditOf('ban_criterion.move', c.id)).toHaveLength(1);
		expect(await moveCriterion(seeded.db, editor.id, dossierId, b.id, 'down')).toBe(true);
		expect(await auditOf('ban_criterion.move', b.id)).toHaveLength(0);
	});

	it('are not removed while texts are scored against them (that would delete the scores), and are once nothing is', async () => {
		const [scored, , unscored] = await criteria();
		const [doc] = await seeded.db
			.insert(document)
			.values({
				dossierId,
				key: 'criteria-proposal',
				kind: 'proposal',
				title: 'Proposal',
				shortTitle: 'Proposal',
				officialReference: 'COM(2030) 1',
				sortOrder: 1
			})
			.returning();
		await seeded.db
			.insert(banScore)
			.values({ criterionId: scored.id, documentId: doc.id, score: 1, justification: 'Met.' });
		expect(await removeCriterion(seeded.db, editor.id, dossierId, scored.id)).toMatchObject({
			ok: false,
			message: expect.stringContaining('1 score rests on it')
		});
		expect(await seeded.db.select().from(banScore).where(eq(banScore.criterionId, scored.id))).toHaveLength(1);
		expect(await removeCriterion(seeded.db, editor.id, dossierId, unscored.id)).toMatchObject({ ok: true });
		expect(await seeded.db.select().from(banCriterion).where(eq(banCriterion.id, unscored.id))).toEqual([]);
		expect(await auditOf('ban_criterion.delete', unscored.id)).toHaveLength(1);
	});
});

describe('the ban criteria page', () => {
	it('is for editors, and its forms add, reword, move and remove, each refusal beside its form', async () => {
		const mod = await pageServerModules[routeFile(ROUTE, '+page.server.ts')]();
		const load = mod.load as (e: unknown) => unknown;
		const view = (who: SessionUser | null) =>
			outcomeOf(() => load(requestEvent({ routeId: ROUTE, params: { slug: SLUG }, user: who })));
		expect(await view(null)).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await view(reviewer)).toMatchObject({ kind: 'error', status: 403 });
		expect(await act('add', reviewer, { key: 'never', label: 'Never' })).toMatchObject({ kind: 'error', status: 403 });

		expect(await act('add', editor, { key: 'private-actors', label: 'Again' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { form: 'add', errors: { key: [expect.stringContaining('“private-actors”')] } }
		});
		expect(await act('add', editor, { key: 'emotion', label: 'Bans emotion recognition' })).toMatchObject({
			kind: 'redirect',
			status: 303
		});
		const added = (await criteria()).find((c) => c.key === 'emotion')!;
		const reword = { id: String(added.id), version: '1', label: 'Emotion recognition banned' };
		expect(await act('save', editor, reword)).toMatchObject({ kind: 'redirect' });
		expect(await act('save', editor, reword)).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { form: 'save', id: added.id }
		});
		expect(await act('move', editor, { id: String(added.id), direction: 'sideways' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { form: 'move', id: added.id }
		});
		const [scored] = (await criteria()).filter((c) => c.uses > 0);
		expect(await act('remove', editor, { id: String(scored.id) })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { form: 'remove', errors: { form: [expect.stringContaining('score rests on it')] } }
		});
		expect(await act('remove', editor, { id: String(added.id) })).toMatchObject({ kind: 'redirect' });
	});
});
