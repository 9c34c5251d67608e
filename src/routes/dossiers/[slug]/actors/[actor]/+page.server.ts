import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal } from '$lib/server/authorization';
import { actorPage } from '$lib/server/actors';
import { viewerOf } from '$lib/server/amendments';

/** Actor slugs as the seed and imports make them; anything else is simply not found. */
const actorSlug = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	const page = actorSlug.test(params.actor) ? await actorPage(db(), dossier.id, params.actor, viewer) : undefined;
	if (!page) error(404, `There is no actor called “${params.actor}”.`);
	return { page, canSeeInternal: viewer.canSeeInternal };
};
