import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { OpenDatabase } from '../db';
import { amendment, document, procedureEvent, provision, textVersion } from '../db/schema';
import { testDatabase } from '../testing/database';
import { seedAiAct } from '.';

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
		expect(docs.map((d) => d.kind).sort()).toEqual(['ep_amendments', 'ep_position', 'final_act', 'general_approach', 'proposal']);
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
			.leftJoin(provision, eq(provision.id, amendment.targetProvisionId));
		expect(rows).toHaveLength(771);
		expect(rows.find((r) => r.number === '220')?.eid).toBe('art_5__para_1__point_d');
		expect(rows.filter((r) => r.eid === null).map((r) => r.number)).toEqual([]);
	});

	it('is idempotent: a second seed changes nothing', async () => {
		const before = await open.db.select({ n: count() }).from(amendment);
		const result = await seedAiAct(open.db);
		expect(result.seeded).toBe(false);
		expect(await open.db.select({ n: count() }).from(amendment)).toEqual(before);
	});
});
