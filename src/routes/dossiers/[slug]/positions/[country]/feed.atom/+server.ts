import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { siteOrigin } from '$lib/server/origin';
import { dossierOf } from '$lib/server/dossiers';
import { atomResponse, countryPath, findMemberState, positionItems } from '$lib/server/feeds';
import { renderAtom, tagUri } from '$lib/feeds/atom';
import { sortItems, TAG_YEAR, toAtomEntries } from '$lib/feeds/items';
import { todayIso } from '$lib/dates';

/** A member state's published positions (public and approved). `country` is its code ('de') or slug ('germany'). */
export const GET: RequestHandler = async (event) => {
	const { params, url: requested } = event;
	// Ids and links from ORIGIN, never from the Host header.
	const url = new URL(requested.pathname + requested.search, siteOrigin(requested));
	const dossier = await dossierOf(event);
	const state = /^[a-z-]{2,40}$/i.test(params.country) ? await findMemberState(db(), params.country) : undefined;
	if (!state) error(404, 'There is no such member state.');
	const today = todayIso();
	const items = sortItems(await positionItems(db(), dossier, { actorIds: [state.id] }), today);
	return atomResponse(
		renderAtom({
			id: tagUri(url.hostname, TAG_YEAR, `${dossier.slug}/country/${state.countryCode}/feed`),
			title: `${dossier.shortTitle}, ${state.name}: positions (Trilogue)`,
			self: url.href,
			alternate: new URL(countryPath(dossier.slug, state.slug), url).href,
			author: 'Trilogue',
			fallbackUpdated: `${today}T00:00:00Z`,
			entries: toAtomEntries(items, { origin: url.origin, dossierSlug: dossier.slug, today })
		})
	);
};
