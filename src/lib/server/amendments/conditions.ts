import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, assessment, document, provision } from '../db/schema';
import type { AmendmentFilters } from '$lib/amendments/filters';
import type { Viewer } from '../authorization';
import { published } from '../review';

/** The full-text query of a search box (web-search syntax: "a phrase", or, -word). */
export const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** The actors behind the author, group and body filters, looked up before the main query. */
export interface ActorFilterIds {
	author?: number[];
	group?: number[];
	body?: number[];
}

/**
 * Resolves each actor filter to the actor and its members (a group's members, a committee's institution's
 * committees…). Done first and passed as literal ids so the planner can use its statistics on authorships.
 */
export async function resolveActorFilters(db: DbConnection, f: AmendmentFilters): Promise<ActorFilterIds> {
	const slugs = [f.author, f.group, f.body].filter((s): s is string => !!s);
	if (!slugs.length) return {};
	const rows = await db
		.select({ id: actor.id, slug: actor.slug, parentId: actor.parentId })
		.from(actor)
		.where(
			sql`${actor.slug} in ${slugs} or ${actor.parentId} in (select a.id from ${actor} a where a.slug in ${slugs})`
		);
	const idsOf = (slug: string | undefined) => {
		if (!slug) return undefined;
		const self = rows.find((r) => r.slug === slug);
		return self ? rows.filter((r) => r.id === self.id || r.parentId === self.id).map((r) => r.id) : [];
	};
	return { author: idsOf(f.author), group: idsOf(f.group), body: idsOf(f.body) };
}

/** Amendments tabled by any of these actors. */
function tabledBy(actorIds: number[]): SQL {
	if (!actorIds.length) return sql`false`;
	return sql`${amendment.id} in (select ${amendmentAuthor.amendmentId} from ${amendmentAuthor} where ${inArray(amendmentAuthor.actorId, actorIds)})`;
}

/** Amendments in documents these actors issued: a committee's amendment documents are its amendments too. */
function issuedBy(actorIds: number[]): SQL {
	if (!actorIds.length) return sql`false`;
	return sql`${amendment.documentId} in (select ${document.id} from ${document} where ${inArray(document.actorId, actorIds)})`;
}

function assessed(viewer: Viewer, direction?: string): SQL {
	const visible = viewer.canSeeInternal ? sql`` : sql` and ${published(assessment)}`;
	const which = direction ? sql` and ${assessment.direction} = ${direction}` : sql``;
	return sql`exists (select 1 from ${assessment} where ${assessment.amendmentId} = ${amendment.id}${which}${visible})`;
}

/** The WHERE clause of a filtered list; the same for the page, the API and the export. */
export function amendmentConditions(
	dossierId: number,
	f: AmendmentFilters,
	viewer: Viewer,
	actors: ActorFilterIds
): SQL {
	const conditions: (SQL | undefined)[] = [eq(amendment.dossierId, dossierId)];
	if (!viewer.canSeeInternal) conditions.push(eq(amendment.visibility, 'public'));
	else if (f.visibility) conditions.push(eq(amendment.visibility, f.visibility));
	if (f.provision) {
		// An article includes its parts: art_5 matches art_5__para_1__point_h but not art_50.
		conditions.push(
			sql`${amendment.targetProvisionId} in (select ${provision.id} from ${provision} where ${provision.dossierId} = ${dossierId} and (${provision.eid} = ${f.provision} or starts_with(${provision.eid}, ${f.provision + '__'})))`
		);
	}
	if (f.status.length) conditions.push(inArray(amendment.status, f.status));
	for (const ids of [actors.author, actors.group]) if (ids) conditions.push(tabledBy(ids));
	if (actors.body) conditions.push(sql`(${tabledBy(actors.body)} or ${issuedBy(actors.body)})`);
	if (f.assessment === 'none') conditions.push(sql`not ${assessed(viewer)}`);
	else if (f.assessment) conditions.push(assessed(viewer, f.assessment));
	// Dates may be partial: '2023-06' as an upper bound includes every day of June ('~' sorts after digits).
	if (f.from) conditions.push(sql`${amendment.tabledOn} >= ${f.from}`);
	if (f.to) conditions.push(sql`${amendment.tabledOn} <= ${f.to + '~'}`);
	if (f.q) conditions.push(sql`${amendment.search} @@ ${tsQuery(f.q)}`);
	return and(...conditions)!;
}

/** ORDER BY of a list; every order ends in the id so pages never overlap. */
export function amendmentOrder(f: AmendmentFilters): SQL[] {
	const byNumber = [sql`${amendment.numberSort} asc nulls last`, asc(amendment.number), asc(amendment.id)];
	switch (f.sort) {
		case 'relevance':
			// ts_rank weighs the proposed text (A) over the base text (B); it is 2–3 times cheaper than ts_rank_cd here.
			return f.q ? [sql`ts_rank(${amendment.search}, ${tsQuery(f.q)}) desc`, asc(amendment.id)] : byNumber;
		case 'target':
			return [
				sql`(select ${provision.sortKey} from ${provision} where ${provision.id} = ${amendment.targetProvisionId}) asc nulls last`,
				...byNumber
			];
		case 'tabled_desc':
			return [sql`${amendment.tabledOn} desc nulls last`, ...byNumber];
		case 'tabled_asc':
			return [sql`${amendment.tabledOn} asc nulls last`, ...byNumber];
		default:
			return byNumber;
	}
}
