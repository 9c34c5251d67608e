import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, position, topic, type ActorKind } from '../db/schema';
import { cellsAsOf, byDate } from '$lib/positions/as-of';
import { matrixRows, type MatrixRow } from '$lib/positions/matrix';
import { WHOLE_BAN, wholeBanLabel, type Stance } from '$lib/positions/stance';
import type { Viewer } from '../authorization';
import { published } from '../review';

export interface TopicColumn {
	key: string;
	/** Null for the ban as a whole. */
	id: number | null;
	name: string;
	description: string;
}

export interface ActorSummary {
	id: number;
	slug: string;
	name: string;
	kind: ActorKind;
	countryCode: string | null;
}

const positionColumns = {
	id: position.id,
	actorId: position.actorId,
	topicId: position.topicId,
	date: position.date,
	dateNote: position.dateNote,
	stance: position.stance,
	stanceAsReported: position.stanceAsReported,
	stanceBasis: position.stanceBasis,
	summary: position.summary,
	evidence: position.evidence,
	confidence: position.confidence,
	visibility: position.visibility,
	internalNote: position.internalNote,
	updatedAt: position.updatedAt,
	topicSlug: topic.slug
};

type PositionRow = Awaited<ReturnType<typeof selectPositions>>[number];
export type PositionView = Omit<PositionRow, 'topicSlug'> & { topicKey: string };

function selectPositions(db: DbConnection, where: SQL | undefined) {
	return db.select(positionColumns).from(position).leftJoin(topic, eq(topic.id, position.topicId)).where(where);
}

/**
 * The positions a viewer may see on the public pages: approved only, and public only unless the
 * viewer is a coalition member. Internal notes are blanked for everyone else.
 */
export async function visiblePositions(
	db: DbConnection,
	dossierId: number,
	viewer: Viewer,
	extra?: SQL
): Promise<PositionView[]> {
	const conditions = [
		eq(position.dossierId, dossierId),
		viewer.canSeeInternal ? eq(position.reviewState, 'approved') : published(position)
	];
	if (extra) conditions.push(extra);
	const rows = await selectPositions(db, and(...conditions));
	return rows.map(({ topicSlug, ...p }) => ({
		...p,
		topicKey: topicSlug ?? WHOLE_BAN,
		internalNote: viewer.canSeeInternal ? p.internalNote : null
	}));
}

/** The columns of the matrix: the ban as a whole, then the dossier's topics in order. */
export async function topicColumns(db: DbConnection, dossierId: number): Promise<TopicColumn[]> {
	const topics = await db.select().from(topic).where(eq(topic.dossierId, dossierId)).orderBy(asc(topic.sortOrder));
	return [
		{
			key: WHOLE_BAN,
			id: null,
			name: wholeBanLabel,
			description: 'Positions on the ban of biometric mass surveillance as a whole, not on one part of it.'
		},
		...topics.map((t) => ({ key: t.slug, id: t.id, name: t.name, description: t.description }))
	];
}

const actorColumns = {
	id: actor.id,
	slug: actor.slug,
	name: actor.name,
	kind: actor.kind,
	countryCode: actor.countryCode
};

export async function actorsOfKinds(db: DbConnection, kinds: ActorKind[]): Promise<ActorSummary[]> {
	return db
		.select(actorColumns)
		.from(actor)
		.where(inArray(actor.kind, kinds))
		.orderBy(asc(actor.kind), asc(actor.name));
}

export async function getActor(db: DbConnection, slug: string): Promise<ActorSummary | undefined> {
	const [row] = await db.select(actorColumns).from(actor).where(eq(actor.slug, slug));
	return row;
}

export interface PositionMatrix {
	topics: TopicColumn[];
	memberStates: MatrixRow<ActorSummary, PositionView>[];
	/** Presidencies and institutions that have a position by the date. */
	others: MatrixRow<ActorSummary, PositionView>[];
	/** How many positions the viewer may see in the dossier, on any date: none means the matrix is empty. */
	recorded: number;
}

/**
 * The matrix on `asOf` (null = every position, i.e. today): member states × topics, and the other
 * actors with a position, each cell the position in force then (see `cellsAsOf`).
 */
export async function positionMatrix(
	db: DbConnection,
	dossierId: number,
	options: { asOf: string | null; topic?: string | null; stance?: Stance | null; viewer: Viewer }
): Promise<PositionMatrix> {
	const [topics, positions, actors] = await Promise.all([
		topicColumns(db, dossierId),
		visiblePositions(db, dossierId, options.viewer),
		actorsOfKinds(db, ['member_state', 'presidency', 'institution'])
	]);
	const shown = options.topic ? topics.filter((t) => t.key === options.topic) : topics;
	const keys = shown.map((t) => t.key);
	const cells = cellsAsOf(positions, options.asOf);
	const stance = options.stance ?? null;
	const withPosition = new Set([...cells.values()].map((c) => c.position.actorId));
	const memberStates = actors.filter((a) => a.kind === 'member_state');
	const others = actors.filter((a) => a.kind !== 'member_state' && withPosition.has(a.id));
	return {
		topics: shown,
		memberStates: matrixRows(memberStates, keys, cells, stance),
		others: matrixRows(others, keys, cells, stance),
		recorded: positions.length
	};
}

export interface ActorPositions {
	topic: TopicColumn;
	/** Oldest first. */
	positions: PositionView[];
}

/** One actor's positions over time, grouped by topic (every topic, even with no position). */
export async function actorPositions(
	db: DbConnection,
	dossierId: number,
	actorId: number,
	viewer: Viewer
): Promise<ActorPositions[]> {
	const [topics, positions] = await Promise.all([
		topicColumns(db, dossierId),
		visiblePositions(db, dossierId, viewer, eq(position.actorId, actorId))
	]);
	positions.sort(byDate);
	return topics.map((t) => ({ topic: t, positions: positions.filter((p) => p.topicKey === t.key) }));
}
