import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { useTestDatabase } from './testing/database';
import { loadPage } from './testing/route-event';
import { dossierOf, findDossierOf, latestEvents, procedureStatus, timeline } from './dossiers';

const seeded = useTestDatabase({ app: true }); // dossierOf queries db()

const today = '2026-11-26';

describe('timeline', () => {
	it('lists stages and events in date order, undated last, future ones upcoming', async () => {
		const entries = await timeline(seeded.db, seeded.dossierId, today);
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

	it('shows a stage a later act moved at its original date, with the new date and the note', async () => {
		const entries = await timeline(seeded.db, seeded.dossierId, '2026-12-07');
		const article61 = entries.find((e) => e.key === 'application-article-6-1')!;
		expect(article61.date).toBe('2027-08-02');
		expect(article61.supersededBy).toMatchObject({
			entryKey: 'event:omnibus-annex-i-high-risk-apply',
			date: '2028-08-02',
			partly: false
		});
		expect(article61.supersededBy!.note).toContain('Article 113(c)');
		expect(article61.sources.every((s) => s.kind !== 'superseded-by')).toBe(true);
		expect(entries.some((e) => e.key === article61.supersededBy!.entryKey)).toBe(true);
		const general = entries.find((e) => e.key === 'general-application')!;
		expect(general.supersededBy).toMatchObject({ partly: true, date: '2027-12-02' });
		expect(entries.find((e) => e.key === 'event:omnibus-article-5-new-prohibitions-apply')?.date).toBe('2026-12-02');
	});

	it('links the 2026 act’s publication to the unofficial consolidation, saying it is unofficial', async () => {
		const entries = await timeline(seeded.db, seeded.dossierId, today);
		const oj = entries.find((e) => e.key === 'event:digital-omnibus-oj')!;
		expect(oj.document?.key).toBe('consolidated-2026');
		expect(oj.document?.notice?.label).toBe('Unofficial consolidation');
		expect(oj.sources.length).toBeGreaterThan(0);
	});

	it('does not repeat a stage as an event', async () => {
		const entries = await timeline(seeded.db, seeded.dossierId, today);
		const proposals = entries.filter((e) => e.date === '2021-04-21');
		expect(proposals).toHaveLength(1);
	});
});

describe('procedureStatus', () => {
	it('says which stage the procedure has reached and what comes next', async () => {
		const status = await procedureStatus(seeded.db, seeded.dossierId, today);
		expect(status.totalStages).toBe(19);
		expect(status.current?.key).toBe('general-application');
		expect(status.currentNumber).toBe(18);
		expect(status.next?.date).toBe('2026-12-02');
	});

	it('on 30 November 2026, what comes next is the new Article 5 prohibitions of 2 December 2026', async () => {
		const status = await procedureStatus(seeded.db, seeded.dossierId, '2026-11-30');
		expect(status.next).toMatchObject({
			key: 'event:omnibus-article-5-new-prohibitions-apply',
			date: '2026-12-02',
			kind: 'event'
		});
	});

	it('on 7 December 2026, what comes next is the Annex III date, never the superseded 2 August 2027', async () => {
		const status = await procedureStatus(seeded.db, seeded.dossierId, '2026-12-07');
		expect(status.next).toMatchObject({ key: 'event:omnibus-annex-iii-high-risk-apply', date: '2027-12-02' });
		expect(status.comingUp.map((s) => s.date)).not.toContain('2027-08-02');
		expect(status.comingUp.some((s) => s.key === 'application-article-6-1')).toBe(false);
		expect(status.current?.key).toBe('general-application');
	});

	it('counts back from an earlier day', async () => {
		const status = await procedureStatus(seeded.db, seeded.dossierId, '2022-12-06');
		expect(status.current?.key).toBe('council-general-approach');
	});
});

describe('latestEvents', () => {
	it('returns past events newest first', async () => {
		const events = await latestEvents(seeded.db, seeded.dossierId, today, 3);
		expect(events).toHaveLength(3);
		expect(events[0].date! >= events[1].date!).toBe(true);
		expect(events.every((e) => e.date! <= today)).toBe(true);
	});
});

describe('dossierOf', () => {
	const request = (slug: string) => ({ params: { slug }, locals: { user: null, sessionId: null } });

	it('looks the dossier up once per request, whoever asks (layout, page, action)', async () => {
		const event = request('ai-act');
		const asked = findDossierOf(event);
		expect(findDossierOf({ ...event, params: { slug: 'ai-act' } })).toBe(asked);
		expect(await dossierOf(event)).toBe(await asked);
		expect((await asked)?.id).toBe(seeded.dossierId);
		// Another request looks again: nothing is kept past the request.
		expect(findDossierOf(request('ai-act'))).not.toBe(asked);
	});

	it('answers the one 404 for a dossier that does not exist', async () => {
		const thrown = await dossierOf(request('no-such-act')).catch((e: unknown) => e);
		expect(isHttpError(thrown) && thrown.status).toBe(404);
		expect(isHttpError(thrown) && thrown.body.message).toBe('There is no dossier called “no-such-act”.');
		expect(await findDossierOf(request('no-such-act'))).toBeUndefined();
	});
});

describe('the header outside a dossier', () => {
	it('follows the only dossier there is', async () => {
		const outcome = await loadPage({ routeId: '/', params: {}, user: null });
		expect(outcome.kind === 'ok' && (outcome.body as { onlyDossier: unknown }).onlyDossier).toEqual({
			slug: 'ai-act',
			shortTitle: 'AI Act'
		});
	});
});
