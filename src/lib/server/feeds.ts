import { and, desc, eq, inArray, like, max, or, sql, count } from 'drizzle-orm';
import type { DbConnection } from './db';
import { published } from './review';
import {
	actor,
	amendment,
	amendmentStatusChange,
	document,
	position,
	procedureEvent,
	provision,
	textVersion,
	topic
} from './db/schema';
import type { Dossier } from './dossiers';
import type { FeedItem } from '$lib/feeds/items';
import { sortItems } from '$lib/feeds/items';
import { formatDate } from '$lib/dates';
import { provisionLabel } from '$lib/provisions/label';
import { statusLabels } from '$lib/amendments/lifecycle';
import { stanceLabels } from '$lib/charts/stances';

type DossierRef = Pick<Dossier, 'id' | 'slug'>;

const excerpt = (text: string, length = 280) =>
	text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

/** Where a country's positions are shown (the positions tracker's page). */
export const countryPath = (dossierSlug: string, actorSlug: string) =>
	`/dossiers/${dossierSlug}/positions/${actorSlug}`;

/** Public stages and events, each once. */
export async function procedureItems(db: DbConnection, dossier: DossierRef): Promise<FeedItem[]> {
	const rows = await db
		.select()
		.from(procedureEvent)
		.where(and(eq(procedureEvent.dossierId, dossier.id), eq(procedureEvent.visibility, 'public')));
	return rows.map((e) => ({
		key: `${e.kind}/${e.key}`,
		kind: e.kind,
		title: e.kind === 'stage' ? `Stage ${e.stageOrder ?? '?'}: ${e.title}` : e.title,
		date: e.date,
		recordedAt: e.updatedAt,
		link: `/dossiers/${dossier.slug}/timeline#${encodeURIComponent(e.key)}`,
		summary: [formatDate(e.date), e.institution, e.summary, e.verified ? null : 'Not verified.']
			.filter(Boolean)
			.join('. ')
	}));
}

/** The texts of the act at each stage (the proposal, the general approach…), as published. */
export async function textItems(db: DbConnection, dossier: DossierRef): Promise<FeedItem[]> {
	const rows = await db.select().from(document).where(eq(document.dossierId, dossier.id));
	return rows.map((d) => ({
		key: `text/${d.key}`,
		kind: 'text' as const,
		title: `New text: ${d.title}`,
		date: d.date,
		recordedAt: d.createdAt,
		link: d.url ?? `/dossiers/${dossier.slug}`,
		summary: `${d.title}, ${d.officialReference}, ${formatDate(d.date)}.`
	}));
}

/** Status changes of public amendments, grouped by day, status and where they were tabled. */
export async function amendmentStatusGroups(db: DbConnection, dossier: DossierRef): Promise<FeedItem[]> {
	const rows = await db
		.select({
			date: amendmentStatusChange.date,
			status: amendmentStatusChange.status,
			context: amendment.tablingContext,
			n: count(),
			recordedAt: max(amendmentStatusChange.recordedAt)
		})
		.from(amendmentStatusChange)
		.innerJoin(amendment, eq(amendment.id, amendmentStatusChange.amendmentId))
		.where(and(eq(amendment.dossierId, dossier.id), eq(amendment.visibility, 'public')))
		.groupBy(amendmentStatusChange.date, amendmentStatusChange.status, amendment.tablingContext);
	return rows.map((r) => ({
		key: `amendment-status/${r.context}/${r.status}/${r.date ?? 'undated'}`,
		kind: 'amendment_status' as const,
		title: `${r.n} ${r.n === 1 ? 'amendment' : 'amendments'} (${r.context}): ${statusLabels[r.status].toLowerCase()}`,
		date: r.date,
		recordedAt: new Date(r.recordedAt ?? 0),
		link: `/dossiers/${dossier.slug}/amendments`,
		summary: `${r.n} ${r.n === 1 ? 'amendment' : 'amendments'} tabled at ${r.context}: ${statusLabels[r.status].toLowerCase()}, ${formatDate(r.date)}.`
	}));
}

/** Published positions (public and approved), optionally of one actor or on some topics. */
export async function positionItems(
	db: DbConnection,
	dossier: DossierRef,
	filter: { actorIds?: number[]; topicIds?: number[] } = {}
): Promise<FeedItem[]> {
	const rows = await db
		.select({ position, actorName: actor.name, actorSlug: actor.slug, topicName: topic.name })
		.from(position)
		.innerJoin(actor, eq(actor.id, position.actorId))
		.leftJoin(topic, eq(topic.id, position.topicId))
		.where(
			and(
				eq(position.dossierId, dossier.id),
				published(position),
				filter.actorIds ? inArray(position.actorId, filter.actorIds.length ? filter.actorIds : [-1]) : undefined,
				filter.topicIds ? inArray(position.topicId, filter.topicIds.length ? filter.topicIds : [-1]) : undefined
			)
		);
	return rows.map(({ position: p, actorName, actorSlug, topicName }) => {
		const stance =
			p.stance === 'unknown' && p.stanceAsReported
				? `as reported, “${p.stanceAsReported.replace(/-/g, ' ')}”`
				: stanceLabels[p.stance].toLowerCase();
		return {
			key: `position/${p.id}`,
			kind: 'position' as const,
			title: `${actorName} on ${topicName ?? 'the ban'}: ${stance}`,
			date: p.date,
			recordedAt: p.updatedAt,
			link: countryPath(dossier.slug, actorSlug),
			// The note says when the date is the report's, not the statement's ("Reported on …").
			summary: [`${formatDate(p.date)}.`, p.summary, p.dateNote ? `On the date: ${p.dateNote}` : null]
				.filter(Boolean)
				.join(' ')
		};
	});
}

/** A provision's text in each document, and the status changes of public amendments to it or its parts. */
export async function provisionItems(db: DbConnection, dossier: DossierRef, eids: string[]): Promise<FeedItem[]> {
	if (eids.length === 0) return [];
	const versions = await db
		.select({
			eid: provision.eid,
			docKey: document.key,
			docTitle: document.title,
			docShort: document.shortTitle,
			docDate: document.date,
			version: textVersion
		})
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.innerJoin(document, eq(document.id, textVersion.documentId))
		.where(and(eq(provision.dossierId, dossier.id), inArray(provision.eid, eids)));
	const changes = await db
		.select({
			change: amendmentStatusChange,
			number: amendment.number,
			context: amendment.tablingContext,
			amendmentId: amendment.id,
			eid: provision.eid
		})
		.from(amendmentStatusChange)
		.innerJoin(amendment, eq(amendment.id, amendmentStatusChange.amendmentId))
		.innerJoin(provision, eq(provision.id, amendment.targetProvisionId))
		.where(
			and(
				eq(amendment.dossierId, dossier.id),
				eq(amendment.visibility, 'public'),
				or(
					inArray(provision.eid, eids),
					...eids.map((eid) => like(provision.eid, `${eid.replace(/[\\%_]/g, '\\$&')}\\_\\_%`))
				)
			)
		)
		.orderBy(desc(amendmentStatusChange.recordedAt))
		.limit(500);
	return [
		...versions.map(({ eid, docKey, docTitle, docShort, docDate, version: v }) => ({
			key: `text-version/${eid}/${docKey}`,
			kind: 'text_version' as const,
			title: `${provisionLabel(eid)}, ${docShort}${v.deleted ? ' (deleted)' : ''}`,
			date: docDate,
			recordedAt: v.updatedAt,
			link: `/dossiers/${dossier.slug}/provisions/${eid}`,
			summary: `${docTitle}: ${excerpt(v.text)}`
		})),
		...changes.map(({ change: c, number, context, amendmentId, eid }) => ({
			key: `amendment-status/${c.id}`,
			kind: 'amendment_status' as const,
			title: `Amendment ${number} to ${provisionLabel(eid)}: ${statusLabels[c.status].toLowerCase()}`,
			date: c.date,
			recordedAt: c.recordedAt,
			link: `/dossiers/${dossier.slug}/amendments/${amendmentId}`,
			summary: [`${context}.`, `${statusLabels[c.status]}, ${formatDate(c.date)}.`, c.note].filter(Boolean).join(' ')
		}))
	];
}

/** The dossier's feed: stages and events, texts, amendment status changes, published positions. */
export async function dossierFeedItems(
	db: DbConnection,
	dossier: DossierRef,
	today: string,
	limit = 100
): Promise<FeedItem[]> {
	const groups = await Promise.all([
		procedureItems(db, dossier),
		textItems(db, dossier),
		amendmentStatusGroups(db, dossier),
		positionItems(db, dossier)
	]);
	return sortItems(groups.flat(), today, limit);
}

/** A member state by its country code ('DE', 'de') or slug ('germany'). */
export async function findMemberState(db: DbConnection, key: string) {
	const [row] = await db
		.select()
		.from(actor)
		.where(
			and(
				eq(actor.kind, 'member_state'),
				or(eq(sql`lower(${actor.countryCode})`, key.toLowerCase()), eq(actor.slug, key.toLowerCase()))
			)
		);
	return row;
}

/** Whether a provision exists in the dossier. */
export async function provisionExists(db: DbConnection, dossierId: number, eid: string): Promise<boolean> {
	const [row] = await db
		.select({ id: provision.id })
		.from(provision)
		.where(and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)));
	return !!row;
}

/** Topics by slug, with the provisions each rests on. */
export async function topicsBySlug(db: DbConnection, dossierId: number, slugs: string[]) {
	if (slugs.length === 0) return [];
	return db
		.select()
		.from(topic)
		.where(and(eq(topic.dossierId, dossierId), inArray(topic.slug, slugs)));
}

/** A topic's feed: positions on it and the changes to the provisions it rests on. */
export async function topicItems(
	db: DbConnection,
	dossier: DossierRef,
	topics: { id: number; provisionEids: string[] }[]
): Promise<FeedItem[]> {
	if (topics.length === 0) return [];
	const [positions, provisions] = await Promise.all([
		positionItems(db, dossier, { topicIds: topics.map((t) => t.id) }),
		provisionItems(db, dossier, [...new Set(topics.flatMap((t) => t.provisionEids))])
	]);
	return [...positions, ...provisions];
}

/** An Atom response: the right type, cached briefly, and never sniffed as HTML. */
export function atomResponse(xml: string): Response {
	return new Response(xml, {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
