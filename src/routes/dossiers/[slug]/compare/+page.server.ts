import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { findProvisionInput, listTextDocuments } from '$lib/server/compare';
import { documentKey, queryOf } from './params';
import { dossiersWithProvision } from '$lib/server/dossiers';

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
 * citation ("5(1)(d)", "Article 52") is found in the chosen text and the visitor sent on to its page.
 */
export const load: PageServerLoad = async ({ parent, url }) => {
	const { dossier } = await parent();
	const [documents, withArticle5] = await Promise.all([listTextDocuments(db(), dossier.id), dossiersWithProvision(db(), 'art_5')]);
	const hasArticle5 = withArticle5.has(dossier.id);
	const values = queryOf(url);
	if (!values.go) return { documents, values, hasArticle5, errors: {} as Record<string, string> };

	const parsed = query.safeParse(values);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'go')] ??= issue.message;
		return { documents, values, hasArticle5, errors };
	}
	const q = parsed.data;
	const base = `/dossiers/${dossier.slug}/compare`;
	const inDoc = documents.find((d) => d.key === (q.go === 'provision' ? q.from : q.in));
	if (!inDoc) return { documents, values, hasArticle5, errors: { [q.go === 'provision' ? 'from' : 'in']: 'Choose one of the texts listed.' } };
	if (q.go === 'provision') {
		if (!documents.some((d) => d.key === q.to)) return { documents, values, hasArticle5, errors: { to: 'Choose one of the texts listed.' } };
		const eid = await findProvisionInput(db(), dossier.id, inDoc.id, q.provision);
		if (!eid) return { documents, values, hasArticle5, errors: { provision: `The ${inDoc.title} has no provision “${q.provision}”.` } };
		redirect(303, `${base}/provisions/${eid}?${new URLSearchParams({ from: q.from, to: q.to, view: q.view })}`);
	}
	const eid = await findProvisionInput(db(), dossier.id, inDoc.id, q.article);
	if (!eid || eid.includes('__')) return { documents, values, hasArticle5, errors: { article: `The ${inDoc.title} has no article “${q.article}”.` } };
	redirect(303, `${base}/articles/${eid}?${new URLSearchParams({ in: q.in })}`);
};
