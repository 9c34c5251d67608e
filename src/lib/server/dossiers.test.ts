import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './db';
import { testDatabase } from './testing/database';
import { getDossier, latestEvents, procedureStatus, timeline } from './dossiers';

let open: OpenDatabase;
let dossierId: number;
beforeAll(async () => {
	open = await testDatabase();
	dossierId = (await getDossier(open.db, 'ai-act'))!.id;
});
afterAll(() => open?.close());

const today = '2026-11-26';

describe('timeline', () => {
	it('lists stages and events in date order, undated last, future ones upcoming', async () => {
		const entries = await timeline(open.db, dossierId, today);
		const dated = entries.filter((e) => e.date).map((e) => e.date!);
		expect(dated).toEqual([...dated].sort());
		const publication = entries.find((e) => e.key === 'oj-publication')!;
		expect(publication.date).toBe('2024-07-12');
		expect(publication.upcoming).toBe(false);
		expect(publication.document?.officialReference).toContain('2024/1689');
		const article61 = entries.find((e) => e.key === 'application-article-6-1')!;
		expect(article61.upcoming).toBe(true);
		expect(entries.some((e) => !e.verified)).toBe(true);
	});

	it('does not repeat a stage as an event', async () => {
		const entries = await timeline(open.db, dossierId, today);
		const proposals = entries.filter((e) => e.date === '2021-04-21');
		expect(proposals).toHaveLength(1);
	});
});

describe('procedureStatus', () => {
	it('says which stage the procedure has reached and what comes next', async () => {
		const status = await procedureStatus(open.db, dossierId, today);
		expect(status.totalStages).toBe(19);
		expect(status.current?.key).toBe('general-application');
		expect(status.currentNumber).toBe(18);
		expect(status.next?.date).toBe('2027-08-02');
	});

	it('counts back from an earlier day', async () => {
		const status = await procedureStatus(open.db, dossierId, '2022-12-06');
		expect(status.current?.key).toBe('council-general-approach');
	});
});

describe('latestEvents', () => {
	it('returns past events newest first', async () => {
		const events = await latestEvents(open.db, dossierId, today, 3);
		expect(events).toHaveLength(3);
		expect(events[0].date! >= events[1].date!).toBe(true);
		expect(events.every((e) => e.date! <= today)).toBe(true);
	});
});
