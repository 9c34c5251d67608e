import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, procedureEvent } from './db/schema';
import { useTestDatabase } from './testing/database';
import { procedureStatus, timeline } from './dossiers';
import { createEvent, eventForm, eventFormValues, getEvent, isPartialDate, parseSources, updateEvent } from './stages';
import { testUser } from './testing/users';

const seeded = useTestDatabase();
let editorId: number;
beforeAll(async () => {
	editorId = (await testUser(seeded.db, 'editor')).id;
});

const form = (over: Record<string, string> = {}) => ({
	kind: 'event',
	title: 'Council vote on the Digital Omnibus',
	category: 'amendment',
	date: '2026-06-29',
	dateNote: '',
	institution: 'Council',
	documentRef: '',
	summary: '',
	notes: '',
	stageOrder: '',
	verified: 'on',
	visibility: 'public',
	votesFor: '',
	votesAgainst: '',
	votesAbstentions: '',
	sources: 'Council press release | https://www.consilium.europa.eu/en/press/ | para. 2',
	...over
});

describe('the stage and event form', () => {
	it('accepts full and partial dates, and empty for unknown', () => {
		for (const d of ['2024-07-12', '2024-07', '2024']) expect(isPartialDate(d)).toBe(true);
		for (const d of ['2024-02-30', '2024-13', '12 July 2024', '']) expect(isPartialDate(d)).toBe(false);
		expect(eventForm.parse(form({ date: '' })).date).toBeNull();
	});

	it('refuses bad input with field errors, never throwing', () => {
		const bad = eventForm.safeParse(
			form({ title: ' ', date: '2024-02-30', votesFor: '3', sources: 'Title | javascript:alert(1)' })
		);
		expect(bad.success).toBe(false);
		const fields = Object.keys(bad.error!.flatten().fieldErrors).sort();
		expect(fields).toEqual(['date', 'sources', 'title', 'votesFor']);
	});

	it('reads sources one a line', () => {
		expect(parseSources('A | https://a.eu | p. 1\n\nB')).toEqual({
			sources: [
				{ title: 'A', url: 'https://a.eu', locator: 'p. 1' },
				{ title: 'B', url: null, locator: null }
			]
		});
	});
});

describe('adding and editing stages and events', () => {
	it('adds an event with a unique key, on the public timeline, audited', async () => {
		const a = await createEvent(seeded.db, editorId, seeded.dossierId, eventForm.parse(form()));
		const b = await createEvent(seeded.db, editorId, seeded.dossierId, eventForm.parse(form()));
		expect(a.key).toBe('event:council-vote-on-the-digital-omnibus');
		expect(b.key).toBe('event:council-vote-on-the-digital-omnibus-2');
		expect(a.sources).toEqual([
			{ title: 'Council press release', url: 'https://www.consilium.europa.eu/en/press/', locator: 'para. 2' }
		]);
		const entries = await timeline(seeded.db, seeded.dossierId, '2026-11-26');
		expect(entries.some((e) => e.id === a.id)).toBe(true);
		const [entry] = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'procedure_event.create'), eq(auditLog.entityId, String(a.id))));
		expect(entry.userId).toBe(editorId);
	});

	it('adds a stage last when no number is given, and counts it in “stage n of N”', async () => {
		const before = await procedureStatus(seeded.db, seeded.dossierId, '2026-11-26');
		const stage = await createEvent(
			seeded.db,
			editorId,
			seeded.dossierId,
			eventForm.parse(form({ kind: 'stage', title: 'Review of the Act', date: '2029-08-02' }))
		);
		expect(stage.stageOrder).toBe(before.totalStages + 1);
		expect(stage.category).toBe('procedure');
		const after = await procedureStatus(seeded.db, seeded.dossierId, '2026-11-26');
		expect(after.totalStages).toBe(before.totalStages + 1);
	});

	it('edits an event, keeps its key, and audits what changed; internal events leave the public timeline', async () => {
		const created = await createEvent(
			seeded.db,
			editorId,
			seeded.dossierId,
			eventForm.parse(form({ title: 'To be hidden' }))
		);
		const values = { ...eventFormValues(created), title: 'Hidden now', visibility: 'internal' };
		const saved = await updateEvent(seeded.db, editorId, created, created.version, eventForm.parse(values));
		if (!saved?.ok) throw new Error('not saved');
		expect(saved.event.key).toBe(created.key);
		expect(saved.event.title).toBe('Hidden now');
		expect(saved.event.version).toBe(created.version + 1);
		const entries = await timeline(seeded.db, seeded.dossierId, '2026-11-26');
		expect(entries.some((e) => e.id === created.id)).toBe(false);
		const [entry] = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'procedure_event.update'), eq(auditLog.entityId, String(created.id))));
		expect(entry.details).toEqual({
			key: created.key,
			fromVersion: 1,
			toVersion: 2,
			before: { title: 'To be hidden', visibility: 'public' },
			after: { title: 'Hidden now', visibility: 'internal' }
		});
	});

	it('refuses an edit made from an older version, writing nothing', async () => {
		const created = await createEvent(
			seeded.db,
			editorId,
			seeded.dossierId,
			eventForm.parse(form({ title: 'Shared entry' }))
		);
		// Both editors open the form at version 1.
		const opened = eventFormValues(created);
		expect(opened.version).toBe('1');
		const edit = (title: string) => eventForm.parse({ ...opened, title });
		const first = await updateEvent(seeded.db, editorId, created, Number(opened.version), edit('First editor'));
		expect(first).toMatchObject({ ok: true, event: { title: 'First editor', version: 2 } });
		// The second editor still holds version 1; the page reads the entry again as it is now, as the route does.
		const now = (await getEvent(seeded.db, seeded.dossierId, created.id))!;
		const second = await updateEvent(seeded.db, editorId, now, Number(opened.version), edit('Second editor'));
		expect(second).toMatchObject({ ok: false, conflict: { version: 2, record: { title: 'First editor' } } });
		const [row] = await seeded.db.select().from(procedureEvent).where(eq(procedureEvent.id, created.id));
		expect(row).toMatchObject({ title: 'First editor', version: 2 });
		const updates = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'procedure_event.update'), eq(auditLog.entityId, String(created.id))));
		expect(updates).toHaveLength(1);
		// Saving again from their version (what the refused form now carries) replaces theirs.
		const again = await updateEvent(seeded.db, editorId, now, 2, edit('Second editor'));
		expect(again).toMatchObject({ ok: true, event: { title: 'Second editor', version: 3 } });
	});
});
