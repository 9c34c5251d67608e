import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { siteOrigin } from '$lib/server/origin';
import { dossierOf } from '$lib/server/dossiers';
import { atomResponse, provisionExists, provisionItems } from '$lib/server/feeds';
import { renderAtom, tagUri } from '$lib/feeds/atom';
import { sortItems, TAG_YEAR, toAtomEntries } from '$lib/feeds/items';
import { provisionLabel } from '$lib/provisions/label';
import { todayIso } from '$lib/dates';

/** One provision's changes: its text in each document, and status changes of public amendments to it or its parts. */
export const GET: RequestHandler = async (event) => {
	const { params, url: requested } = event;
	// Ids and links from ORIGIN, never from the Host header.
	const url = new URL(requested.pathname + requested.search, siteOrigin(requested));
	const dossier = await dossierOf(event);
	if (!(await provisionExists(db(), dossier.id, params.eid))) error(404, 'There is no such provision.');
	const today = todayIso();
	const label = provisionLabel(params.eid);
	const items = sortItems(await provisionItems(db(), dossier, [params.eid]), today);
	return atomResponse(
		renderAtom({
			id: tagUri(url.hostname, TAG_YEAR, `${dossier.slug}/provision/${params.eid}/feed`),
			title: `${dossier.shortTitle}, ${label}: what changed (Trilogue)`,
			self: url.href,
			alternate: new URL(`/dossiers/${dossier.slug}/provisions/${params.eid}`, url).href,
			author: 'Trilogue',
			fallbackUpdated: `${today}T00:00:00Z`,
			entries: toAtomEntries(items, { origin: url.origin, dossierSlug: dossier.slug, today })
		})
	);
};
