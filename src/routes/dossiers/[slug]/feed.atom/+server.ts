import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { siteOrigin } from '$lib/server/origin';
import { dossierOf } from '$lib/server/dossiers';
import { atomResponse, dossierFeedItems } from '$lib/server/feeds';
import { renderAtom, tagUri } from '$lib/feeds/atom';
import { TAG_YEAR, toAtomEntries } from '$lib/feeds/items';
import { todayIso } from '$lib/dates';

/** The dossier's public changes: stages and events, texts, amendment status changes, published positions. */
export const GET: RequestHandler = async (event) => {
	const { url: requested } = event;
	// Ids and links from ORIGIN, never from the Host header.
	const url = new URL(requested.pathname + requested.search, siteOrigin(requested));
	const dossier = await dossierOf(event);
	const today = todayIso();
	const items = await dossierFeedItems(db(), dossier, today);
	return atomResponse(
		renderAtom({
			id: tagUri(url.hostname, TAG_YEAR, `${dossier.slug}/feed`),
			title: `${dossier.shortTitle}: what changed (Trilogue)`,
			subtitle: `New stages, texts, amendment status changes and published positions on ${dossier.title}`,
			self: url.href,
			alternate: new URL(`/dossiers/${dossier.slug}/timeline`, url).href,
			author: 'Trilogue',
			fallbackUpdated: `${today}T00:00:00Z`,
			entries: toAtomEntries(items, { origin: url.origin, dossierSlug: dossier.slug, today })
		})
	);
};
