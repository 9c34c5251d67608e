import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { document, provision, textVersion, type TextMarks } from './db/schema';
import { useTestDatabase } from './testing/database';
import { councilTrack } from './council-track';

const seeded = useTestDatabase();
let proposalText: string;
/** Text b, which a later test revises. */
let textB: { id: number; text: string };

const EID = 'art_5__para_1__point_d';
const LE = 'for the purpose of law enforcement';

/** A small compromise text holding one version of 5(1)(d), as the Word import files them. */
async function councilText(
	key: string,
	date: string,
	presidency: string,
	councilRef: string,
	text: string | null,
	marks: TextMarks | null,
	previousId: number | null = null
) {
	const [doc] = await seeded.db
		.insert(document)
		.values({
			dossierId: seeded.dossierId,
			key,
			kind: 'council_text',
			title: `${presidency} compromise text (${councilRef}), ${date}`,
			shortTitle: `${presidency} ${date}`,
			officialReference: councilRef,
			date,
			sortOrder: 0,
			provenance: { councilRef, presidency, date, addressees: 'Delegations', previousRef: null },
			previousId
		})
		.returning();
	if (text !== null) {
		const [p] = await seeded.db
			.select({ id: provision.id })
			.from(provision)
			.where(and(eq(provision.dossierId, seeded.dossierId), eq(provision.eid, EID)));
		await seeded.db
			.insert(textVersion)
			.values({ provisionId: p.id, documentId: doc.id, num: '(d)', text, docOrder: 0, marks });
	}
	return doc;
}

beforeAll(async () => {
	const [row] = await seeded.db
		.select({ text: textVersion.text })
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.innerJoin(document, eq(document.id, textVersion.documentId))
		.where(and(eq(provision.eid, EID), eq(document.key, 'commission-proposal')));
	proposalText = row.text;
	// Dated before the real compromise texts (November 2021 on), so these two come first on the track.
	const first = proposalText.replace(LE, `by law enforcement authorities ${LE}`);
	const a = await councilText('test-council-a', '2021-05-10', 'Portuguese Presidency', 'ST 9001/21', first, {
		added: ['by law enforcement authorities'],
		deleted: [],
		changed: ['by law enforcement authorities']
	});
	await councilText('test-council-gap', '2021-05-20', 'Portuguese Presidency', 'ST 9002/21', null, null);
	const second = first.replace('strictly necessary', 'strictly and demonstrably necessary');
	const b = await councilText(
		'test-council-b',
		'2021-06-01',
		'Portuguese Presidency',
		'ST 9003/21',
		second,
		{ added: ['by law enforcement authorities'], deleted: ['unrelated'], changed: ['shall'] },
		a.id
	);
	textB = { id: b.id, text: second };
});

describe('councilTrack', () => {
	it('lists the Council’s texts in date order, ending with the general approach', async () => {
		const track = (await councilTrack(seeded.db, seeded.dossierId, EID))!;
		const keys = track.steps.map((s) => s.document.key);
		expect(keys.slice(0, 3)).toEqual(['test-council-a', 'test-council-gap', 'test-council-b']);
		const dates = track.steps.map((s) => s.document.date ?? '9999');
		expect(dates).toEqual([...dates].sort());
		expect(track.steps.at(-1)!.document.kind).toBe('general_approach');
		expect(track.proposal?.version?.text).toBe(proposalText);
	});

	it('diffs the first against the Commission proposal and each later one against the text before that has it', async () => {
		const track = (await councilTrack(seeded.db, seeded.dossierId, EID))!;
		const [a, gap, b] = track.steps;
		expect(a.document).toMatchObject({
			presidency: 'Portuguese Presidency',
			councilRef: 'ST 9001/21',
			date: '2021-05-10'
		});
		expect(a.against?.key).toBe('commission-proposal');
		expect(a.diff).toMatchObject({ added: 4, removed: 0 });
		expect(gap.version).toBeNull();
		expect(gap.diff).toBeNull();
		expect(b.against?.key).toBe('test-council-a');
		expect(b.diff).toMatchObject({ added: 2, removed: 0 });
		expect(track.steps[3].against?.key).not.toBe('test-council-gap');
	});

	it('sets the Council’s own marks beside our diff, listing where they disagree', async () => {
		const track = (await councilTrack(seeded.db, seeded.dossierId, EID))!;
		const [a, , b] = track.steps;
		// Text a names no text it revises, so its underlines are not checked against the proposal.
		expect(a.markCheck).toEqual({
			added: { markedNotChanged: [], changedNotMarked: [] },
			deleted: null,
			changed: null
		});
		expect(b.document.revises).toBe(a.document.title);
		// Against the proposal, text b adds "and demonstrably" too, which its bold marks leave out.
		expect(b.markCheck!.added).toEqual({ markedNotChanged: [], changedNotMarked: ['and', 'demonstrably'] });
		expect(b.markCheck!.changed).toEqual({ markedNotChanged: ['shall'], changedNotMarked: ['and', 'demonstrably'] });
		expect(b.marks?.deleted).toEqual(['unrelated']);
	});

	it('compares the marks in place: the same word marked in one place and changed in another is no agreement', async () => {
		// Text c adds "under national law"; its bold also covers "of law" in the kept "for the purpose of law
		// enforcement". Counted as bags, the marked "law" would pass for the inserted one.
		const third = textB.text.replace('demonstrably necessary', 'demonstrably necessary under national law');
		await councilText(
			'test-council-c',
			'2021-06-10',
			'Portuguese Presidency',
			'ST 9004/21',
			third,
			{
				added: ['by law enforcement authorities', 'of law', 'and demonstrably', 'under national'],
				deleted: [],
				changed: ['under national law']
			},
			textB.id
		);
		const track = (await councilTrack(seeded.db, seeded.dossierId, EID))!;
		const c = track.steps.find((s) => s.document.key === 'test-council-c')!;
		expect(c.diff).toMatchObject({ added: 3, removed: 0 });
		expect(c.markCheck!.added).toEqual({ markedNotChanged: ['of', 'law'], changedNotMarked: ['law'] });
		expect(c.markCheck!.changed).toEqual({ markedNotChanged: [], changedNotMarked: [] });
	});

	it('gathers the marks of an article’s parts, and checks struck words on the whole article', async () => {
		const track = (await councilTrack(seeded.db, seeded.dossierId, 'art_5'))!;
		const a = track.steps.find((s) => s.document.key === 'test-council-a')!;
		// The test texts hold only point (d): the article itself is not in them.
		expect(a.version).toBeNull();
		const real = track.steps.filter((s) => s.version && s.marks);
		for (const s of real) expect(s.markCheck?.deleted).not.toBeNull();
	});

	it('has nothing to say about a provision the dossier does not have', async () => {
		expect(await councilTrack(seeded.db, seeded.dossierId, 'art_999')).toBeUndefined();
	});
});
