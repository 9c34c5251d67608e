import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendmentAuthor, provision } from '../db/schema';

export interface ActorOption {
	slug: string;
	name: string;
	kind: string;
}

export interface FilterOptions {
	/** Articles, annexes and recitals, in the act's order. */
	provisions: { eid: string; kind: string }[];
	/** Actors who tabled something; groups and bodies (whose members' amendments count as theirs). */
	authors: ActorOption[];
	groups: ActorOption[];
	bodies: ActorOption[];
	/** Every actor, for the edit form's author list. */
	allActors: ActorOption[];
}

/** The choices of the filter form. */
export async function filterOptions(db: DbConnection, dossierId: number): Promise<FilterOptions> {
	const [provisions, actors, tabled] = await Promise.all([
		db
			.select({ eid: provision.eid, kind: provision.kind })
			.from(provision)
			.where(and(eq(provision.dossierId, dossierId), inArray(provision.kind, ['article', 'annex', 'recital']), sql`${provision.parentId} is null`))
			.orderBy(asc(provision.sortKey)),
		db.select({ id: actor.id, slug: actor.slug, name: actor.name, kind: actor.kind, parentId: actor.parentId }).from(actor).orderBy(asc(actor.name)),
		// One index probe per actor rather than a scan of every authorship (in any dossier: actors are shared).
		db
			.select({ id: actor.id })
			.from(actor)
			.where(sql`exists (select 1 from ${amendmentAuthor} where ${amendmentAuthor.actorId} = ${actor.id})`)
	]);
	const authorIds = new Set(tabled.map((t) => t.id));
	const option = ({ slug, name, kind }: ActorOption) => ({ slug, name, kind });
	return {
		provisions,
		authors: actors.filter((a) => authorIds.has(a.id)).map(option),
		groups: actors.filter((a) => a.kind === 'political_group').map(option),
		bodies: actors.filter((a) => a.kind === 'committee' || a.kind === 'institution').map(option),
		allActors: actors.filter((a) => a.kind !== 'presidency').map(option)
	};
}
