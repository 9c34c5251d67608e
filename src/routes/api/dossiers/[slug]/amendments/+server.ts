import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal } from '$lib/server/authorization';
import { findDossierOf } from '$lib/server/dossiers';
import { listAmendments, viewerOf } from '$lib/server/amendments';
import { parseFilters } from '$lib/amendments/filters';

/**
 * The amendments list as JSON, with the list page's filters (q, provision, status (repeatable), author,
 * group, body, assessment, from, to, sort, page, size ≤ 200). An unknown filter value is a 400 that names it.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const dossier = await findDossierOf({ params, locals });
	if (!dossier) return json({ error: `There is no dossier called “${params.slug}”.` }, { status: 404 });
	const { filters, errors } = parseFilters(url.searchParams);
	if (Object.keys(errors).length) return json({ error: 'Some filters are not valid.', errors }, { status: 400 });
	const page = await listAmendments(db(), dossier.id, filters, viewerOf(locals.user, canSeeInternal(locals)));
	return json({
		dossier: dossier.slug,
		total: page.total,
		page: page.page,
		pages: page.pages,
		size: page.size,
		amendments: page.items.map(({ snippet, ...item }) => ({
			...item,
			url: `${url.origin}/dossiers/${dossier.slug}/amendments/${item.id}`,
			snippet: snippet && { from: snippet.from, parts: snippet.parts }
		}))
	});
};
