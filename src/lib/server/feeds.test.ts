import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { OpenDatabase } from './db';
import { amendment, amendmentStatusChange, auditLog, position, procedureEvent } from './db/schema';
import { EP_PLENARY_CONTEXT } from './seed/amendments';
import { testDatabase } from './testing/database';
import { getDossier, type Dossier } from './dossiers';
import { dossierFeedItems, findMemberState, positionItems, provisionItems } from './feeds';
import { addFollow, listFollows, personalFeed, removeFollow } from './follows';
import { renderAtom } from '$lib/feeds/atom';
import { toAtomEntries } from '$lib/feeds/items';
import { testUser } from './testing/users';

let open: OpenDatabase;
let dossier: Dossier;
const today = '2026-11-26';

beforeAll(async () => {
	open = await testDatabase();
	dossier = (await getDossier(open.db, 'ai-act'))!;
	// Internal records that must never reach a feed.
	await open.db.insert(procedureEvent).values({
		dossierId: dossier.id,
		key: 'secret-meeting',
		kind: 'event',
		category: 'procedure',
		title: 'Internal <b>meeting</b>',
		date: '2024-01-10',
		verified: false,
		visibility: 'internal'
	});
	const germany = (await findMemberState(open.db, 'DE'))!;
	await open.db.insert(position).values([
		{
			dossierId: dossier.id,
			actorId: germany.id,
			date: '2024-01-05',
			stance: 'opposes',
			summary: 'Draft, not reviewed',
			confidence: 'reported',
			visibility: 'public',
			reviewState: 'draft'
		},
		{
			dossierId: dossier.id,
			actorId: germany.id,
			date: '2024-01-06',
			stance: 'opposes',
			summary: 'Internal note',
			confidence: 'reported',
			visibility: 'internal',
			reviewState: 'approved'
		},
		{
			dossierId: dossier.id,
			actorId: germany.id,
			date: '2024-01-07',
			stance: 'full_ban',
			summary: 'Published & <reviewed>',
			confidence: 'official',
			visibility: 'public',
			reviewState: 'approved'
		}
	]);
	const [{ id: _id, ...am220 }] = await open.db
		.select()
		.from(amendment)
		.where(and(eq(amendment.number, '220'), eq(amendment.tablingContext, EP_PLENARY_CONTEXT)));
	const [hidden] = await open.db
		.insert(amendment)
		.values({ ...am220, number: '9999', visibility: 'internal', tablingContext: 'Internal draft' })
		.returning();
	await open.db.insert(amendmentStatusChange).values({ amendmentId: hidden.id, status: 'tabled', date: '2024-02-01' });
});
afterAll(() => open?.close());

function render(items: Awaited<ReturnType<typeof dossierFeedItems>>) {
	return renderAtom({
		id: 'tag:example.org,2026:ai-act/feed',
		title: 'Test',
		self: 'https://example.org/f',
		alternate: 'https://example.org/',
		author: 'Trilogue',
		fallbackUpdated: `${today}T00:00:00Z`,
		entries: toAtomEntries(items, { origin: 'https://example.org', dossierSlug: 'ai-act', today })
	});
}

describe('the dossier feed', () => {
	it('has stages, texts, amendment status changes and published positions, as valid Atom', async () => {
		const items = await dossierFeedItems(open.db, dossier, today);
		const kinds = new Set(items.map((i) => i.kind));
		for (const k of ['stage', 'text', 'amendment_status', 'position']) expect(kinds).toContain(k);
		const adopted = items.find((i) => i.kind === 'amendment_status' && i.title.includes('adopted in plenary'));
		expect(adopted?.title).toContain('771 amendments');
		const feed = parseFeed(render(items));
		expect(feed.items.length).toBe(items.length);
		expect(new Set(feed.items.map((i) => i.id)).size).toBe(items.length);
		expect(feed.items.every((i) => i.updated instanceof Date && i.url?.startsWith('https://'))).toBe(true);
		const stage = feed.items.find((i) => i.id === 'tag:example.org,2026:ai-act/stage/oj-publication');
		expect(stage?.updated?.toISOString()).toBe('2024-07-12T00:00:00.000Z');
		expect(feed.items.find((i) => i.title?.includes('Published'))).toBeUndefined(); // positions are titled by actor
		expect(feed.items.some((i) => i.description?.includes('Published & <reviewed>'))).toBe(true);
	});

	it('leaves out internal events, unpublished positions and internal amendments', async () => {
		const xml = render(await dossierFeedItems(open.db, dossier, today, 1000));
		// ("Internal Market" is a committee's name; the planted records are "Internal meeting", "Internal note", "Internal draft".)
		expect(xml).not.toMatch(/Internal (<b>|&lt;b&gt;)?meeting|Internal note|Internal draft/);
		expect(xml).not.toContain('Draft, not reviewed');
		expect(xml).not.toContain('9999');
	});

	it('gives the same ids on every run', async () => {
		const a = (await dossierFeedItems(open.db, dossier, today)).map((i) => i.key);
		const b = (await dossierFeedItems(open.db, dossier, today)).map((i) => i.key);
		expect(a).toEqual(b);
	});
});

describe('the provision and country feeds', () => {
	it('follow a provision’s texts and the amendments to it and its parts', async () => {
		const items = await provisionItems(open.db, dossier, ['art_5__para_1']);
		expect(items.some((i) => i.kind === 'text_version' && i.title === 'Article 5(1), Final act')).toBe(true);
		expect(items.some((i) => i.title.startsWith('Amendment 220 to Article 5(1)(d)'))).toBe(true);
		expect(items.some((i) => i.title.includes('9999'))).toBe(false);
		// 'art_5__para_1' must not match 'art_5__para_10'-like siblings by prefix alone.
		expect(items.every((i) => !/Article 5\(1[0-9]/.test(i.title))).toBe(true);
	});

	it('list a country’s published positions only', async () => {
		const germany = (await findMemberState(open.db, 'germany'))!;
		expect(germany.countryCode).toBe('DE');
		const items = await positionItems(open.db, dossier, { actorIds: [germany.id] });
		expect(items.some((i) => i.summary.includes('Published & <reviewed>'))).toBe(true);
		expect(items.some((i) => i.summary.includes('Draft') || i.summary.includes('Internal'))).toBe(false);
		expect(items.every((i) => i.title.startsWith('Germany'))).toBe(true);
	});
});

describe('following', () => {
	it('follows provisions, countries and topics, and builds a personal feed from them', async () => {
		const u = await testUser(open.db, 'reviewer', 'Follower');
		expect(await addFollow(open.db, u.id, dossier, 'provision', 'art_99__para_99')).toMatchObject({ ok: false });
		expect(await addFollow(open.db, u.id, dossier, 'country', 'XX')).toMatchObject({ ok: false });
		expect(await addFollow(open.db, u.id, dossier, 'topic', 'nope')).toMatchObject({ ok: false });
		expect(await addFollow(open.db, u.id, dossier, 'provision', 'art_5__para_1__point_d')).toMatchObject({
			ok: true,
			created: true
		});
		expect(await addFollow(open.db, u.id, dossier, 'provision', 'art_5__para_1__point_d')).toMatchObject({
			ok: true,
			created: false
		});
		expect(await addFollow(open.db, u.id, dossier, 'country', 'de')).toMatchObject({
			ok: true,
			follow: { targetKey: 'DE' }
		});
		expect(await addFollow(open.db, u.id, dossier, 'topic', 'emotion-recognition')).toMatchObject({ ok: true });

		const follows = await listFollows(open.db, u.id, dossier.slug);
		expect(follows.map((f) => f.label).sort()).toEqual(['Article 5(1)(d)', 'Emotion recognition', 'Germany']);

		const feed = await personalFeed(open.db, dossier, follows, today);
		expect(feed.some((i) => i.title.startsWith('Amendment 220'))).toBe(true);
		expect(feed.some((i) => i.summary.includes('Published & <reviewed>'))).toBe(true);
		expect(feed.some((i) => i.key === 'text-version/art_5__para_1__point_f/final-act')).toBe(true);
		expect(feed.some((i) => i.summary.includes('Draft, not reviewed'))).toBe(false);

		const other = await testUser(open.db, 'reviewer', 'Other');
		expect(await removeFollow(open.db, other.id, follows[0].id)).toBe(false);
		expect(await removeFollow(open.db, u.id, follows[0].id)).toBe(true);
		expect(await listFollows(open.db, u.id, dossier.slug)).toHaveLength(2);
		const audited = await open.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, u.id), eq(auditLog.entityType, 'follow')));
		expect(audited.map((a) => a.action).sort()).toEqual([
			'follow.create',
			'follow.create',
			'follow.create',
			'follow.delete'
		]);
	});
});
