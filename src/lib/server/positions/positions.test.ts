import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { OpenDatabase } from '../db';
import { actor, dossier, position, topic } from '../db/schema';
import { testDatabase } from '../testing/database';
import { loadAiAct } from '../seed/load';
import { nationalMappingKey, presidencySlug } from '../seed/positions';
import { positionMapping } from '../seed/position-mapping';
import { actorPositions, positionMatrix, visiblePositions } from '.';
import { PUBLIC_VIEWER } from '../authorization';
import { WHOLE_BAN } from '$lib/positions/stance';

let open: OpenDatabase;
let dossierId: number;
const actorIds = new Map<string, number>();

beforeAll(async () => {
	open = await testDatabase();
	[{ id: dossierId }] = await open.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	for (const a of await open.db.select({ id: actor.id, slug: actor.slug }).from(actor)) actorIds.set(a.slug, a.id);
});
afterAll(() => open?.close());

describe('the seeded positions', () => {
	it('map every record of dossier.json and national-positions-2026-12.json, and the table has no entry for a record that is not there', async () => {
		const data = await loadAiAct();
		const keys = [
			...data.dossier.nationalPositions.map(nationalMappingKey),
			...data.moreNationalPositions.records.map(nationalMappingKey),
			...data.dossier.councilPresidencies.map((p) => presidencySlug(p.presidency))
		];
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.filter((k) => !positionMapping[k])).toEqual([]);
		expect(Object.keys(positionMapping).filter((k) => !keys.includes(k))).toEqual([]);
	});

	it('keep the source’s label, a basis for every stance, and evidence', async () => {
		const rows = await open.db.select().from(position).where(eq(position.dossierId, dossierId));
		// dossier.json: 33 records (27 national, 6 presidencies), 4 of them on several topics or actors: 39 positions;
		// national-positions-2026-12.json: 37 records, 2 of them on two topics: 39 positions.
		expect(rows).toHaveLength(78);
		expect(rows.every((r) => r.reviewState === 'approved' && r.visibility === 'public' && r.seedKey)).toBe(true);
		expect(rows.filter((r) => r.stance !== 'unknown').every((r) => r.stanceBasis && r.evidence.length > 0)).toBe(true);
		const germany = rows.filter((r) => r.actorId === actorIds.get('germany') && r.date === '2022-10');
		expect(germany.map((r) => [r.stance, r.stanceAsReported, r.confidence]).sort()).toEqual([
			['full_ban', 'supports-partial-ban', 'reported'],
			['opposes', 'supports-partial-ban', 'reported']
		]);
	});

	it('leave records that state no stance unknown, e.g. a data protection authority or a campaign', async () => {
		const [garante] = await open.db
			.select()
			.from(position)
			.where(and(eq(position.actorId, actorIds.get('italy')!), eq(position.date, '2022-11')));
		expect(garante.stance).toBe('unknown');
		const belgium = await open.db
			.select()
			.from(position)
			.where(eq(position.actorId, actorIds.get('belgium')!));
		expect(belgium.every((p) => p.stance === 'unknown')).toBe(true);
	});

	it('put Spain’s proposals as Council Presidency on the Presidency, not on Spain', async () => {
		const spain = await open.db
			.select()
			.from(position)
			.where(eq(position.actorId, actorIds.get('spain')!));
		// Its own records state no stance: the 2023 one (as Presidency, below) and its 2025 draft national law.
		expect(spain.map((p) => [p.date, p.stance]).sort()).toEqual([
			['2023-11-24', 'unknown'],
			['2025-03-11', 'unknown']
		]);
		const presidency = await open.db
			.select({ stance: position.stance, topic: topic.slug })
			.from(position)
			.innerJoin(topic, eq(topic.id, position.topicId))
			.where(and(eq(position.actorId, actorIds.get('presidency-spain-h2-2023')!), eq(position.date, '2023-11-24')));
		expect(Object.fromEntries(presidency.map((p) => [p.topic, p.stance]))).toEqual({
			'facial-scraping': 'full_ban',
			'biometric-categorisation': 'full_ban',
			'predictive-policing': 'full_ban',
			'emotion-recognition': 'ban_with_exceptions'
		});
	});
});

describe('the matrix as of a date', () => {
	const cell = (m: Awaited<ReturnType<typeof positionMatrix>>, slug: string, key: string) =>
		[...m.memberStates, ...m.others].find((r) => r.actor.slug === slug)?.cells.find((c) => c.topicKey === key)?.cell ??
		null;

	it('has the 27 member states and the ban as a whole before the 8 topics', async () => {
		const m = await positionMatrix(open.db, dossierId, { asOf: null, viewer: PUBLIC_VIEWER });
		expect(m.memberStates).toHaveLength(27);
		expect(m.topics.map((t) => t.key)).toEqual([
			WHOLE_BAN,
			'real-time-rbi',
			'post-rbi',
			'exceptions',
			'private-actors',
			'biometric-categorisation',
			'emotion-recognition',
			'facial-scraping',
			'predictive-policing'
		]);
	});

	it('shows Germany’s position on the day of the Council general approach and the day before', async () => {
		const dayBefore = await positionMatrix(open.db, dossierId, { asOf: '2022-12-05', viewer: PUBLIC_VIEWER });
		expect(cell(dayBefore, 'germany', WHOLE_BAN)?.position).toMatchObject({ date: '2021-11-24', stance: 'full_ban' });
		expect(cell(dayBefore, 'germany', 'post-rbi')?.position).toMatchObject({ date: '2022-10', stance: 'opposes' });
		expect(cell(dayBefore, 'netherlands', 'real-time-rbi')?.position.stance).toBe('ban_with_exceptions');
		expect(cell(dayBefore, 'presidency-czech-republic-h2-2022', WHOLE_BAN)).toBeNull();

		const generalApproach = await positionMatrix(open.db, dossierId, { asOf: '2022-12-06', viewer: PUBLIC_VIEWER });
		expect(cell(generalApproach, 'germany', WHOLE_BAN)?.position).toMatchObject({
			date: '2022-12-06',
			stance: 'ban_with_exceptions'
		});
		expect(cell(generalApproach, 'presidency-czech-republic-h2-2022', WHOLE_BAN)?.position.stance).toBe('unknown');
		expect(generalApproach.others.some((r) => r.actor.slug === 'presidency-spain-h2-2023')).toBe(false);
	});

	it('does not let a later record with no stance hide an earlier stance', async () => {
		const today = await positionMatrix(open.db, dossierId, { asOf: '2026-06-01', viewer: PUBLIC_VIEWER });
		const italy = cell(today, 'italy', WHOLE_BAN)!;
		expect(italy.position).toMatchObject({ date: '2023-06', stance: 'ban_with_exceptions' });
		expect(italy.laterUnknown.map((p) => p.date)).toEqual(['2025-12-31']);
	});

	it('filters by topic and by stance', async () => {
		const m = await positionMatrix(open.db, dossierId, {
			asOf: null,
			topic: 'post-rbi',
			stance: 'opposes',
			viewer: PUBLIC_VIEWER
		});
		expect(m.topics.map((t) => t.key)).toEqual(['post-rbi']);
		expect(m.memberStates.map((r) => r.actor.slug)).toEqual(['germany']);
		expect(m.others).toEqual([]);
	});

	it('groups one country’s positions by topic, oldest first', async () => {
		const groups = await actorPositions(open.db, dossierId, actorIds.get('germany')!, PUBLIC_VIEWER);
		const whole = groups.find((g) => g.topic.key === WHOLE_BAN)!;
		expect(whole.positions.map((p) => p.date)).toEqual(['2021-11-24', '2022-12-06', '2024-02-02']);
		expect(groups.find((g) => g.topic.key === 'emotion-recognition')!.positions).toEqual([]);
	});

	it('shows nothing that is not approved and public to the public', async () => {
		const visible = await visiblePositions(open.db, dossierId, PUBLIC_VIEWER);
		const all = await open.db
			.select({ id: position.id })
			.from(position)
			.where(and(eq(position.dossierId, dossierId), isNull(position.authorId)));
		expect(visible).toHaveLength(all.length);
	});
});
