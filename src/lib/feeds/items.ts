import { atomDate, tagUri, type AtomEntry } from './atom';

/** Something that changed, as the server's feed queries return it: only public items ever get here. */
export interface FeedItem {
	/** Unique and stable within the dossier, e.g. 'stage/commission-proposal'; becomes the tag: URI. */
	key: string;
	kind: 'stage' | 'event' | 'text' | 'text_version' | 'amendment_status' | 'position';
	title: string;
	/** When it happened (ISO, maybe partial), or null when unknown. */
	date: string | null;
	/** When Trilogue recorded it: the entry's date when `date` is unknown or still ahead. */
	recordedAt: Date;
	/** A path on this site ('/dossiers/…') or an absolute URL. */
	link: string;
	summary: string;
}

export const kindLabels: Record<FeedItem['kind'], string> = {
	stage: 'Stage',
	event: 'Event',
	text: 'Text',
	text_version: 'Text version',
	amendment_status: 'Amendment status',
	position: 'Position'
};

/** The year in the tag: URIs; fixed so ids never change. */
export const TAG_YEAR = 2026;

/**
 * When an item counts as updated: the day it happened when that is known and not in the future,
 * otherwise when it was recorded (an announced future stage is news the day it is added).
 */
export function itemUpdated(item: Pick<FeedItem, 'date' | 'recordedAt'>, today: string): string {
	const happened = item.date && item.date <= today ? atomDate(item.date) : null;
	return happened ?? atomDate(item.recordedAt) ?? '1970-01-01T00:00:00Z';
}

/** Newest first, then by key so the order is stable; at most `limit`. Dedupes by key (a followed article and its point). */
export function sortItems(items: FeedItem[], today: string, limit = 100): FeedItem[] {
	const seen = new Set<string>();
	return items
		.filter((i) => !seen.has(i.key) && seen.add(i.key))
		.map((i) => ({ i, updated: itemUpdated(i, today) }))
		.sort((a, b) => b.updated.localeCompare(a.updated) || a.i.key.localeCompare(b.i.key))
		.slice(0, limit)
		.map(({ i }) => i);
}

/** Feed items as Atom entries with absolute links and tag: ids under the site's host and dossier. */
export function toAtomEntries(
	items: FeedItem[],
	ctx: { origin: string; dossierSlug: string; today: string }
): AtomEntry[] {
	const host = new URL(ctx.origin).hostname;
	return items.map((item) => ({
		id: tagUri(host, TAG_YEAR, `${ctx.dossierSlug}/${item.key}`),
		title: item.title,
		updated: itemUpdated(item, ctx.today),
		link: /^https?:\/\//.test(item.link) ? item.link : new URL(item.link, ctx.origin).href,
		summary: item.summary,
		categories: [kindLabels[item.kind]]
	}));
}
