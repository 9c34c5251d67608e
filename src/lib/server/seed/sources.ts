import type { SourceRef } from '../db/schema';

/** A source as written in the dossier files: `officialUrl` or `url`, optionally an `id` into `meta.sources`. */
export interface RawSource {
	title?: string;
	url?: string;
	officialUrl?: string;
	kind?: string;
	id?: string;
	locator?: string;
	note?: string;
	published?: string;
	/** The source's own words, verbatim. */
	quote?: string;
}

export type SourceCatalogue = Record<string, { title: string; officialUrl?: string; note?: string }>;

/** Normalises the dossier's source records, filling title and URL from the catalogue where only an id is given. */
export function toSourceRefs(raw: RawSource[] | undefined, catalogue: SourceCatalogue): SourceRef[] {
	return (raw ?? []).map((s) => {
		const known = s.id ? catalogue[s.id] : undefined;
		return {
			title: s.title ?? known?.title ?? 'Untitled source',
			url: s.officialUrl ?? s.url ?? known?.officialUrl ?? null,
			kind: s.kind ?? null,
			locator: s.locator ?? null,
			note: s.note ?? null,
			published: s.published ?? null,
			quote: s.quote ?? null
		};
	});
}
