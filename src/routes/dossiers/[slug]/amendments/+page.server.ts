import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal, hasRole } from '$lib/server/authorization';
import { filterOptions, listAmendments, viewerOf } from '$lib/server/amendments';
import { filtersToQuery, parseFilters } from '$lib/amendments/filters';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const { filters, errors } = parseFilters(url.searchParams);
	const viewer = viewerOf(locals.user, canSeeInternal(locals));
	const [page, options] = await Promise.all([
		listAmendments(db(), dossier.id, filters, viewer),
		filterOptions(db(), dossier.id, viewer)
	]);
	return {
		page,
		options,
		filters,
		errors,
		query: filtersToQuery({ ...filters, page: 1 }),
		canEdit: hasRole(locals.user, 'editor'),
		canSeeInternal: viewer.canSeeInternal
	};
};
