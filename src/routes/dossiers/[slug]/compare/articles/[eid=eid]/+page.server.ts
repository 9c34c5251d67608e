import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { articleColumns, defaultColumns, listTextDocuments } from '$lib/server/compare';
import { provisionLabel } from '$lib/provisions/label';
import { MAX_COLUMNS, columnChoice, documentByKey, documentKey, parseQuery } from '../../params';

const query = z.object({ in: documentKey.optional() });

/**
 * The column view: an article part by part in the texts the reader picks (`cols`, comma-separated or
 * repeated, as the form sends it; by default `defaultColumns`), each diffed against the earliest of them.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const dossier = await dossierOf({ params, locals });
	// The column view takes whole articles (and recitals, annexes): an eId of one step.
	const eid = params.eid;
	if (eid.includes('__')) error(404, `There is no article “${eid}” in the ${dossier.shortTitle}.`);
	const q = parseQuery(query, url);
	const documents = await listTextDocuments(db(), dossier.id);
	// Too few or too many boxes ticked: show the usual texts and say why, next to the form.
	const choice = columnChoice(url, documents);
	const columns = choice.columns ?? defaultColumns(documents);
	const documentId = q.in ? documentByKey(documents, q.in).id : undefined;
	const view = await articleColumns(
		db(),
		dossier.id,
		eid,
		documentId,
		columns.map((d) => d.id)
	);
	if (!view) error(404, `There is no article “${provisionLabel(eid)}” in the ${dossier.shortTitle}.`);
	const labels = Object.fromEntries(
		Object.entries(view.articles).map(([id, v]) => [id, v ? provisionLabel(v.eid) : null])
	);
	return {
		view,
		labels,
		label: provisionLabel(eid),
		documents,
		chosen: view.documents.map((d) => d.key),
		in: q.in ?? null,
		maxColumns: MAX_COLUMNS,
		columnsError: choice.error
	};
};
