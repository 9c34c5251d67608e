import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { compareDocuments, listTextDocuments } from '$lib/server/compare';
import { provisionLabel } from '$lib/provisions/label';
import { documentByKey, documentKey, parseQuery } from '../params';

const query = z.object({
	from: documentKey.optional(),
	to: documentKey.optional(),
	kind: z.enum(['article', 'recital', 'annex']).default('article'),
	sort: z.enum(['order', 'changes', 'added', 'removed']).default('order'),
	dir: z.enum(['asc', 'desc']).optional()
});

/** Whole-act comparison: every article of one text against its counterpart in another, with change counts. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const dossier = await dossierOf({ params, locals });
	const q = parseQuery(query, url);
	const documents = await listTextDocuments(db(), dossier.id);
	if (documents.length === 0) error(404, `The ${dossier.shortTitle} has no texts to compare yet.`);
	const from = documentByKey(documents, q.from ?? documents[0].key);
	const to = documentByKey(documents, q.to ?? documents.at(-1)!.key);
	const dir = q.dir ?? (q.sort === 'order' ? 'asc' : 'desc');
	const rows = await compareDocuments(db(), dossier.id, {
		fromDocumentId: from.id,
		toDocumentId: to.id,
		kind: q.kind,
		sort: q.sort,
		descending: dir === 'desc'
	});
	return {
		documents,
		from,
		to,
		kind: q.kind,
		sort: q.sort,
		dir,
		rows: rows.map((r) => ({
			from: r.from
				? { eid: r.from.eid, label: provisionLabel(r.from.eid), heading: r.from.heading, deleted: r.from.deleted }
				: null,
			to: r.to
				? { eid: r.to.eid, label: provisionLabel(r.to.eid), heading: r.to.heading, deleted: r.to.deleted }
				: null,
			added: r.added,
			removed: r.removed,
			operative: r.operative,
			coarse: r.coarse
		}))
	};
};
