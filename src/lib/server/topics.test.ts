import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { actor, auditLog, position, topic, type Role } from './db/schema';
import { useTestDatabase } from './testing/database';
import { testUser } from './testing/users';
import { outcomeOf, pageServerModules, requestEvent, routeFile, runAction } from './testing/route-event';
import { createDossier } from './dossiers';
import { createTopic, listTopics, moveTopic, removeTopic, topicForm, topicsWithUses, updateTopic } from './topics';
import { topicColumns } from './positions';
import { addFollow, listFollows } from './follows';
import type { SessionUser } from './authorization';

const seeded = useTestDatabase({ app: true });
const ROUTE = '/dossiers/[slug]/positions/topics';
const SLUG = 'topics-dossier';
let editor: SessionUser;
let reviewer: SessionUser;
let dossierId: number;

const someone = (role: Role) => testUser(seeded.db, role, `Topics ${role}`);

beforeAll(async () => {
	[editor, reviewer] = [await someone('editor'), await someone('reviewer')];
	const admin = await someone('admin');
	const created = await createDossier(
		seeded.db,
		{
			title: 'Regulation with topics of its own',
			shortTitle: 'Topical',
			procedureRef: '2030/0101(COD)',
			summary: 'A second dossier whose topics are added through the editing page.',
			slug: SLUG
		},
		admin.id
	);
	if (!created.ok) throw new Error(created.message);
	dossierId = created.dossier.id;
});

const input = (slug: string, name = slug) => ({ slug, name, description: '', provisions: [] });
const auditOf = (action: string, id: number) =>
	seeded.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id))));

/** Runs one of the page's actions as `who`, with the form's fields, as SvelteKit would. */
const act = (action: string, who: SessionUser | null, fields: Record<string, string>) =>
	runAction({ routeId: ROUTE, params: { slug: SLUG }, user: who }, action, fields);

describe('a dossier’s topics', () => {
	it('are added at the end of the list, audited, and become columns of the positions matrix', async () => {
		const first = await createTopic(seeded.db, editor.id, dossierId, input('street-cameras', 'Street cameras'));
		const second = await createTopic(seeded.db, editor.id, dossierId, {
			...input('emotion-recognition', 'Emotion recognition'),
			provisions: ['art_5__para_1__point_f']
		});
		expect(first.ok && second.ok).toBe(true);
		const topics = await listTopics(seeded.db, dossierId);
		expect(topics.map((t) => [t.slug, t.sortOrder, t.version])).toEqual([
			['street-cameras', 1, 1],
			['emotion-recognition', 2, 1]
		]);
		expect(topics[1].provisionEids).toEqual(['art_5__para_1__point_f']);
		const [entry] = await auditOf('topic.create', topics[0].id);
		expect(entry).toMatchObject({ userId: editor.id, entityType: 'topic' });
		expect(entry.details).toMatchObject({ after: { slug: 'street-cameras', name: 'Street cameras' } });
		expect((await topicColumns(seeded.db, dossierId)).map((c) => c.key)).toEqual([
			'whole-ban',
			'street-cameras',
			'emotion-recognition'
		]);
	});

	it('refuse a slug the dossier already has, naming the clash, and the whole-ban column’s; another dossier’s is no clash', async () => {
		expect(await createTopic(seeded.db, editor.id, dossierId, input('street-cameras', 'Other'))).toEqual({
			ok: false,
			field: 'slug',
			message: 'This dossier already has a topic “street-cameras” (Street cameras); choose another.'
		});
		expect(await createTopic(seeded.db, editor.id, dossierId, input('whole-ban'))).toMatchObject({
			ok: false,
			field: 'slug'
		});
		// The AI Act has its own "emotion-recognition" too: slugs are unique per dossier.
		const aiAct = await listTopics(seeded.db, seeded.dossierId);
		expect(aiAct.some((t) => t.slug === 'emotion-recognition')).toBe(true);
		const bad = topicForm.safeParse({ slug: 'Not A Slug', name: ' ', provisions: 'art_5 not-an-eid' });
		expect(Object.keys(bad.error!.flatten().fieldErrors).sort()).toEqual(['name', 'provisions', 'slug']);
	});

	it('are renamed from the version the editor read; a stale rename is refused with the newer one and writes nothing', async () => {
		const [t] = await listTopics(seeded.db, dossierId);
		const edit = { name: 'Cameras in public spaces', description: 'Fixed and mobile.', provisions: [] };
		const saved = await updateTopic(seeded.db, editor.id, dossierId, t.id, 1, edit);
		expect(saved).toMatchObject({ ok: true, topic: { name: 'Cameras in public spaces', version: 2, slug: t.slug } });
		const stale = await updateTopic(seeded.db, editor.id, dossierId, t.id, 1, { ...edit, name: 'Lost' });
		expect(stale).toMatchObject({ ok: false, conflict: { version: 2, record: { name: 'Cameras in public spaces' } } });
		expect((await listTopics(seeded.db, dossierId))[0].name).toBe('Cameras in public spaces');
		const [entry] = await auditOf('topic.update', t.id);
		expect(entry.details).toMatchObject({
			fromVersion: 1,
			toVersion: 2,
			before: { name: 'Street cameras' },
			after: { name: 'Cameras in public spaces' }
		});
		// Another dossier's topic is not found through this one.
		const [other] = await listTopics(seeded.db, seeded.dossierId);
		expect(await updateTopic(seeded.db, editor.id, dossierId, other.id, other.version, edit)).toBeUndefined();
	});

	it('are moved one place at a time, audited; the first cannot move up', async () => {
		const [a, b] = await listTopics(seeded.db, dossierId);
		expect(await moveTopic(seeded.db, editor.id, dossierId, b.id, 'up')).toBe(true);
		expect((await listTopics(seeded.db, dossierId)).map((t) => t.id)).toEqual([b.id, a.id]);
		expect(await auditOf('topic.move', b.id)).toHaveLength(1);
		expect(await moveTopic(seeded.db, editor.id, dossierId, b.id, 'up')).toBe(true);
		expect((await listTopics(seeded.db, dossierId)).map((t) => t.id)).toEqual([b.id, a.id]);
		expect(await auditOf('topic.move', b.id)).toHaveLength(1);
		expect(await moveTopic(seeded.db, editor.id, dossierId, 999_999, 'down')).toBe(false);
	});

	it('are not removed while positions are recorded on them: the refusal says how many, and the positions keep their topic', async () => {
		const [used] = await listTopics(seeded.db, dossierId);
		const [{ id: actorId }] = await seeded.db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'austria'));
		const base = {
			dossierId,
			actorId,
			topicId: used.id,
			stance: 'unknown' as const,
			summary: 'A draft on this topic',
			confidence: 'reported' as const
		};
		await seeded.db.insert(position).values([base, { ...base, date: '2026-02' }]);
		expect((await topicsWithUses(seeded.db, dossierId)).find((t) => t.id === used.id)?.uses).toBe(2);
		const refused = await removeTopic(seeded.db, editor.id, dossierId, used.id);
		expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('2 positions are recorded on it') });
		expect(await seeded.db.select().from(topic).where(eq(topic.id, used.id))).toHaveLength(1);
		expect(await seeded.db.select().from(position).where(eq(position.topicId, used.id))).toHaveLength(2);
		expect(await auditOf('topic.delete', used.id)).toEqual([]);
	});

	it('are removed when nothing uses them, audited', async () => {
		const [, unused] = await listTopics(seeded.db, dossierId);
		expect(await removeTopic(seeded.db, editor.id, dossierId, unused.id)).toMatchObject({ ok: true });
		expect((await listTopics(seeded.db, dossierId)).map((t) => t.id)).not.toContain(unused.id);
		const [entry] = await auditOf('topic.delete', unused.id);
		expect(entry.details).toMatchObject({ before: { slug: unused.slug } });
		expect(await removeTopic(seeded.db, editor.id, dossierId, unused.id)).toBeUndefined();
	});
});

describe('following a topic of a second dossier', () => {
	it('names the topic of that dossier, though the AI Act has a topic of the same slug', async () => {
		const [mine] = await listTopics(seeded.db, dossierId);
		await updateTopic(seeded.db, editor.id, dossierId, mine.id, mine.version, {
			name: 'Emotions, as this dossier calls them',
			description: '',
			provisions: []
		});
		const aiAct = (await listTopics(seeded.db, seeded.dossierId)).find((t) => t.slug === mine.slug)!;
		expect(aiAct.name).not.toBe('Emotions, as this dossier calls them');
		expect(await addFollow(seeded.db, reviewer.id, { id: dossierId, slug: SLUG }, 'topic', mine.slug)).toMatchObject({
			ok: true
		});
		const [followed] = await listFollows(seeded.db, reviewer.id, SLUG);
		expect(followed).toMatchObject({ label: 'Emotions, as this dossier calls them' });
	});
});

describe('the topics page', () => {
	it('is for editors: the public is sent to sign in, a reviewer refused, and neither can post', async () => {
		const mod = await pageServerModules[routeFile(ROUTE, '+page.server.ts')]();
		const load = mod.load as (e: unknown) => unknown;
		const view = (who: SessionUser | null) =>
			outcomeOf(() => load(requestEvent({ routeId: ROUTE, params: { slug: SLUG }, user: who })));
		expect(await view(null)).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await view(reviewer)).toMatchObject({ kind: 'error', status: 403 });
		expect(await view(editor)).toMatchObject({ kind: 'ok' });
		const fields = { slug: 'never-added', name: 'Never added' };
		expect(await act('add', null, fields)).toMatchObject({ kind: 'error', status: 401 });
		expect(await act('add', reviewer, fields)).toMatchObject({ kind: 'error', status: 403 });
		expect((await listTopics(seeded.db, dossierId)).map((t) => t.slug)).not.toContain('never-added');
	});

	it('adds, renames, moves and removes through its forms, and shows each refusal beside the form it concerns', async () => {
		expect(await act('add', editor, { slug: 'bad slug', name: 'x' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { form: 'add', errors: { slug: [expect.any(String)] }, values: { slug: 'bad slug' } }
		});
		const added = await act('add', editor, { slug: 'predictive-policing', name: 'Predictive policing' });
		expect(added).toMatchObject({ kind: 'redirect', status: 303 });
		const t = (await listTopics(seeded.db, dossierId)).find((x) => x.slug === 'predictive-policing')!;
		expect(added).toMatchObject({ location: `/dossiers/${SLUG}/positions/topics?saved=added#topic-${t.id}` });
		expect(await act('add', editor, { slug: 'predictive-policing', name: 'Again' })).toMatchObject({
			kind: 'fail',
			data: { form: 'add', errors: { slug: [expect.stringContaining('already has a topic “predictive-policing”')] } }
		});

		const rename = { id: String(t.id), version: '1', name: 'Policing by prediction', description: '' };
		expect(await act('save', editor, rename)).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await act('save', editor, { ...rename, name: 'Stale' })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { form: 'save', id: t.id, values: { version: '2', name: 'Stale' }, conflict: { version: 2 } }
		});
		expect(await act('save', editor, { ...rename, version: '' })).toMatchObject({ kind: 'fail', status: 400 });

		expect(await act('move', editor, { id: String(t.id), direction: 'up' })).toMatchObject({ kind: 'redirect' });
		expect((await listTopics(seeded.db, dossierId)).at(-1)?.id).not.toBe(t.id);

		const [used] = await topicsWithUses(seeded.db, dossierId).then((rows) => rows.filter((r) => r.uses > 0));
		expect(await act('remove', editor, { id: String(used.id) })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { form: 'remove', id: used.id, errors: { form: [expect.stringContaining('positions are recorded')] } }
		});
		expect(await act('remove', editor, { id: String(t.id) })).toMatchObject({
			kind: 'redirect',
			location: `/dossiers/${SLUG}/positions/topics?saved=removed`
		});
		expect(await act('remove', editor, { id: String(t.id) })).toMatchObject({ kind: 'error', status: 404 });
	});
});
