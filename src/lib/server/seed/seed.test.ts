import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { OpenDatabase } from '../db';
import { amendment, document, procedureEvent, provision, textVersion } from '../db/schema';
import { testDatabase } from '../testing/database';
import { compareProvision, findVersion } from '../compare';
import { seedAiAct } from '.';
import { EP_PLENARY_CONTEXT } from './amendments';

let open: OpenDatabase;
beforeAll(async () => {
	open = await testDatabase();
});
afterAll(() => open?.close());

describe('the AI Act seed', () => {
	it('loads the 19 procedure stages with their sources', async () => {
		const stages = await open.db.select().from(procedureEvent).where(eq(procedureEvent.kind, 'stage'));
		expect(stages).toHaveLength(19);
		const proposal = stages.find((s) => s.key === 'commission-proposal')!;
		expect(proposal.date).toBe('2021-04-21');
		expect(proposal.sources[0].url).toContain('52021PC0206');
		expect(stages.every((s) => s.sources.length > 0)).toBe(true);
	});

	it('loads the three full texts split down to points', async () => {
		const docs = await open.db.select().from(document);
		// Council compromise texts and committee amendment lists come from the Word and PDF files (their own tests).
		const kinds = new Set(
			docs.map((d) => d.kind).filter((k) => k !== 'council_text' && k !== 'ep_committee_amendments')
		);
		expect([...kinds].sort()).toEqual([
			'consolidated',
			'ep_amendments',
			'ep_position',
			'final_act',
			'general_approach',
			'proposal'
		]);
		const [{ n }] = await open.db.select({ n: count() }).from(textVersion);
		expect(n).toBeGreaterThan(3000);
		const [pointH] = await open.db
			.select({ text: textVersion.text })
			.from(textVersion)
			.innerJoin(provision, eq(provision.id, textVersion.provisionId))
			.innerJoin(document, eq(document.id, textVersion.documentId))
			.where(and(eq(provision.eid, 'art_5__para_1__point_h'), eq(document.kind, 'final_act')));
		expect(pointH.text).toMatch(/^\(h\) the use of ‘real-time’ remote biometric identification systems/);
	});

	it('links all 771 EP amendments to their target provisions', async () => {
		const rows = await open.db
			.select({ number: amendment.number, eid: provision.eid })
			.from(amendment)
			.leftJoin(provision, eq(provision.id, amendment.targetProvisionId))
			.where(eq(amendment.tablingContext, EP_PLENARY_CONTEXT));
		expect(rows).toHaveLength(771);
		expect(rows.find((r) => r.number === '220')?.eid).toBe('art_5__para_1__point_d');
		expect(rows.filter((r) => r.eid === null).map((r) => r.number)).toEqual([]);
	});

	it('loads the 2026 consolidation: five articles as amended, unofficial, with their sources, linked to the final act', async () => {
		const [doc] = await open.db.select().from(document).where(eq(document.key, 'consolidated-2026'));
		expect(doc).toMatchObject({ kind: 'consolidated', date: '2026-07-27' });
		expect(doc.title).toContain('as amended by Regulation (EU) 2026/1744 (unofficial consolidation)');
		expect(doc.url).toMatch(/^https:\/\/github\.com\/CommonAccord\/Cmacc-Org\/blob\/1133fe28/);
		const notice = (doc.provenance as { notice: { note: string; holds: string; sources: { url: string | null }[] } })
			.notice;
		expect(notice.holds).toContain('Articles 3, 4a (new), 5, 10 and 113 only');
		expect(notice.sources.filter((s) => s.url).length).toBeGreaterThanOrEqual(5);

		const rows = await open.db
			.select({ eid: provision.eid, text: textVersion.text, deleted: textVersion.deleted })
			.from(textVersion)
			.innerJoin(provision, eq(provision.id, textVersion.provisionId))
			.where(eq(textVersion.documentId, doc.id));
		const roots = new Set(rows.map((r) => r.eid.split('__')[0]));
		expect([...roots].sort()).toEqual(['art_10', 'art_113', 'art_3', 'art_4a', 'art_5']);
		const byEid = new Map(rows.map((r) => [r.eid, r]));
		expect(byEid.get('art_5__para_1__point_ba')?.text).toMatch(/^\(ba\) the placing on the market.*intimate parts/);
		expect(byEid.get('art_5__para_1b')?.text).toMatch(/^1b\. For the purposes of paragraph 1/);
		expect(byEid.get('art_10__para_5')?.deleted).toBe(true);
		expect(byEid.get('art_113')?.text).toContain(
			'2 December 2027 as regards AI systems classified as high-risk pursuant to Article 6(2) and Annex III'
		);

		const [finalAct] = await open.db.select().from(document).where(eq(document.key, 'final-act'));
		const [proposal] = await open.db.select().from(document).where(eq(document.key, 'commission-proposal'));
		const h = (await findVersion(open.db, doc.dossierId, doc.id, 'art_5__para_1__point_h'))!;
		expect(h.text).toBe((await findVersion(open.db, doc.dossierId, finalAct.id, 'art_5__para_1__point_h'))!.text);
		// Same number in the final act; through it, proposal 5(1)(d).
		const back = await compareProvision(open.db, doc.dossierId, {
			eid: 'art_5__para_1__point_h',
			fromDocumentId: doc.id,
			toDocumentId: proposal.id
		});
		expect(back?.to?.eid).toBe('art_5__para_1__point_d');
		expect(back?.path.map((p) => p.method)[0]).toBe('same_number');
	});

	it('records the dates Regulation (EU) 2026/1744 moved on the stages, and its new application dates as events', async () => {
		const rows = await open.db.select().from(procedureEvent);
		const byKey = new Map(rows.map((r) => [r.key, r]));
		const moved = byKey.get('application-article-6-1')!;
		expect(moved.date).toBe('2027-08-02');
		expect(moved.sources.find((s) => s.kind === 'superseded-by')).toMatchObject({
			locator: 'event:omnibus-annex-i-high-risk-apply',
			published: '2028-08-02'
		});
		expect(byKey.get('general-application')!.sources.find((s) => s.kind === 'superseded-in-part-by')).toMatchObject({
			published: '2027-12-02'
		});
		for (const key of [
			'omnibus-article-5-new-prohibitions-apply',
			'omnibus-annex-iii-high-risk-apply',
			'omnibus-annex-i-high-risk-apply'
		])
			expect(byKey.get(`event:${key}`)?.sources.length, key).toBeGreaterThan(0);
		expect(byKey.get('event:digital-omnibus-oj')?.documentId).not.toBeNull();
	});

	it('is idempotent: a second seed changes nothing', async () => {
		const before = await open.db.select({ n: count() }).from(amendment);
		const result = await seedAiAct(open.db);
		expect(result.seeded).toBe(false);
		expect(await open.db.select({ n: count() }).from(amendment)).toEqual(before);
	});
});
