import { json } from '@sveltejs/kit';
import { db } from '../db';
import { dossierOf } from '../dossiers';
import { canSeeInternal, viewerOf } from '../authorization';
import { parseFilters } from '$lib/amendments/filters';
import { todayIso } from '$lib/dates';
import { exportStream } from './export';

/**
 * The export of the filtered list named by the request's query (paging ignored), as a download.
 * Bad filters are a 400 that says which, never a 500.
 */
export async function exportResponse(
	event: { params: { slug: string }; url: URL; locals: App.Locals },
	format: 'csv' | 'json'
): Promise<Response> {
	const dossier = await dossierOf(event);
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
