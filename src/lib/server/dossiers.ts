import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbConnection } from './db';
import { document, dossier, procedureEvent } from './db/schema';
import { isUpcoming } from '$lib/dates';

export type Dossier = typeof dossier.$inferSelect;
export type ProcedureEvent = typeof procedureEvent.$inferSelect;
export type DossierDocument = typeof document.$inferSelect;

export async function listDossiers(db: DbConnection): Promise<Dossier[]> {
	return db.select().from(dossier).orderBy(asc(dossier.id));
}

export async function getDossier(db: DbConnection, slug: string): Promise<Dossier | undefined> {
	const [row] = await db.select().from(dossier).where(eq(dossier.slug, slug));
	return row;
}

export async function listDocuments(db: DbConnection, dossierId: number): Promise<DossierDocument[]> {
	return db.select().from(document).where(eq(document.dossierId, dossierId)).orderBy(asc(document.sortOrder));
}

export interface TimelineEntry extends ProcedureEvent {
	upcoming: boolean;
	document: Pick<DossierDocument, 'key' | 'title' | 'officialReference' | 'url'> | null;
}

/**
 * Every public stage and event of a dossier in date order (undated ones last), each marked upcoming
 * when its date is after `today`.
 */
export async function timeline(db: DbConnection, dossierId: number, today: string): Promise<TimelineEntry[]> {
	const rows = await db
		.select({ event: procedureEvent, document })
		.from(procedureEvent)
		.leftJoin(document, eq(document.id, procedureEvent.documentId))
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.visibility, 'public')))
		.orderBy(sql`${procedureEvent.date} asc nulls last`, asc(procedureEvent.stageOrder), asc(procedureEvent.id));
	return rows.map(({ event, document: doc }) => ({
		...event,
		upcoming: isUpcoming(event.date, today),
		document: doc && { key: doc.key, title: doc.title, officialReference: doc.officialReference, url: doc.url }
	}));
}

export interface ProcedureStatus {
	/** The latest stage reached, and its number among all stages. */
	current: ProcedureEvent | undefined;
	currentNumber: number;
	totalStages: number;
	next: ProcedureEvent | undefined;
}

/** Where the procedure stands on `today`: the last stage reached and the next one due. */
export async function procedureStatus(db: DbConnection, dossierId: number, today: string): Promise<ProcedureStatus> {
	const stages = await db
		.select()
		.from(procedureEvent)
		.where(and(eq(procedureEvent.dossierId, dossierId), eq(procedureEvent.kind, 'stage'), eq(procedureEvent.visibility, 'public'), isNotNull(procedureEvent.stageOrder)))
		.orderBy(asc(procedureEvent.stageOrder));
	const reached = stages.filter((s) => s.date && !isUpcoming(s.date, today));
	const current = reached.at(-1);
	return {
		current,
		currentNumber: current ? stages.indexOf(current) + 1 : 0,
		totalStages: stages.length,
		next: stages.find((s) => isUpcoming(s.date, today))
	};
}

/** The most recent public events up to `today`, newest first. */
export async function latestEvents(db: DbConnection, dossierId: number, today: string, limit = 5): Promise<ProcedureEvent[]> {
	return db
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
}
