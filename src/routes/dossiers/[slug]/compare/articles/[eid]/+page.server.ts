import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { articleColumns, listTextDocuments } from '$lib/server/compare';
import { provisionLabel } from '$lib/provision-label';
import { documentByKey, documentKey, eidSchema, parseQuery } from '../../params';

const query = z.object({ in: documentKey.optional() });

/** The four-column view: an article part by part in every text, each diffed against the Commission text. */
export const load: PageServerLoad = async ({ parent, params, url }) => {
	const { dossier } = await parent();
	const eid = eidSchema.safeParse(params.eid);
	if (!eid.success || eid.data.includes('__')) error(404, `There is no article “${params.eid}” in the ${dossier.shortTitle}.`);
	const q = parseQuery(query, url);
	const documentId = q.in ? documentByKey(await listTextDocuments(db(), dossier.id), q.in).id : undefined;
	const view = await articleColumns(db(), dossier.id, eid.data, documentId);
	if (!view) error(404, `There is no article “${provisionLabel(eid.data)}” in the ${dossier.shortTitle}.`);
	const labels = Object.fromEntries(Object.entries(view.articles).map(([id, v]) => [id, v ? provisionLabel(v.eid) : null]));
	return { view, labels, label: provisionLabel(eid.data) };
};
