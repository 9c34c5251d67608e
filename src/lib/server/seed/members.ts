import type { DbConnection } from '../db';
import { actor } from '../db/schema';
import { groupSlugOf, nameSlug as slugify } from '$lib/amendments/authors';
import type { RawMember } from './load';
import { insertRows } from '../db/bulk';

/** The directory writes GR for Greece; the EU, and so the app, writes EL. */
const euCountryCode = (code: string) => (code === 'GR' ? 'EL' : code);

/**
 * Seeds the Parliament's Members of April 2023 as actors of kind 'member', each under their political
 * group, so printed names in amendment documents match someone. A slug two Members would share gets the
 * Parliament's id (none do in this directory, but a later one may). A group short name we do not know
 * stops the seed rather than leaving Members without a group.
 */
export async function seedMembers(
	tx: DbConnection,
	groupIds: Map<string, number>,
	members: RawMember[]
): Promise<number> {
	const counts = new Map<string, number>();
	for (const m of members) counts.set(slugify(m.name), (counts.get(slugify(m.name)) ?? 0) + 1);
	const rows = members.map((m) => {
		const groupSlug = groupSlugOf(m.group);
		const parentId = groupSlug ? groupIds.get(groupSlug) : undefined;
		if (!parentId) throw new Error(`Member ${m.name} (${m.epId}): unknown political group “${m.group}”.`);
		const slug = slugify(m.name);
		return {
			kind: 'member' as const,
			slug: counts.get(slug)! > 1 ? `${slug}-${m.epId}` : slug,
			name: m.name,
			externalId: String(m.epId),
			countryCode: euCountryCode(m.country),
			nationalParty: m.nationalParty || null,
			parentId
		};
	});
	await insertRows(tx, actor, rows);
	return rows.length;
}
