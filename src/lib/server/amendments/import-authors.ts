import type { DbConnection } from '../db';
import { actor } from '../db/schema';
import { buildMemberIndex, matchAuthors } from '$lib/amendments/authors';

/** A printed name that matched no actor; the import creates it as a member flagged "not matched". */
export interface NewActor {
	slug: string;
	name: string;
	/** The first row that names it. */
	where: string;
}

export interface AuthorResolver {
	/**
	 * Author entries (actor slugs or printed names) → actor slugs, in order; `unknown` lists entries written
	 * as identifiers that name no actor (a typo, not a name to add).
	 */
	(entries: string[], where: string): { slugs: string[]; unknown: string[] };
	/** The actors the entries seen so far need created. */
	newActors(): NewActor[];
}

/**
 * Matches authors against the actors in the database: an actor's slug as itself, a printed name to a Member
 * (case- and accent-insensitively), "on behalf of the … Group" to the group. A name that matches no one gets
 * a slug of its own and is listed, so nothing is dropped; an earlier import's unmatched actor is found again
 * by that slug, which keeps a second import of the same file a no-op.
 */
export async function authorResolver(db: DbConnection): Promise<AuthorResolver> {
	const actors = await db
		.select({ slug: actor.slug, name: actor.name, kind: actor.kind, unmatched: actor.unmatched })
		.from(actor);
	const bySlug = new Map(actors.map((a) => [a.slug, a]));
	const index = buildMemberIndex(actors.filter((a) => a.kind === 'member' && !a.unmatched));
	const created = new Map<string, NewActor>();
	const resolve = ((entries: string[], where: string) => {
		const unknown = entries.filter((e) => !bySlug.has(e) && isIdentifier(e));
		const slugs = entries
			.filter((e) => !unknown.includes(e))
			.map((entry) => {
				if (bySlug.has(entry)) return entry;
				const [match] = matchAuthors([entry], index);
				if (match.kind !== 'unmatched') return match.slug;
				const base = match.suggestedSlug || 'unnamed';
				const earlier = bySlug.get(base);
				if (earlier?.unmatched) return base;
				const slug = earlier ? `${base}-not-matched` : base;
				if (!created.has(slug)) created.set(slug, { slug, name: match.printed, where });
				return slug;
			});
		return { slugs, unknown };
	}) as AuthorResolver;
	resolve.newActors = () => [...created.values()];
	return resolve;
}

/** An actor identifier as the export writes them ('greens-efa'); a printed name has capitals or spaces. */
const isIdentifier = (entry: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry);
