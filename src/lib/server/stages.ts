import { and, eq, like, max } from 'drizzle-orm';
import { z } from 'zod';
import type { DbConnection } from './db';
import { atVersion, nextVersion } from './db/version';
import { procedureEvent, visibilities } from './db/schema';
import { audit } from './audit';
import type { ProcedureEvent } from './dossiers';
import type { SourceRef } from '$lib/sources';
import { isPartialDate, partialDateField } from '$lib/validators';
import type { Saved } from '$lib/stale-edit';

export const eventCategories = [
	'procedure',
	'civil-society',
	'parliament',
	'advisory',
	'application',
	'implementation',
	'amendment'
] as const;

/** A missing field (an API client, an old form) counts as empty, like an empty input. */
const field = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? '', schema);

const optionalText = (maxLength: number) =>
	field(
		z
			.string()
			.trim()
			.max(maxLength, `At most ${maxLength} characters.`)
			.transform((s) => (s === '' ? null : s))
	);

const optionalCount = field(
	z
		.string()
		.trim()
		.regex(/^\d{0,4}$/, 'A whole number.')
		.transform((s) => (s === '' ? null : Number(s)))
);

/** A date as the dossier writes them: '2024-07-12', '2024-07' or '2024'; empty for unknown. */
const partialDate = field(partialDateField().transform((s) => (s === '' ? null : s)));

export { isPartialDate };

/**
 * Sources as typed in the form, one per line: "Title | https://… | locator". The URL and locator are
 * optional; a URL must be http(s).
 */
export function parseSources(text: string): { sources: SourceRef[]; error?: string } {
	const sources: SourceRef[] = [];
	for (const [i, line] of text.split(/\r?\n/).entries()) {
		if (!line.trim()) continue;
		const [title = '', url = '', locator = ''] = line.split('|').map((p) => p.trim());
		if (!title) return { sources, error: `Line ${i + 1}: a source needs a title.` };
		if (url && !/^https?:\/\/[^\s]+$/.test(url))
			return { sources, error: `Line ${i + 1}: “${url}” is not an http(s) address.` };
		sources.push({ title, url: url || null, locator: locator || null });
	}
	return { sources };
}

export const formatSources = (sources: SourceRef[]) =>
	sources.map((s) => [s.title, s.url ?? '', s.locator ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n');

/** The stage and event form, parsed from its fields (all strings, as a form posts them). */
export const eventForm = z
	.object({
		kind: z.enum(['stage', 'event'], 'Choose stage or event.'),
		title: field(z.string().trim().min(1, 'A title is needed.').max(300, 'At most 300 characters.')),
		category: z.enum(eventCategories, 'Choose a category.').default('procedure'),
		date: partialDate,
		dateNote: optionalText(500),
		institution: optionalText(200),
		documentRef: optionalText(200),
		summary: optionalText(4000),
		notes: optionalText(2000),
		stageOrder: optionalCount,
		verified: z
			.string()
			.optional()
			.transform((v) => v === 'on' || v === 'true'),
		visibility: z.enum(visibilities, 'Choose public or internal.').default('public'),
		votesFor: optionalCount,
		votesAgainst: optionalCount,
		votesAbstentions: optionalCount,
		sources: z.string().max(10_000, 'Too long.').default('')
	})
	.superRefine((v, ctx) => {
		const votes = [v.votesFor, v.votesAgainst, v.votesAbstentions];
		if (votes.some((n) => n !== null) && votes.some((n) => n === null))
			ctx.addIssue({ code: 'custom', path: ['votesFor'], message: 'Give all three vote counts, or none.' });
		if (v.kind === 'stage' && v.stageOrder !== null && v.stageOrder < 1)
			ctx.addIssue({ code: 'custom', path: ['stageOrder'], message: 'Stage numbers start at 1.' });
		const parsed = parseSources(v.sources);
		if (parsed.error) ctx.addIssue({ code: 'custom', path: ['sources'], message: parsed.error });
	});

export type EventFormValues = z.output<typeof eventForm>;

function toRow(v: EventFormValues) {
	return {
		kind: v.kind,
		title: v.title,
		category: v.kind === 'stage' ? 'procedure' : v.category,
		date: v.date,
		dateNote: v.dateNote,
		institution: v.institution,
		documentRef: v.documentRef,
		summary: v.summary,
		notes: v.notes,
		verified: v.verified,
		visibility: v.visibility,
		votes: v.votesFor === null ? null : { for: v.votesFor, against: v.votesAgainst!, abstentions: v.votesAbstentions! },
		sources: parseSources(v.sources).sources
	};
}

const slug = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60) || 'event';

export async function getEvent(db: DbConnection, dossierId: number, id: number): Promise<ProcedureEvent | undefined> {
	const [row] = await db
		.select()
		.from(procedureEvent)
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.id, id)));
	return row;
}

/** Adds a stage or event with a key made from its title; a new stage without a number goes last. Audited. */
export async function createEvent(
	db: DbConnection,
	userId: number,
	dossierId: number,
	values: EventFormValues
): Promise<ProcedureEvent> {
	return db.transaction(async (tx) => {
		const base = (values.kind === 'event' ? 'event:' : '') + slug(values.title);
		const taken = new Set(
			(
				await tx
					.select({ key: procedureEvent.key })
					.from(procedureEvent)
					.where(and(eq(procedureEvent.dossierId, dossierId), like(procedureEvent.key, `${base}%`)))
			).map((r) => r.key)
		);
		let key = base;
		for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
		let stageOrder = values.kind === 'stage' ? values.stageOrder : null;
		if (values.kind === 'stage' && stageOrder === null) {
			const [{ last }] = await tx
				.select({ last: max(procedureEvent.stageOrder) })
				.from(procedureEvent)
				.where(eq(procedureEvent.dossierId, dossierId));
			stageOrder = (last ?? 0) + 1;
		}
		const [row] = await tx
			.insert(procedureEvent)
			.values({ dossierId, key, ...toRow(values), stageOrder })
			.returning();
		await audit(tx, {
			userId,
			action: 'procedure_event.create',
			entityType: 'procedure_event',
			entityId: row.id,
			details: { after: toRow(values), key, stageOrder }
		});
		return row;
	});
}

/**
 * Edits a stage or event (its key stays, so links and feed ids hold). Audited with before and after.
 * `version` is the one the editor started from: if someone saved since, nothing is written and their
 * version comes back as the conflict (`$lib/stale-edit`); undefined when the entry is gone.
 */
export async function updateEvent(
	db: DbConnection,
	userId: number,
	event: ProcedureEvent,
	version: number,
	values: EventFormValues
): Promise<Saved<{ event: ProcedureEvent }, ProcedureEvent> | undefined> {
	return db.transaction(async (tx) => {
		const row = toRow(values);
		const changes = {
			...row,
			sources: keepSourceDetails(row.sources, event.sources),
			stageOrder: values.kind === 'stage' ? (values.stageOrder ?? event.stageOrder) : null,
			updatedAt: new Date()
		};
		const [updated] = await tx
			.update(procedureEvent)
			.set({ ...changes, version: nextVersion(procedureEvent.version) })
			.where(atVersion(procedureEvent, event.id, version))
			.returning();
		if (!updated) {
			const current = await getEvent(tx, event.dossierId, event.id);
			return current && { ok: false, conflict: { version: current.version, record: current } };
		}
		const before: Record<string, unknown> = {};
		const after: Record<string, unknown> = {};
		for (const [field, value] of Object.entries(changes)) {
			if (field === 'updatedAt') continue;
			const old = event[field as keyof ProcedureEvent];
			if (canonical(old) !== canonical(value)) {
				before[field] = old;
				after[field] = value;
			}
		}
		await audit(tx, {
			userId,
			action: 'procedure_event.update',
			entityType: 'procedure_event',
			entityId: event.id,
			details: { key: event.key, fromVersion: version, toVersion: updated.version, before, after }
		});
		return { ok: true, event: updated };
	});
}

/** JSON with sorted keys: jsonb does not keep key order, so plain JSON.stringify would see changes that are not. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

/**
 * The form shows a source as title, URL and locator only; a source kept from before (same title and URL)
 * keeps its other details (kind, note, publication date, quote) instead of losing them on every edit.
 */
function keepSourceDetails(edited: SourceRef[], previous: SourceRef[]): SourceRef[] {
	return edited.map((s) => {
		const old = previous.find((p) => p.title === s.title && (p.url ?? null) === (s.url ?? null));
		return old ? { ...old, ...s } : s;
	});
}

/** The form's fields for an existing event, as strings. */
export function eventFormValues(e: ProcedureEvent): Record<string, string> {
	return {
		// The version the editor starts from (see updateEvent).
		version: String(e.version),
		kind: e.kind,
		title: e.title,
		category: e.category,
		date: e.date ?? '',
		dateNote: e.dateNote ?? '',
		institution: e.institution ?? '',
		documentRef: e.documentRef ?? '',
		summary: e.summary ?? '',
		notes: e.notes ?? '',
		stageOrder: e.stageOrder == null ? '' : String(e.stageOrder),
		verified: e.verified ? 'on' : '',
		visibility: e.visibility,
		votesFor: e.votes ? String(e.votes.for) : '',
		votesAgainst: e.votes ? String(e.votes.against) : '',
		votesAbstentions: e.votes ? String(e.votes.abstentions) : '',
		sources: formatSources(e.sources)
	};
}

/** Stages and events that are not public, for editors (the public timeline leaves them out). */
export async function internalEvents(db: DbConnection, dossierId: number): Promise<ProcedureEvent[]> {
	return db
		.select()
		.from(procedureEvent)
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.visibility, 'internal')))
		.orderBy(procedureEvent.date);
}
