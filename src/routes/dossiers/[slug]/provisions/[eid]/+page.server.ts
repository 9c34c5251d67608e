import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { getProvisionPage } from '$lib/server/provisions';
import { isEid, provisionLabel } from '$lib/provision-label';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { dossier } = await parent();
	const page = isEid(params.eid) ? await getProvisionPage(db(), dossier.id, params.eid) : undefined;
	if (!page) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	return { ...page, label: provisionLabel(params.eid) };
};
