import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { OpenDatabase } from '../db';
import { actor, dossier, position, topic } from '../db/schema';
import { testDatabase } from '../testing/database';
import { loadAiAct, type RawSourcedPosition } from '../seed/load';
import { MORE_NATIONAL_SEED, nationalMappingKey } from '../seed/positions';
import { cellsAsOf, takenBy } from '$lib/positions/as-of';
import { matrixFigures, matrixRows } from '$lib/positions/matrix';
import { moreNationalMapping } from '../seed/position-mapping-national-2026-12';
import { actorPositions, positionMatrix, visiblePositions } from '.';
import { PUBLIC_VIEWER } from '../authorization';
import { positionItems } from '../feeds';

const FILE = 'src/lib/server/seed/data/ai-act/national-positions-2026-12.json';
const hintTopic: Record<string, string> = {
	'real-time RBI': 'real-time-rbi',
	'post RBI': 'post-rbi',
	exceptions: 'exceptions',
	'facial scraping': 'facial-scraping'
};
/** The passages a basis or note quotes, “like this”. */
const quoted = (s: string) => [...s.matchAll(/“([^”]+)”/g)].map((m) => m[1]);

let open: OpenDatabase;
let dossierId: number;
let records: RawSourcedPosition[];
const actorIds = new Map<string, number>();

beforeAll(async () => {
	open = await testDatabase();
	[{ id: dossierId }] = await open.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	for (const a of await open.db.select({ id: actor.id, slug: actor.slug }).from(actor)) actorIds.set(a.slug, a.id);
	records = (await loadAiAct()).moreNationalPositions.records;
});
afterAll(() => open?.close());

const seeded = () =>
	open.db
		.select({ position, topicSlug: topic.slug, actorName: actor.name })
		.from(position)
		.innerJoin(actor, eq(actor.id, position.actorId))
		.leftJoin(topic, eq(topic.id, position.topicId))
		.where(like(position.seedKey, `${MORE_NATIONAL_SEED}:%`));

describe('the mapping of national-positions-2026-12.json', () => {
	it('puts each record on the topic of its topicHint, and quotes only words of its quote or summary', () => {
		expect(records).toHaveLength(37);
		for (const r of records) {
			const m = moreNationalMapping[nationalMappingKey(r)];
			expect(m, nationalMappingKey(r)).toBeDefined();
			expect(m.positions.map((p) => p.topic)).toContain(hintTopic[r.topicHint]);
			for (const passage of [...quoted(m.basis), ...quoted(m.dateNote ?? '')]) {
				expect(`${r.quote}\n${r.summary}`, `${nationalMappingKey(r)}: “${passage}”`).toContain(passage);
			}
		}
	});

	it('gives a stance only where the basis quotes the record’s own quote', () => {
		for (const r of records) {
			const m = moreNationalMapping[nationalMappingKey(r)];
			if (m.positions.every((p) => p.stance === 'unknown')) continue;
			expect(
				quoted(m.basis).filter((passage) => r.quote.includes(passage)).length,
				nationalMappingKey(r)
			).toBeGreaterThan(0);
		}
		const withStance = Object.entries(moreNationalMapping).filter(([, m]) =>
			m.positions.some((p) => p.stance !== 'unknown')
		);
		expect(withStance.map(([key]) => key).sort()).toEqual([
			'Denmark 2024-01-10',
			'France 2025-01-22',
			'Greece 2025-01',
			'Hungary 2025-01-22',
			'Netherlands 2023-07',
			'Portugal 2025-01-22'
		]);
	});

	it('maps positions on the ban or its exceptions: the Dutch cabinet, Denmark, Portugal', () => {
		expect(moreNationalMapping['Netherlands 2023-07'].positions).toEqual([
			{ topic: 'real-time-rbi', stance: 'ban_with_exceptions', confidence: undefined },
			{ topic: 'exceptions', stance: 'ban_with_exceptions', confidence: undefined }
		]);
		expect(moreNationalMapping['Netherlands 2023-07'].basis).toContain(
			'“Een dergelijk totaalverbod acht het kabinet onwenselijk”'
		);
		expect(moreNationalMapping['Denmark 2024-01-10'].positions.map((p) => [p.topic, p.stance])).toEqual([
			['real-time-rbi', 'ban_with_exceptions'],
			['exceptions', 'ban_with_exceptions']
		]);
		expect(moreNationalMapping['Portugal 2025-01-22'].positions).toEqual([
			{ topic: 'exceptions', stance: 'ban_with_exceptions', confidence: undefined }
		]);
		// Greece rests on one aggregated item saying it stood "aux côtés" of France: our reading.
		expect(moreNationalMapping['Greece 2025-01'].positions[0].confidence).toBe('inferred');
	});

	it('keeps national law, police practice and reserved judgement unknown', () => {
		for (const key of [
			'Sweden 2025-03-20',
			'Spain 2025-03-11',
			'Luxembourg 2021-07-01',
			'Ireland 2023-12-14',
			'Italy 2023-12-19',
			'Italy 2024-02-02',
			'Germany 2022-03-16'
		]) {
			expect(
				moreNationalMapping[key].positions.map((p) => p.stance),
				key
			).toEqual(['unknown']);
		}
	});

	it('says when a record is dated by its report, not by the statement', () => {
		const byReport = Object.entries(moreNationalMapping).filter(([, m]) => m.dateNote?.startsWith('Reported '));
		expect(byReport.map(([key]) => key).sort()).toEqual([
			'Belgium 2025-02-10',
			'Finland 2023-12-19',
			'France 2025-01-22',
			'Greece 2025-01',
			'Hungary 2023-12-19',
			'Hungary 2025-01-22',
			'Italy 2023-12-19',
			'Poland 2023-12-19',
			'Portugal 2025-01-22'
		]);
		expect(moreNationalMapping['Portugal 2025-01-22'].dateNote).toMatch(
			/^Reported on 22 January 2025: the date of the report, not of the statement/
		);
		expect(moreNationalMapping['Greece 2025-01'].dateNote).toMatch(/^Reported in January 2025/);
	});
});

describe('the seeded records of national-positions-2026-12.json', () => {
	it('keep each quote word for word as the data file has it, with its source', async () => {
		const file = readFileSync(FILE, 'utf8');
		const rows = await seeded();
		expect(rows).toHaveLength(39);
		for (const { position: p } of rows) {
			expect(p.evidence).toHaveLength(1);
			const [source] = p.evidence;
			expect(source.quote && file.includes(JSON.stringify(source.quote).slice(1, -1)), p.seedKey!).toBe(true);
			const record = records.find((r) => r.quote === source.quote && r.date === p.date && r.summary === p.summary);
			expect(record, p.seedKey!).toBeDefined();
			expect(source).toMatchObject({ url: record!.source.url, title: record!.source.title, kind: record!.source.kind });
			expect(p.stanceAsReported).toBe(record!.stanceAsReported);
		}
	});

	it('have no stance without a basis quoting the quote, and take their confidence from the source', async () => {
		const rows = await seeded();
		const withStance = rows.filter((r) => r.position.stance !== 'unknown');
		expect(withStance).toHaveLength(8);
		for (const { position: p } of withStance) {
			expect(
				quoted(p.stanceBasis ?? '').some((passage) => p.evidence[0].quote!.includes(passage)),
				p.seedKey!
			).toBe(true);
		}
		const confidence = (seedKey: string) => rows.find((r) => r.position.seedKey === seedKey)!.position.confidence;
		expect(confidence(`${MORE_NATIONAL_SEED}:Netherlands:2024-12-09#post-rbi`)).toBe('official');
		expect(confidence(`${MORE_NATIONAL_SEED}:Portugal:2025-01-22#exceptions`)).toBe('reported');
		expect(confidence(`${MORE_NATIONAL_SEED}:Denmark:2024-02#real-time-rbi`)).toBe('reported');
	});

	it('show in the country’s history, a record with no stance too, "Reported on …" where dated by the report', async () => {
		const sweden = await actorPositions(open.db, dossierId, actorIds.get('sweden')!, PUBLIC_VIEWER);
		expect(sweden.find((g) => g.topic.key === 'real-time-rbi')!.positions.map((p) => [p.date, p.stance])).toEqual([
			['2025-03-20', 'unknown'],
			['2025-11-27', 'unknown']
		]);
		const portugal = await actorPositions(open.db, dossierId, actorIds.get('portugal')!, PUBLIC_VIEWER);
		const [exceptions] = portugal.find((g) => g.topic.key === 'exceptions')!.positions;
		expect(exceptions).toMatchObject({
			date: '2025-01-22',
			stance: 'ban_with_exceptions',
			dateNote: expect.stringMatching(/^Reported on 22 January 2025/)
		});

		// Finland's feed: both its records, neither with a stance, the ANSA one saying it is dated by the report.
		const [ai] = await open.db
			.select({ id: dossier.id, slug: dossier.slug, shortTitle: dossier.shortTitle })
			.from(dossier)
			.where(eq(dossier.id, dossierId));
		const finland = await positionItems(open.db, ai, { actorIds: [actorIds.get('finland')!] });
		expect(finland.map((i) => i.date).sort()).toEqual(['2023-12-19', '2025-09']);
		expect(finland.find((i) => i.date === '2023-12-19')!).toMatchObject({
			title:
				'Finland on Exceptions to the ban: as reported, “reserved judgement on the trilogue deal pending the text”',
			summary: expect.stringContaining(
				'On the date: Reported on 19 December 2023: the date of the report, not of the statement'
			)
		});
	});
});

describe('the matrix with the new records', () => {
	const cellOf = (m: Awaited<ReturnType<typeof positionMatrix>>, slug: string, key: string) =>
		m.memberStates.find((r) => r.actor.slug === slug)!.cells.find((c) => c.topicKey === key)!.cell;

	it('as of 2024-02-02 (Coreper’s endorsement) shows the records dated by then and none after', async () => {
		const asOf = '2024-02-02';
		const m = await positionMatrix(open.db, dossierId, { asOf, viewer: PUBLIC_VIEWER });
		const shown = m.memberStates.flatMap((r) =>
			r.cells.flatMap((c) => (c.cell ? [c.cell.position, ...c.cell.laterUnknown] : []))
		);
		expect(shown.every((p) => takenBy(p.date, asOf))).toBe(true);
		// Every actor × topic with a record dated by then has a cell, and no other.
		const rows = await open.db
			.select({ actorId: position.actorId, slug: topic.slug, date: position.date })
			.from(position)
			.leftJoin(topic, eq(topic.id, position.topicId))
			.where(and(eq(position.dossierId, dossierId), eq(position.visibility, 'public')));
		const states = new Set(m.memberStates.map((r) => r.actor.id));
		const expected = new Set(
			rows
				.filter((r) => states.has(r.actorId) && takenBy(r.date, asOf))
				.map((r) => `${r.actorId}:${r.slug ?? 'whole-ban'}`)
		);
		const cells = new Set(
			m.memberStates.flatMap((r) => r.cells.filter((c) => c.cell).map((c) => `${r.actor.id}:${c.topicKey}`))
		);
		expect(cells).toEqual(expected);

		expect(cellOf(m, 'denmark', 'real-time-rbi')!.position).toMatchObject({
			date: '2024-01-10',
			stance: 'ban_with_exceptions'
		});
		expect(cellOf(m, 'netherlands', 'exceptions')!.position).toMatchObject({
			date: '2023-07',
			stance: 'ban_with_exceptions'
		});
		expect(cellOf(m, 'italy', 'exceptions')!.position.date).toBe('2024-02-02');
		expect(cellOf(m, 'poland', 'exceptions')!.position).toMatchObject({ date: '2023-12-19', stance: 'unknown' });
		expect(cellOf(m, 'portugal', 'exceptions')).toBeNull();
		expect(cellOf(m, 'poland', 'real-time-rbi')).toBeNull();
		expect(m.memberStates.find((r) => r.actor.slug === 'sweden')!.cells.every((c) => c.cell === null)).toBe(true);

		const today = await positionMatrix(open.db, dossierId, { asOf: null, viewer: PUBLIC_VIEWER });
		expect(cellOf(today, 'portugal', 'exceptions')!.position).toMatchObject({
			date: '2025-01-22',
			stance: 'ban_with_exceptions'
		});
		expect(cellOf(today, 'sweden', 'real-time-rbi')!.position.date).toBe('2025-11-27');
	});

	it('today: how many cells have a stance, how many member states a record (printed for the README)', async () => {
		const m = await positionMatrix(open.db, dossierId, { asOf: null, viewer: PUBLIC_VIEWER });
		const figures = matrixFigures(m.memberStates);
		const newIds = new Set((await seeded()).map((r) => r.position.id));
		console.log(
			`Positions matrix today: ${figures.withStance} of ${figures.cells} member-state cells with a stance; ${figures.rowsWithRecord} of ${figures.rows} member states with a record.`
		);
		expect(figures).toEqual({ cells: 243, withStance: 13, rows: 27, rowsWithRecord: 17 });
		// Without the 2026 file, as the matrix was before it.
		const older = (await visiblePositions(open.db, dossierId, PUBLIC_VIEWER)).filter((p) => !newIds.has(p.id));
		const before = matrixFigures(
			matrixRows(
				m.memberStates.map((r) => r.actor),
				m.topics.map((t) => t.key),
				cellsAsOf(older, null),
				null
			)
		);
		console.log(
			`Without national-positions-2026-12.json: ${before.withStance} of ${before.cells} cells with a stance; ${before.rowsWithRecord} of ${before.rows} member states with a record.`
		);
		expect(before).toEqual({ cells: 243, withStance: 7, rows: 27, rowsWithRecord: 9 });
		const none = m.memberStates.filter((r) => r.cells.every((c) => !c.cell)).map((r) => r.actor.name);
		expect(none.sort()).toEqual([
			'Bulgaria',
			'Croatia',
			'Cyprus',
			'Estonia',
			'Latvia',
			'Lithuania',
			'Malta',
			'Romania',
			'Slovakia',
			'Slovenia'
		]);
	});
});
