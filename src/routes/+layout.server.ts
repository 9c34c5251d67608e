import type { LayoutServerLoad } from './$types';
import { db } from '$lib/server/db';
import { listDossiers } from '$lib/server/dossiers';

/**
 * Who is signed in, for the header (only the fields `SessionUser` carries, never a hash), and the dossier
 * the header's links follow outside any dossier's pages: the first one.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const [first] = await listDossiers(db());
	return { user: locals.user, defaultDossier: first ? { slug: first.slug, shortTitle: first.shortTitle } : null };
};
