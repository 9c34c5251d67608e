import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal, hasRole, viewerOf } from '$lib/server/authorization';
import { actorPositions, getActor } from '$lib/server/positions';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const actor = /^[a-z0-9-]{1,80}$/.test(params.country) ? await getActor(db(), params.country) : undefined;
	if (!actor) error(404, `There is no member state or other actor called “${params.country}”.`);
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	const groups = await actorPositions(db(), dossier.id, actor.id, viewer);
	return { actor, groups, viewerIsCoalition: viewer.canSeeInternal, canDraft: hasRole(locals.user, 'reviewer') };
};
