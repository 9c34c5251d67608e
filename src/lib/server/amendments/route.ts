import { error, json } from '@sveltejs/kit';
import { db } from '../db';
import { getDossier } from '../dossiers';
import { canSeeInternal, viewerOf } from '../authorization';
import { parseFilters } from '$lib/amendments/filters';
import { todayIso } from '$lib/dates';
import { exportStream } from './export';

/** Amendment ids are positive integers; anything else is simply not found (never a 500). */
export function amendmentIdParam(raw: string): number {
	const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id) || id > 2_147_483_647) error(404, 'There is no such amendment.');
	return id;
}

/** The dossier of a route (actions and endpoints have no layout data), or a 404. */
export async function dossierParam(slug: string) {
	const dossier = await getDossier(db(), slug);
	if (!dossier) error(404, `There is no dossier called “${slug}”.`);
	return dossier;
}

/**
 * The export of the filtered list named by the request's query (paging ignored), as a download.
 * Bad filters are a 400 that says which, never a 500.
 */
export async function exportResponse(
	event: { params: { slug: string }; url: URL; locals: App.Locals },
	format: 'csv' | 'json'
): Promise<Response> {
	const dossier = await dossierParam(event.params.slug);
	const { filters, errors } = parseFilters(event.url.searchParams);
	if (Object.keys(errors).length) return json({ errors }, { status: 400 });
	const stream = exportStream(
		db(),
		dossier.id,
		filters,
		viewerOf(event.locals.user, canSeeInternal(event.locals)),
		format
	);
	const name = `amendments-${dossier.slug}-${todayIso()}.${format}`;
	return new Response(stream, {
		headers: {
			'content-type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
}
