import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { getProvisionPage } from '$lib/server/provisions';
import { listTextDocuments } from '$lib/server/compare';
import { provisionLabel } from '$lib/provisions/label';

export const load: PageServerLoad = async ({ locals, params }) => {
	const dossier = await dossierOf({ params, locals });
	const page = await getProvisionPage(db(), dossier.id, params.eid);
	if (!page) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	// A consolidation of selected provisions says nothing about the others: say so rather than stay silent.
	const present = new Set(page.versions.map((v) => v.documentKey));
	const notIn = (await listTextDocuments(db(), dossier.id))
		.filter((d) => d.notice && !present.has(d.key))
		.map((d) => ({ key: d.key, title: d.title, notice: d.notice! }));
	return { ...page, notIn, label: provisionLabel(params.eid) };
};
