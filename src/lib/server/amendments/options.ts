import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, provision } from '../db/schema';
import type { Viewer } from '../authorization';

export interface ActorOption {
	slug: string;
	name: string;
	kind: string;
	/** What tells two names apart in a list of hundreds: a Member's group, or that a name was not matched. */
	note?: string;
}

export interface FilterOptions {
	/** Articles, annexes and recitals, in the act's order. */
	provisions: { eid: string; kind: string }[];
	/** Actors who tabled something in the dossier that the viewer may see (hundreds: the form offers them as a datalist). */
	authors: ActorOption[];
	/** Groups, and bodies (committees first, then institutions), whose members' amendments count as theirs. */
	groups: ActorOption[];
	bodies: ActorOption[];
	/** Every actor, for the edit form's author list. */
	allActors: ActorOption[];
}

/**
 * The choices of the filter form. Authors are listed only for amendments the viewer may see: the
 * public does not learn who tabled an internal amendment from the list of names.
 */
export async function filterOptions(db: DbConnection, dossierId: number, viewer: Viewer): Promise<FilterOptions> {
	const visible = viewer.canSeeInternal ? sql`` : sql` and ${amendment.visibility} = 'public'`;
	const [provisions, actors, tabled] = await Promise.all([
		db
			.select({ eid: provision.eid, kind: provision.kind })
			.from(provision)
			.where(
				and(
					eq(provision.dossierId, dossierId),
					inArray(provision.kind, ['article', 'annex', 'recital']),
					sql`${provision.parentId} is null`
				)
			)
			.orderBy(asc(provision.sortKey)),
		db
			.select({
				id: actor.id,
				slug: actor.slug,
				name: actor.name,
				kind: actor.kind,
				parentId: actor.parentId,
				unmatched: actor.unmatched
			})
			.from(actor)
			.orderBy(asc(actor.name)),
		// One index probe per actor (its first authorship in the dossier) rather than a scan of every authorship.
		db
			.select({ id: actor.id })
			.from(actor)
			.where(
				sql`exists (select 1 from ${amendmentAuthor} inner join ${amendment} on ${amendment.id} = ${amendmentAuthor.amendmentId} where ${amendmentAuthor.actorId} = ${actor.id} and ${amendment.dossierId} = ${dossierId}${visible})`
			)
	]);
	const authorIds = new Set(tabled.map((t) => t.id));
	const byId = new Map(actors.map((a) => [a.id, a]));
	const option = ({ slug, name, kind }: ActorOption) => ({ slug, name, kind });
	const noteOf = (a: (typeof actors)[number]) => {
		if (a.unmatched) return 'not matched';
		const group = a.kind === 'member' && a.parentId ? byId.get(a.parentId) : undefined;
		// 'Group of the European People’s Party (EPP)' → 'EPP'; 'Renew Europe' has no short form.
		return group ? (/\(([^)]+)\)$/.exec(group.name)?.[1] ?? group.name) : undefined;
	};
	const bodyOrder = (kind: string) => (kind === 'committee' ? 0 : 1);
	return {
		provisions,
		authors: actors.filter((a) => authorIds.has(a.id)).map((a) => ({ ...option(a), note: noteOf(a) })),
		groups: actors.filter((a) => a.kind === 'political_group').map(option),
		bodies: actors
			.filter((a) => a.kind === 'committee' || a.kind === 'institution')
			.sort((a, b) => bodyOrder(a.kind) - bodyOrder(b.kind))
			.map(option),
		allActors: actors.filter((a) => a.kind !== 'presidency').map(option)
	};
}
