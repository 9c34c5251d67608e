import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal } from '$lib/server/authorization';
import { actorIndex } from '$lib/server/actors';
import { viewerOf } from '$lib/server/amendments';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { dossier } = await parent();
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	return { index: await actorIndex(db(), dossier.id, viewer), canSeeInternal: viewer.canSeeInternal };
};
