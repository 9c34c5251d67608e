import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, assessment, provision } from '../db/schema';
import type { AmendmentFilters } from '$lib/amendments/filters';
import type { AmendmentStatus, AssessmentDirection } from '$lib/amendments/statuses';
import { queryLexemes, snippet, type SnippetPart } from '$lib/amendments/highlight';
import { isPublished } from '$lib/review';
import { amendmentConditions, amendmentOrder, resolveActorFilters, tsQuery } from './conditions';
import type { Viewer } from '../authorization';

export interface AmendmentAuthor {
	slug: string;
	name: string;
	kind: string;
	/** A name an import could not match to a Member. */
	unmatched: boolean;
	/** A Member's political group. */
	group: { slug: string; name: string } | null;
}

const parent = alias(actor, 'parent');

export interface AmendmentListItem {
	id: number;
	number: string;
	tablingContext: string;
	tabledOn: string | null;
	targetLabel: string;
	provisionEid: string | null;
	status: AmendmentStatus;
	visibility: 'public' | 'internal';
	deletesProvision: boolean;
	newProvision: boolean;
	/** The start of the proposed text. */
	excerpt: string;
	/** With a search: the passage that matches, hits marked, and which text it comes from. */
	snippet: { parts: SnippetPart[]; from: 'proposed' | 'base' } | null;
	authors: AmendmentAuthor[];
	/** The coalition's assessment, when the viewer may see it. */
	assessment: AssessmentDirection | null;
}

export interface AmendmentPage {
	items: AmendmentListItem[];
	total: number;
	page: number;
	pages: number;
	size: number;
}

const EXCERPT_CHARS = 280;

/** One page of the filtered, sorted list with the total count, authors, visible assessments and search snippets. */
export async function listAmendments(
	db: DbConnection,
	dossierId: number,
	f: AmendmentFilters,
	viewer: Viewer
): Promise<AmendmentPage> {
	const where = amendmentConditions(dossierId, f, viewer, await resolveActorFilters(db, f));
	const [{ total }] = await db.select({ total: count() }).from(amendment).where(where);
	const pages = Math.max(1, Math.ceil(total / f.size));
	const page = Math.min(f.page, pages);
	// Ids first: ordering and paging read only the covering index; the page's 50 rows follow by id.
	const ids = (
		await db
			.select({ id: amendment.id })
			.from(amendment)
			.where(where)
			.orderBy(...amendmentOrder(f))
			.limit(f.size)
			.offset((page - 1) * f.size)
	).map((r) => r.id);
	const rows = ids.length
		? await db
				.select({
					id: amendment.id,
					number: amendment.number,
					tablingContext: amendment.tablingContext,
					tabledOn: amendment.tabledOn,
					targetLabel: amendment.targetLabel,
					provisionEid: provision.eid,
					status: amendment.status,
					visibility: amendment.visibility,
					deletesProvision: amendment.deletesProvision,
					newProvision: amendment.newProvision,
					excerpt: sql<string>`left(${amendment.proposedText}, ${EXCERPT_CHARS + 1})`,
					// Whole texts only for a search, to find the passage that matched.
					proposedText: f.q ? amendment.proposedText : sql<string>`''`,
					baseText: f.q ? amendment.baseText : sql<string>`''`
				})
				.from(amendment)
				.leftJoin(provision, eq(provision.id, amendment.targetProvisionId))
				.where(inArray(amendment.id, ids))
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	const [authors, assessments, lexemes] = await Promise.all([
		authorsOf(db, ids),
		assessmentsOf(db, ids, viewer),
		f.q && ids.length ? lexemesOf(db, f.q) : Promise.resolve([])
	]);
	const items = ids.map((id) => {
		const { proposedText, baseText, ...r } = byId.get(id)!;
		const proposedHit = lexemes.length ? snippet(proposedText, lexemes) : null;
		const baseHit = lexemes.length && !proposedHit ? snippet(baseText, lexemes) : null;
		return {
			...r,
			excerpt: r.excerpt.length > EXCERPT_CHARS ? `${r.excerpt.slice(0, EXCERPT_CHARS).trimEnd()}…` : r.excerpt,
			snippet: proposedHit
				? { parts: proposedHit, from: 'proposed' as const }
				: baseHit
					? { parts: baseHit, from: 'base' as const }
					: null,
			authors: authors.get(r.id) ?? [],
			assessment: assessments.get(r.id) ?? null
		};
	});
	return { items, total, page, pages, size: f.size };
}

/** Authors of some amendments, by amendment id. */
/** Authors of some amendments in the order the documents print them, each Member with their group. */
export async function authorsOf(db: DbConnection, ids: number[]): Promise<Map<number, AmendmentAuthor[]>> {
	const out = new Map<number, AmendmentAuthor[]>();
	if (!ids.length) return out;
	const rows = await db
		.select({
			amendmentId: amendmentAuthor.amendmentId,
			slug: actor.slug,
			name: actor.name,
			kind: actor.kind,
			unmatched: actor.unmatched,
			parentSlug: parent.slug,
			parentName: parent.name,
			parentKind: parent.kind
		})
		.from(amendmentAuthor)
		.innerJoin(actor, eq(actor.id, amendmentAuthor.actorId))
		.leftJoin(parent, eq(parent.id, actor.parentId))
		.where(inArray(amendmentAuthor.amendmentId, ids))
		// As the document prints them; the plenary's authors (no order) by name.
		.orderBy(asc(amendmentAuthor.position), asc(actor.name));
	for (const { amendmentId, parentSlug, parentName, parentKind, ...a } of rows) {
		const group =
			parentKind === 'political_group' && parentSlug && parentName ? { slug: parentSlug, name: parentName } : null;
		out.set(amendmentId, [...(out.get(amendmentId) ?? []), { ...a, group }]);
	}
	return out;
}

async function assessmentsOf(
	db: DbConnection,
	ids: number[],
	viewer: Viewer
): Promise<Map<number, AssessmentDirection>> {
	if (!ids.length) return new Map();
	const rows = await db
		.select({
			amendmentId: assessment.amendmentId,
			direction: assessment.direction,
			visibility: assessment.visibility,
			reviewState: assessment.reviewState
		})
		.from(assessment)
		.where(inArray(assessment.amendmentId, ids));
	return new Map(rows.filter((r) => viewer.canSeeInternal || isPublished(r)).map((r) => [r.amendmentId, r.direction]));
}

/** The stems PostgreSQL searches for, e.g. 'remote biometric -exception' → ['remot', 'biometr']. */
async function lexemesOf(db: DbConnection, q: string): Promise<string[]> {
	const [row] = await db.select({ query: sql<string>`${tsQuery(q)}::text` }).from(sql`(select 1) as one`);
	return queryLexemes(row?.query ?? '');
}
