import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { compareProvision, listTextDocuments } from '$lib/server/compare';
import { provisionLabel } from '$lib/provisions/label';
import { documentByKey, documentKey, eidSchema, parseQuery } from '../../params';

const query = z.object({
	from: documentKey.optional(),
	to: documentKey.optional(),
	toEid: eidSchema.optional(),
	view: z.enum(['inline', 'side']).default('inline')
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const dossier = await dossierOf({ params, locals });
	const eid = params.eid;
	const q = parseQuery(query, url);
	const documents = await listTextDocuments(db(), dossier.id);
	if (documents.length === 0) error(404, `The ${dossier.shortTitle} has no texts to compare yet.`);
	const from = documentByKey(documents, q.from ?? documents[0].key);
	const to = documentByKey(documents, q.to ?? documents.at(-1)!.key);
	const comparison = await compareProvision(db(), dossier.id, {
		eid: eid,
		fromDocumentId: from.id,
		toDocumentId: to.id,
		toEid: q.toEid
	});
	if (!comparison) error(404, `The ${from.title} has no provision “${provisionLabel(eid)}”.`);
	return {
		documents,
		from,
		to,
		view: q.view,
		toEid: q.toEid ?? null,
		comparison,
		label: provisionLabel(eid),
		toLabel: comparison.to ? provisionLabel(comparison.to.eid) : null
	};
};
