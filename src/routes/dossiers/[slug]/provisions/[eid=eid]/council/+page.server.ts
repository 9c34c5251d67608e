import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { councilTrack } from '$lib/server/council-track';
import { provisionLabel } from '$lib/provisions/label';
import { isEid } from '$lib/validators';

/** One provision through the Council presidencies' compromise texts to the general approach. */
export const load: PageServerLoad = async ({ params, parent }) => {
	const { dossier } = await parent();
	const track = isEid(params.eid) ? await councilTrack(db(), dossier.id, params.eid) : undefined;
	if (!track) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	return { track, eid: params.eid, label: provisionLabel(params.eid) };
};
