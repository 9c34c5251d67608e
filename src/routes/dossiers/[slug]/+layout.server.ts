import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { db } from '$lib/server/db';
import { getDossier } from '$lib/server/dossiers';

export const load: LayoutServerLoad = async ({ params }) => {
	const dossier = await getDossier(db(), params.slug);
	if (!dossier) error(404, `There is no dossier called “${params.slug}”.`);
	return { dossier };
};
