import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal } from '$lib/server/authorization';
import { actorIndex } from '$lib/server/actors';
import { viewerOf } from '$lib/server/amendments';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	return { index: await actorIndex(db(), dossier.id, viewer), canSeeInternal: viewer.canSeeInternal };
};
