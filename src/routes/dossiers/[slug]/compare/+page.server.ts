import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { defaultColumns, findProvisionInput, listTextDocuments } from '$lib/server/compare';
import { MAX_COLUMNS, columnChoice, columnKeys, documentKey, queryOf } from './params';
import { dossierOf, provisionTitle } from '$lib/server/dossiers';

const provisionQuery = z.object({
	go: z.literal('provision'),
	provision: z.string().trim().min(1, 'Say which provision, e.g. 5(1)(d).').max(200),
	from: documentKey,
	to: documentKey,
	view: z.enum(['inline', 'side']).default('inline')
});
const articleQuery = z.object({
	go: z.literal('article'),
	article: z.string().trim().min(1, 'Say which article, e.g. 5.').max(200),
	in: documentKey
});
const query = z.discriminatedUnion('go', [provisionQuery, articleQuery]);

/**
 * The comparison hub. Its two look-up forms submit here by GET: a provision or article typed as a
 * citation ("5(1)(d)", "Article 52") is found in the chosen text and the visitor sent on to its page, the
 * article with the texts ticked as its columns (`cols`, read as the column view reads it).
 */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const dossier = await dossierOf({ params, locals });
	const [documents, article5] = await Promise.all([
		listTextDocuments(db(), dossier.id),
		provisionTitle(db(), dossier.id, 'art_5')
	]);
	const values = queryOf(url);
	const choice = values.go === 'article' ? columnChoice(url, documents) : { columns: null, error: null };
	const page = (errors: Record<string, string>) => ({
		documents,
		values,
		article5,
		maxColumns: MAX_COLUMNS,
		// The boxes as the reader left them, even when too few or too many were ticked.
		columns: (values.go === 'article' ? columnKeys(url) : null) ?? defaultColumns(documents).map((d) => d.key),
		errors
	});
	if (!values.go) return page({});

	const parsed = query.safeParse(values);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'go')] ??= issue.message;
		return page(errors);
	}
	const q = parsed.data;
	const base = `/dossiers/${dossier.slug}/compare`;
	const inDoc = documents.find((d) => d.key === (q.go === 'provision' ? q.from : q.in));
	if (!inDoc) return page({ [q.go === 'provision' ? 'from' : 'in']: 'Choose one of the texts listed.' });
	if (q.go === 'provision') {
		if (!documents.some((d) => d.key === q.to)) return page({ to: 'Choose one of the texts listed.' });
		const eid = await findProvisionInput(db(), dossier.id, inDoc.id, q.provision);
		if (!eid) return page({ provision: `The ${inDoc.title} has no provision “${q.provision}”.` });
		redirect(303, `${base}/provisions/${eid}?${new URLSearchParams({ from: q.from, to: q.to, view: q.view })}`);
	}
	if (choice.error) return page({ cols: choice.error });
	const eid = await findProvisionInput(db(), dossier.id, inDoc.id, q.article);
	if (!eid || eid.includes('__')) return page({ article: `The ${inDoc.title} has no article “${q.article}”.` });
	const search = new URLSearchParams({ in: q.in });
	if (choice.columns) search.set('cols', choice.columns.map((d) => d.key).join(','));
	redirect(303, `${base}/articles/${eid}?${search}`);
};
