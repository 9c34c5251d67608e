import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbConnection } from './db';
import { actor, amendment, amendmentAuthor, document, provision, type ActorKind } from './db/schema';
import { amendmentStatuses, type AmendmentStatus } from '$lib/amendments/statuses';
import type { AmendmentFilters } from '$lib/amendments/filters';
import { familyNameOrder } from '$lib/amendments/authors';
import { amendmentConditions, resolveActorFilters } from './amendments/conditions';
import type { Viewer } from './authorization';

export interface ActorRef {
	slug: string;
	name: string;
	kind: ActorKind;
}

export interface ActorDetail extends ActorRef {
	id: number;
	description: string | null;
	/** A Member's Parliament id: europarl.europa.eu/meps/en/{externalId}. */
	externalId: string | null;
	nationalParty: string | null;
	/** Created by an import for a printed name that matched no one. */
	unmatched: boolean;
	/** The member state, by the EU's code; its name and slug when it is one of ours. */
	country: { code: string; name: string | null; slug: string | null } | null;
	/** A Member's political group, a committee's institution. */
	parent: ActorRef | null;
}

/** Which list filter stands for an actor's amendments: the same amendments the page counts. */
export type ActorFilter = 'author' | 'group' | 'body';

export const filterOfKind = (kind: ActorKind): ActorFilter =>
	kind === 'political_group' ? 'group' : kind === 'committee' || kind === 'institution' ? 'body' : 'author';

export interface ActorAmendment {
	id: number;
	number: string;
	tablingContext: string;
	status: AmendmentStatus;
	visibility: 'public' | 'internal';
}

export interface TargetAmendments {
	eid: string | null;
	/** The target as the first of its amendments prints it. */
	label: string;
	amendments: ActorAmendment[];
}

export interface Tally {
	total: number;
	byStatus: { status: AmendmentStatus; count: number }[];
	/** By tabling context ('CULT', 'EP plenary'…). */
	byContext: { tablingContext: string; count: number }[];
}

export interface IssuedDocument {
	id: number;
	title: string;
	officialReference: string;
	date: string | null;
	amendments: number;
}

export interface GroupMember {
	slug: string;
	name: string;
	countryCode: string | null;
	countryName: string | null;
	/** Visible amendments of the dossier they are an author of. */
	amendments: number;
}

export type ActorPage = { actor: ActorDetail; filter: ActorFilter; tally: Tally } & (
	| { filter: 'author'; targets: TargetAmendments[] }
	| { filter: 'group'; members: GroupMember[] }
	| { filter: 'body'; documents: IssuedDocument[] }
);

const parent = alias(actor, 'parent');
const country = alias(actor, 'country');

/** One actor with its group or institution and its member state; undefined when there is none. */
export async function getActorDetail(db: DbConnection, slug: string): Promise<ActorDetail | undefined> {
	const [row] = await db
		.select({
			id: actor.id,
			slug: actor.slug,
			name: actor.name,
			kind: actor.kind,
			description: actor.description,
			externalId: actor.externalId,
			nationalParty: actor.nationalParty,
			unmatched: actor.unmatched,
			countryCode: actor.countryCode,
			countryName: country.name,
			countrySlug: country.slug,
			parentSlug: parent.slug,
			parentName: parent.name,
			parentKind: parent.kind
		})
		.from(actor)
		.leftJoin(parent, eq(parent.id, actor.parentId))
		.leftJoin(country, and(eq(country.kind, 'member_state'), eq(country.countryCode, actor.countryCode)))
		.where(eq(actor.slug, slug));
	if (!row) return undefined;
	const { countryCode, countryName, countrySlug, parentSlug, parentName, parentKind, ...rest } = row;
	return {
		...rest,
		country: countryCode ? { code: countryCode, name: countryName, slug: countrySlug } : null,
		parent: parentSlug && parentName && parentKind ? { slug: parentSlug, name: parentName, kind: parentKind } : null
	};
}

/**
 * An actor's page in a dossier: a Member's (or any author's) amendments by target provision; a group's
 * Members and the amendments tabled by it or them; a committee's or institution's documents and the
 * amendments it tabled or issued. The amendments are exactly those of the list filtered by `filter`
 * (`?author=`, `?group=`, `?body=`), so the page's counts and the list agree, internal ones hidden alike.
 */
export async function actorPage(
	db: DbConnection,
	dossierId: number,
	slug: string,
	viewer: Viewer
): Promise<ActorPage | undefined> {
	const detail = await getActorDetail(db, slug);
	if (!detail) return undefined;
	const filter = filterOfKind(detail.kind);
	const filters: AmendmentFilters = { status: [], sort: 'number', page: 1, size: 1, [filter]: slug };
	const where = amendmentConditions(dossierId, filters, viewer, await resolveActorFilters(db, filters));

	if (filter === 'author') {
		const rows = await db
			.select({
				id: amendment.id,
				number: amendment.number,
				tablingContext: amendment.tablingContext,
				status: amendment.status,
				visibility: amendment.visibility,
				targetLabel: amendment.targetLabel,
				eid: provision.eid
			})
			.from(amendment)
			.leftJoin(provision, eq(provision.id, amendment.targetProvisionId))
			.where(where)
			.orderBy(
				sql`${provision.sortKey} asc nulls last`,
				asc(amendment.targetLabel),
				sql`${amendment.numberSort} asc nulls last`,
				asc(amendment.number),
				asc(amendment.id)
			);
		return { actor: detail, filter, tally: tallyOf(rows.map((r) => ({ ...r, count: 1 }))), targets: byTarget(rows) };
	}

	const tallied = db
		.select({ status: amendment.status, tablingContext: amendment.tablingContext, count: count() })
		.from(amendment)
		.where(where)
		.groupBy(amendment.status, amendment.tablingContext);
	if (filter === 'group') {
		const [tally, members] = await Promise.all([tallied, groupMembers(db, dossierId, detail.id, viewer)]);
		return { actor: detail, filter, tally: tallyOf(tally), members };
	}
	const [tally, documents] = await Promise.all([tallied, issuedDocuments(db, dossierId, detail.id, viewer)]);
	return { actor: detail, filter, tally: tallyOf(tally), documents };
}

function tallyOf(rows: { status: AmendmentStatus; tablingContext: string; count: number }[]): Tally {
	const statuses = new Map<AmendmentStatus, number>();
	const contexts = new Map<string, number>();
	for (const r of rows) {
		statuses.set(r.status, (statuses.get(r.status) ?? 0) + r.count);
		contexts.set(r.tablingContext, (contexts.get(r.tablingContext) ?? 0) + r.count);
	}
	return {
		total: rows.reduce((n, r) => n + r.count, 0),
		byStatus: amendmentStatuses
			.filter((s) => statuses.has(s))
			.map((status) => ({ status, count: statuses.get(status)! })),
		byContext: [...contexts]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([tablingContext, count]) => ({ tablingContext, count }))
	};
}

/** Rows already in the act's order → one group per target (a provision, or a printed target without one). */
function byTarget(rows: (ActorAmendment & { eid: string | null; targetLabel: string })[]): TargetAmendments[] {
	const groups: TargetAmendments[] = [];
	const byKey = new Map<string, TargetAmendments>();
	for (const { eid, targetLabel, ...a } of rows) {
		const key = eid ?? `label:${targetLabel}`;
		let group = byKey.get(key);
		if (!group) {
			group = { eid, label: targetLabel, amendments: [] };
			byKey.set(key, group);
			groups.push(group);
		}
		group.amendments.push(a);
	}
	return groups;
}

/** Members as the Parliament lists them, by family name. */
function byFamilyName<T extends { name: string }>(rows: T[]): T[] {
	const keyed = rows.map((r) => ({ r, key: familyNameOrder(r.name) }));
	return keyed.sort((a, b) => a.key.localeCompare(b.key, 'en')).map((k) => k.r);
}

/** Visible amendments of this dossier, for counting authorships. */
const visibleIn = (dossierId: number, viewer: Viewer) =>
	and(eq(amendment.dossierId, dossierId), viewer.canSeeInternal ? undefined : eq(amendment.visibility, 'public'));

async function groupMembers(
	db: DbConnection,
	dossierId: number,
	groupId: number,
	viewer: Viewer
): Promise<GroupMember[]> {
	const rows = await db
		.select({
			slug: actor.slug,
			name: actor.name,
			countryCode: actor.countryCode,
			countryName: country.name,
			amendments: sql<number>`count(${amendment.id})::int`
		})
		.from(actor)
		.leftJoin(country, and(eq(country.kind, 'member_state'), eq(country.countryCode, actor.countryCode)))
		.leftJoin(amendmentAuthor, eq(amendmentAuthor.actorId, actor.id))
		.leftJoin(amendment, and(eq(amendment.id, amendmentAuthor.amendmentId), visibleIn(dossierId, viewer)))
		.where(and(eq(actor.parentId, groupId), eq(actor.kind, 'member')))
		.groupBy(actor.id, country.id);
	return byFamilyName(rows);
}

async function issuedDocuments(
	db: DbConnection,
	dossierId: number,
	actorId: number,
	viewer: Viewer
): Promise<IssuedDocument[]> {
	// The actor's own documents and its committees' (the Parliament's page lists its committees' too).
	const issuers = sql`(select ${actor.id} from ${actor} where ${actor.id} = ${actorId} or ${actor.parentId} = ${actorId})`;
	return db
		.select({
			id: document.id,
			title: document.title,
			officialReference: document.officialReference,
			date: document.date,
			amendments: sql<number>`count(${amendment.id})::int`
		})
		.from(document)
		.leftJoin(amendment, and(eq(amendment.documentId, document.id), visibleIn(dossierId, viewer)))
		.where(and(eq(document.dossierId, dossierId), sql`${document.actorId} in ${issuers}`))
		.groupBy(document.id)
		.orderBy(sql`${document.date} asc nulls last`, asc(document.sortOrder));
}

export interface ActorIndexEntry extends ActorRef {
	countryCode: string | null;
	countryName: string | null;
	unmatched: boolean;
	/** Visible amendments of the dossier it is an author of. */
	amendments: number;
}

export interface ActorIndex {
	groups: (ActorIndexEntry & { members: ActorIndexEntry[] })[];
	committees: ActorIndexEntry[];
	institutions: ActorIndexEntry[];
	/** Members in no group: names an import could not match, and any Member without a group. */
	ungrouped: ActorIndexEntry[];
}

/** The dossier's actors page: groups with their Members, committees, institutions; two queries in all. */
export async function actorIndex(db: DbConnection, dossierId: number, viewer: Viewer): Promise<ActorIndex> {
	const [actors, counts] = await Promise.all([
		db
			.select({
				id: actor.id,
				slug: actor.slug,
				name: actor.name,
				kind: actor.kind,
				parentId: actor.parentId,
				countryCode: actor.countryCode,
				countryName: country.name,
				unmatched: actor.unmatched
			})
			.from(actor)
			.leftJoin(country, and(eq(country.kind, 'member_state'), eq(country.countryCode, actor.countryCode)))
			.where(inArray(actor.kind, ['political_group', 'member', 'committee', 'institution']))
			.orderBy(asc(actor.name)),
		db
			.select({ actorId: amendmentAuthor.actorId, count: sql<number>`count(*)::int` })
			.from(amendmentAuthor)
			.innerJoin(amendment, eq(amendment.id, amendmentAuthor.amendmentId))
			.where(visibleIn(dossierId, viewer))
			.groupBy(amendmentAuthor.actorId)
	]);
	const countOf = new Map(counts.map((c) => [c.actorId, c.count]));
	const entry = (a: (typeof actors)[number]): ActorIndexEntry => ({
		slug: a.slug,
		name: a.name,
		kind: a.kind,
		countryCode: a.countryCode,
		countryName: a.countryName,
		unmatched: a.unmatched,
		amendments: countOf.get(a.id) ?? 0
	});
	const groupIds = new Set(actors.filter((a) => a.kind === 'political_group').map((a) => a.id));
	const members = byFamilyName(actors.filter((a) => a.kind === 'member'));
	return {
		groups: actors
			.filter((a) => a.kind === 'political_group')
			.map((g) => ({ ...entry(g), members: members.filter((m) => m.parentId === g.id).map(entry) })),
		committees: actors.filter((a) => a.kind === 'committee').map(entry),
		institutions: actors.filter((a) => a.kind === 'institution').map(entry),
		// Actors are shared by every dossier: a name another dossier's import could not match is listed only where it tabled something.
		ungrouped: members
			.filter((m) => m.parentId === null || !groupIds.has(m.parentId))
			.map(entry)
			.filter((m) => !m.unmatched || m.amendments > 0)
	};
}

/** Every matched Member as {slug, name}, for the author matcher of an import. */
export async function findMemberActors(db: DbConnection): Promise<{ slug: string; name: string }[]> {
	return db
		.select({ slug: actor.slug, name: actor.name })
		.from(actor)
		.where(and(eq(actor.kind, 'member'), eq(actor.unmatched, false)))
		.orderBy(asc(actor.id));
}
