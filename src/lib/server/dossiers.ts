import { error } from '@sveltejs/kit';
import { and, asc, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type DbConnection } from './db';
import { audit } from './audit';
import { document, dossier, procedureEvent, provision, textVersion } from './db/schema';
import { isUpcoming } from '$lib/dates';
import { nextSteps, splitSupersession, type NextStep, type Supersession } from '$lib/procedure/next-step';
import { documentNotice, type DocumentNotice } from '$lib/documents/notice';
import { readForm } from './forms';

export type Dossier = typeof dossier.$inferSelect;
export type ProcedureEvent = typeof procedureEvent.$inferSelect;
export type DossierDocument = typeof document.$inferSelect;

export async function listDossiers(db: DbConnection): Promise<Dossier[]> {
	return db.select().from(dossier).orderBy(asc(dossier.id));
}

/**
 * For pages outside `/dossiers/[slug]`: the dossier named by `?dossier=slug`, or the only one when none is named.
 * `dossier` is undefined when the name matches none, or when none is named and there are several (the page then
 * asks which) or none.
 */
export async function dossierInQuery(
	db: DbConnection,
	url: URL
): Promise<{ named: string | null; dossier: Dossier | undefined; dossiers: Dossier[] }> {
	const dossiers = await listDossiers(db);
	const named = url.searchParams.get('dossier');
	const dossier = named ? dossiers.find((d) => d.slug === named) : dossiers.length === 1 ? dossiers[0] : undefined;
	return { named, dossier, dossiers };
}

/** The dossiers where some text holds the provision `eid` (to link to it only where it exists). */
export async function dossiersWithProvision(db: DbConnection, eid: string): Promise<Set<number>> {
	const rows = await db
		.selectDistinct({ id: provision.dossierId })
		.from(provision)
		.innerJoin(textVersion, eq(textVersion.provisionId, provision.id))
		.where(eq(provision.eid, eid));
	return new Set(rows.map((r) => r.id));
}

/**
 * A provision of the dossier with its title in the latest text that gives it one (to feature it by name), or
 * null when no text of the dossier holds it.
 */
export async function provisionTitle(
	db: DbConnection,
	dossierId: number,
	eid: string
): Promise<{ eid: string; heading: string | null } | null> {
	const rows = await db
		.select({ heading: textVersion.heading })
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.innerJoin(document, eq(document.id, textVersion.documentId))
		.where(and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)))
		.orderBy(desc(document.sortOrder));
	if (!rows.length) return null;
	return { eid, heading: rows.find((r) => r.heading)?.heading ?? null };
}

export async function getDossier(db: DbConnection, slug: string): Promise<Dossier | undefined> {
	const [row] = await db.select().from(dossier).where(eq(dossier.slug, slug));
	return row;
}

/** What a load, action or endpoint under `/dossiers/[slug]` or `/api/dossiers/[slug]` is given. */
export interface DossierRoute {
	params: { slug: string };
	locals: App.Locals;
}

/**
 * The lookups of this request, keyed by its `locals` (the one object SvelteKit hands to the layout's load, the
 * page's load, the action and the endpoint of a request alike), so they share one query and no load has to wait
 * for the layout's.
 */
const requestDossiers = new WeakMap<App.Locals, Map<string, Promise<Dossier | undefined>>>();

/** The dossier the route's `[slug]` names, looked up once per request; undefined when there is none. */
export function findDossierOf(event: DossierRoute): Promise<Dossier | undefined> {
	let bySlug = requestDossiers.get(event.locals);
	if (!bySlug) requestDossiers.set(event.locals, (bySlug = new Map()));
	let found = bySlug.get(event.params.slug);
	if (!found) bySlug.set(event.params.slug, (found = getDossier(db(), event.params.slug)));
	return found;
}

/**
 * The dossier the route's `[slug]` names, or the one 404 every page, action and feed under it answers (the JSON
 * API answers its own, with `findDossierOf`).
 */
export async function dossierOf(event: DossierRoute): Promise<Dossier> {
	const found = await findDossierOf(event);
	if (!found) error(404, `There is no dossier called “${event.params.slug}”.`);
	return found;
}

export async function listDocuments(db: DbConnection, dossierId: number): Promise<DossierDocument[]> {
	return db.select().from(document).where(eq(document.dossierId, dossierId)).orderBy(asc(document.sortOrder));
}

export interface TimelineEntry extends ProcedureEvent {
	upcoming: boolean;
	/** A later act moved its date (recorded among its sources, which here no longer list it). */
	supersededBy: Supersession | null;
	document:
		(Pick<DossierDocument, 'key' | 'title' | 'officialReference' | 'url'> & { notice: DocumentNotice | null }) | null;
}

/**
 * Every public stage and event of a dossier in date order (undated ones last), each marked upcoming
 * when its date is after `today`. A stage a later act moved stays at its original date, with the move.
 */
export async function timeline(db: DbConnection, dossierId: number, today: string): Promise<TimelineEntry[]> {
	const rows = await db
		.select({ event: procedureEvent, document })
		.from(procedureEvent)
		.leftJoin(document, eq(document.id, procedureEvent.documentId))
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.visibility, 'public')))
		.orderBy(sql`${procedureEvent.date} asc nulls last`, asc(procedureEvent.stageOrder), asc(procedureEvent.id));
	return rows.map(({ event, document: doc }) => {
		const { supersededBy, sources } = splitSupersession(event.sources);
		return {
			...event,
			sources,
			upcoming: isUpcoming(supersededBy && !supersededBy.partly ? supersededBy.date : event.date, today),
			supersededBy,
			document: doc && {
				key: doc.key,
				title: doc.title,
				officialReference: doc.officialReference,
				url: doc.url,
				notice: documentNotice(doc)
			}
		};
	});
}

export interface ProcedureStatus {
	/** The latest stage reached, and its number among all stages. */
	current: ProcedureEvent | undefined;
	currentNumber: number;
	totalStages: number;
	/** What comes next, stage or event; a stage a later act moved counts at its new date. */
	next: NextStep | undefined;
	/** The next few, `next` first. */
	comingUp: NextStep[];
}

/**
 * Where the procedure stands on `today` (a parameter, so a test can fix the day): the last stage reached,
 * and what comes next among stages and events alike (see `nextSteps`).
 */
export async function procedureStatus(db: DbConnection, dossierId: number, today: string): Promise<ProcedureStatus> {
	const entries = await db
		.select()
		.from(procedureEvent)
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.visibility, 'public')))
		.orderBy(asc(procedureEvent.stageOrder), asc(procedureEvent.id));
	const stages = entries.filter((e) => e.kind === 'stage' && e.stageOrder !== null);
	const reached = stages.filter((s) => s.date && !isUpcoming(s.date, today));
	const current = reached.at(-1);
	const comingUp = nextSteps(entries, today, 3);
	return {
		current: current && { ...current, sources: splitSupersession(current.sources).sources },
		currentNumber: current ? stages.indexOf(current) + 1 : 0,
		totalStages: stages.length,
		next: comingUp[0],
		comingUp
	};
}

/** The most recent public events up to `today`, newest first (a stage's move is not one of its sources). */
export async function latestEvents(
	db: DbConnection,
	dossierId: number,
	today: string,
	limit = 5
): Promise<ProcedureEvent[]> {
	const rows = await db
		.select()
		.from(procedureEvent)
		.where(
			and(
				eq(procedureEvent.dossierId, dossierId),
				eq(procedureEvent.visibility, 'public'),
				isNotNull(procedureEvent.date),
				sql`${procedureEvent.date} <= ${today}`
			)
		)
		.orderBy(desc(procedureEvent.date), desc(procedureEvent.id))
		.limit(limit);
	return rows.map((e) => ({ ...e, sources: splitSupersession(e.sources).sources }));
}

/** An EU procedure reference as the Legislative Observatory writes it: year, number and type, '2021/0106(COD)'. */
export const PROCEDURE_REF = /^(19|20)\d{2}\/\d{4}\([A-Z]{3}\)$/;

const required = (label: string, max: number) =>
	z.preprocess((v) => v ?? '', z.string().trim().min(1, `${label} is needed.`).max(max, `At most ${max} characters.`));

/** The new-dossier form; every field as a form posts it (strings). */
export const dossierForm = z.object({
	title: required('A title', 500),
	shortTitle: required('A short title', 60),
	procedureRef: z.preprocess(
		(v) => v ?? '',
		z
			.string()
			.trim()
			.regex(PROCEDURE_REF, 'A procedure reference such as 2021/0106(COD): year, four-digit number, type in capitals.')
	),
	summary: required('A summary', 4000),
	slug: z.preprocess(
		(v) => v ?? '',
		z
			.string()
			.trim()
			.min(2, 'At least 2 characters.')
			.max(60, 'At most 60 characters.')
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens, e.g. “digital-omnibus”.')
	)
});

export type DossierInput = z.output<typeof dossierForm>;

/** Reads the posted form: the parsed values, or the field errors and what was typed (to show it again). */
export function readDossierForm(request: Request) {
	return readForm(request, dossierForm);
}

export type CreateDossierResult =
	{ ok: true; dossier: Dossier } | { ok: false; field: keyof DossierInput; message: string };

/**
 * Opens a new, empty dossier: no stages, texts or positions yet; editors add them. One dossier per slug and
 * per procedure. Audited.
 */
export async function createDossier(
	db: DbConnection,
	input: DossierInput,
	userId: number
): Promise<CreateDossierResult> {
	return db.transaction(async (tx) => {
		const [clash] = await tx
			.select({ slug: dossier.slug, procedureRef: dossier.procedureRef })
			.from(dossier)
			.where(or(eq(dossier.slug, input.slug), eq(dossier.procedureRef, input.procedureRef)));
		if (clash?.slug === input.slug)
			return {
				ok: false as const,
				field: 'slug' as const,
				message: `The address “${input.slug}” is taken by another dossier.`
			};
		if (clash)
			return {
				ok: false as const,
				field: 'procedureRef' as const,
				message: `Procedure ${input.procedureRef} already has a dossier (“${clash.slug}”).`
			};
		// A concurrent create of the same slug loses on the unique constraint rather than failing the request.
		const [row] = await tx
			.insert(dossier)
			.values({ ...input, sources: [] })
			.onConflictDoNothing()
			.returning();
		if (!row)
			return {
				ok: false as const,
				field: 'slug' as const,
				message: `The address “${input.slug}” is taken by another dossier.`
			};
		await audit(tx, {
			userId,
			action: 'dossier.create',
			entityType: 'dossier',
			entityId: row.id,
			details: { after: input }
		});
		return { ok: true as const, dossier: row };
	});
}
