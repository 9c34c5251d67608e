import type { LayoutServerLoad } from './$types';
import { db } from '$lib/server/db';
import { listDossiers } from '$lib/server/dossiers';

/**
 * Who is signed in, for the header (only the fields `SessionUser` carries, never a hash), and the dossier
 * the header's links follow outside any dossier's pages: the only one, when there is one. With several, no
 * page picks one for the reader: the header links to the list of dossiers instead.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const dossiers = await listDossiers(db());
	const only = dossiers.length === 1 ? dossiers[0] : null;
	return { user: locals.user, onlyDossier: only ? { slug: only.slug, shortTitle: only.shortTitle } : null };
};
