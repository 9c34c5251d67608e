import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { councilTrack } from '$lib/server/council-track';
import { provisionLabel } from '$lib/provisions/label';

/** One provision through the Council presidencies' compromise texts to the general approach. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const dossier = await dossierOf({ params, locals });
	const track = await councilTrack(db(), dossier.id, params.eid);
	if (!track) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	return { track, eid: params.eid, label: provisionLabel(params.eid) };
};
