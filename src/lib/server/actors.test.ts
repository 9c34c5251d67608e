import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actor, amendment, document } from './db/schema';
import { useTestDatabase } from './testing/database';
import { amendmentDraft } from './testing/amendments';
import { actorIndex, actorPage, findMemberActors } from './actors';
import {
	PUBLIC_VIEWER,
	createAmendment,
	getAmendment,
	listAmendments,
	type AmendmentDraft,
	type Viewer
} from './amendments';
import { parseFilters } from '$lib/amendments/filters';
import { testUser } from './testing/users';

const seeded = useTestDatabase();
let reviewer: Viewer;
const ids: Record<string, number> = {};

const CONTEXT = 'ACTORS-TEST';
const text =
	'the zorblatt placing on the market of remote biometric identification systems for use in publicly accessible spaces is prohibited';
const draft = (over: Partial<AmendmentDraft>) =>
	amendmentDraft({ tablingContext: CONTEXT, tabledOn: '2022-04-01', proposedText: text, ...over });

beforeAll(async () => {
	const editor = await testUser(seeded.db, 'editor', 'Eda Editor');
	reviewer = { userId: editor.id, canSeeInternal: true };
	const [cult] = await seeded.db.select({ id: actor.id }).from(actor).where(eq(actor.slug, 'ep-cult'));
	const [doc] = await seeded.db
		.insert(document)
		.values({
			dossierId: seeded.dossierId,
			key: 'actors-test-cult',
			kind: 'ep_committee_amendments',
			title: 'CULT test amendments',
			shortTitle: 'CULT test',
			officialReference: 'PE000.000',
			sortOrder: 999,
			actorId: cult.id
		})
		.returning({ id: document.id });
	ids.document = doc.id;
	const make = async (name: string, over: Partial<AmendmentDraft>) => {
		const made = await createAmendment(
			seeded.db,
			seeded.dossierId,
			draft(over),
			{ status: over.visibility === 'internal' ? 'draft' : 'tabled', date: null },
			editor.id
		);
		if (!made.ok) throw new Error(`${name}: ${JSON.stringify(made)}`);
		ids[name] = made.id;
	};
	// Printed order: Slabakov before Melbārde, the group last; alphabetical order would differ.
	await make('first', { number: '1', authors: ['andrey-slabakov', 'dace-melbarde', 'ecr'] });
	await make('internal', {
		number: '2',
		visibility: 'internal',
		authors: ['dace-melbarde', 'andrey-slabakov'],
		proposedText: 'An internal draft.'
	});
	await make('recital', {
		number: '3',
		provision: 'rec_1',
		target: 'Recital 1',
		authors: ['andrey-slabakov'],
		proposedText: 'Another text entirely.'
	});
	// The same wording tabled in another committee: "also tabled by" finds it.
	await make('elsewhere', { tablingContext: `${CONTEXT}-ITRE`, number: '1', authors: ['irena-joveva'] });
	await seeded.db
		.update(amendment)
		.set({ documentId: ids.document })
		.where(inArray(amendment.id, [ids.first, ids.internal]));
});

describe('the seeded Members', () => {
	it('are the 705 Members of April 2023, each with an EP id and a political group', async () => {
		const group = alias(actor, 'group');
		const members = await seeded.db
			.select({
				slug: actor.slug,
				externalId: actor.externalId,
				countryCode: actor.countryCode,
				group: group.slug,
				groupKind: group.kind,
				party: actor.nationalParty
			})
			.from(actor)
			.leftJoin(group, eq(group.id, actor.parentId))
			.where(and(eq(actor.kind, 'member'), isNotNull(actor.externalId)));
		expect(members).toHaveLength(705);
		expect(members.every((m) => m.groupKind === 'political_group' && /^\d+$/.test(m.externalId!) && m.party)).toBe(
			true
		);
		expect(new Set(members.map((m) => m.group))).toEqual(
			new Set(['epp', 's-d', 'renew', 'greens-efa', 'ecr', 'id', 'left', 'ni'])
		);
		// The directory writes GR; the app, like the EU, EL.
		expect(members.filter((m) => m.countryCode === 'EL')).toHaveLength(21);
		expect(members.some((m) => m.countryCode === 'GR')).toBe(false);
		expect(members.find((m) => m.slug === 'dace-melbarde')).toMatchObject({
			externalId: '130256',
			countryCode: 'LV',
			group: 'epp'
		});
		expect((await findMemberActors(seeded.db)).length).toBeGreaterThanOrEqual(705);
	});

	it('seeds the committees of the five amendment documents under the Parliament', async () => {
		const parent = alias(actor, 'parent');
		const committees = await seeded.db
			.select({ slug: actor.slug, name: actor.name, parent: parent.slug })
			.from(actor)
			.leftJoin(parent, eq(parent.id, actor.parentId))
			.where(eq(actor.kind, 'committee'));
		for (const slug of ['ep-cult', 'ep-envi', 'ep-itre', 'ep-tran', 'ep-imco', 'ep-libe', 'ep-imco-libe'])
			expect(committees.find((c) => c.slug === slug)?.parent, slug).toBe('european-parliament');
		expect(committees.find((c) => c.slug === 'ep-cult')?.name).toBe('Committee on Culture and Education (CULT)');
	});
});

describe('actorPage', () => {
	it('shows a Member: group, country, party, and their amendments by target, internal ones hidden', async () => {
		const page = await actorPage(seeded.db, seeded.dossierId, 'dace-melbarde', PUBLIC_VIEWER);
		expect(page?.filter).toBe('author');
		if (page?.filter !== 'author') return;
		expect(page.actor).toMatchObject({
			kind: 'member',
			name: 'Dace MELBĀRDE',
			externalId: '130256',
			unmatched: false,
			parent: { slug: 'epp', kind: 'political_group' }
		});
		expect(page.actor.country).toEqual({ code: 'LV', name: 'Latvia', slug: 'latvia' });
		expect(page.actor.nationalParty).toBeTruthy();
		const mine = page.targets.flatMap((t) =>
			t.amendments.filter((a) => a.tablingContext === CONTEXT).map((a) => [t.eid, a.number])
		);
		expect(mine).toEqual([['art_5__para_1__point_d', '1']]);
		expect(page.tally.byContext.find((c) => c.tablingContext === CONTEXT)?.count).toBe(1);

		const seenByReviewer = await actorPage(seeded.db, seeded.dossierId, 'dace-melbarde', reviewer);
		if (seenByReviewer?.filter !== 'author') throw new Error('not an author page');
		const numbers = seenByReviewer.targets.flatMap((t) =>
			t.amendments.filter((a) => a.tablingContext === CONTEXT).map((a) => a.number)
		);
		expect(numbers.sort()).toEqual(['1', '2']);
		expect(seenByReviewer.tally.byStatus.find((s) => s.status === 'draft')?.count).toBe(1);
	});

	it('groups a Member’s amendments by target in the act’s order', async () => {
		const page = await actorPage(seeded.db, seeded.dossierId, 'andrey-slabakov', PUBLIC_VIEWER);
		if (page?.filter !== 'author') throw new Error('not an author page');
		const eids = page.targets.filter((t) => t.amendments.some((a) => a.tablingContext === CONTEXT)).map((t) => t.eid);
		expect(eids).toEqual(['rec_1', 'art_5__para_1__point_d']);
	});

	it('shows a group: its Members and the amendments it or they tabled', async () => {
		const page = await actorPage(seeded.db, seeded.dossierId, 'ecr', PUBLIC_VIEWER);
		if (page?.filter !== 'group') throw new Error('not a group page');
		expect(page.members.length).toBe(64);
		expect(page.members.find((m) => m.slug === 'andrey-slabakov')).toMatchObject({ countryCode: 'BG' });
		// Amendment 1 (tabled by the group and a Member) counts once; 2 is internal.
		expect(page.tally.byContext.find((c) => c.tablingContext === CONTEXT)?.count).toBe(2);
		const forReviewer = await actorPage(seeded.db, seeded.dossierId, 'ecr', reviewer);
		expect(forReviewer?.tally.byContext.find((c) => c.tablingContext === CONTEXT)?.count).toBe(3);
	});

	it('shows a committee: the documents it issued and their amendments', async () => {
		const page = await actorPage(seeded.db, seeded.dossierId, 'ep-cult', PUBLIC_VIEWER);
		if (page?.filter !== 'body') throw new Error('not a body page');
		expect(page.actor.parent?.slug).toBe('european-parliament');
		expect(page.documents.find((d) => d.id === ids.document)?.amendments).toBe(1);
		expect(page.tally.byContext.find((c) => c.tablingContext === CONTEXT)?.count).toBe(1);
		const forReviewer = await actorPage(seeded.db, seeded.dossierId, 'ep-cult', reviewer);
		if (forReviewer?.filter !== 'body') throw new Error('not a body page');
		expect(forReviewer.documents.find((d) => d.id === ids.document)?.amendments).toBe(2);
	});

	it('is undefined for an unknown actor', async () => {
		expect(await actorPage(seeded.db, seeded.dossierId, 'nobody-at-all', PUBLIC_VIEWER)).toBeUndefined();
	});
});

describe('the amendment list and page', () => {
	it('counts a committee’s documents as its amendments in the body filter', async () => {
		const page = await listAmendments(
			seeded.db,
			seeded.dossierId,
			parseFilters(new URLSearchParams('body=ep-cult&q=zorblatt')).filters,
			PUBLIC_VIEWER
		);
		expect(page.items.map((i) => i.id)).toEqual([ids.first]);
	});

	it('lists authors in printed order, each Member with their group', async () => {
		const detail = await getAmendment(seeded.db, seeded.dossierId, ids.first, PUBLIC_VIEWER);
		expect(detail!.authors.map((a) => [a.slug, a.group?.slug ?? null, a.unmatched])).toEqual([
			['andrey-slabakov', 'ecr', false],
			['dace-melbarde', 'epp', false],
			['ecr', null, false]
		]);
	});

	it('finds the same wording tabled in another committee, with its tabling context', async () => {
		const detail = await getAmendment(seeded.db, seeded.dossierId, ids.first, PUBLIC_VIEWER);
		const other = detail!.alsoTabled.find((d) => d.id === ids.elsewhere);
		expect(other).toMatchObject({ tablingContext: `${CONTEXT}-ITRE`, similarity: 1 });
		expect(other!.authors.map((a) => a.slug)).toEqual(['irena-joveva']);
	});
});

describe('actorIndex', () => {
	it('puts every seeded Member under their group, with counts of visible amendments', async () => {
		const index = await actorIndex(seeded.db, seeded.dossierId, PUBLIC_VIEWER);
		expect(index.groups).toHaveLength(8);
		expect(index.groups.reduce((n, g) => n + g.members.filter((m) => !m.unmatched).length, 0)).toBe(705);
		const ecr = index.groups.find((g) => g.slug === 'ecr')!;
		expect(ecr.members.find((m) => m.slug === 'andrey-slabakov')!.amendments).toBeGreaterThanOrEqual(2);
		expect(index.committees.map((c) => c.slug)).toContain('ep-tran');
		expect(index.ungrouped.every((m) => m.kind === 'member')).toBe(true);
	});
});
