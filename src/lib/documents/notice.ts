import type { SourceRef } from '$lib/sources';

/**
 * What a reader must be told wherever a text's title or reference is shown: that it is not an official text,
 * what it holds and where it comes from. Only an unofficial consolidation carries one today.
 */
export interface DocumentNotice {
	label: string;
	note: string;
	/** What the text holds, when it is not the whole act ("Articles 3, 4a (new), 5, 10 and 113"). */
	holds: string | null;
	sources: SourceRef[];
}

/** The seed (and any later import) files the notice under `provenance.notice`. */
export interface StoredNotice {
	note: string;
	holds?: string | null;
	sources?: SourceRef[];
}

const FALLBACK =
	'Not the Official Journal text: only the texts published in the Official Journal of the European Union are authentic.';

/** The notice for a document of kind 'consolidated' (with a generic one when none was filed), else null. */
export function documentNotice(doc: {
	kind: string;
	provenance?: Record<string, unknown> | null;
}): DocumentNotice | null {
	if (doc.kind !== 'consolidated') return null;
	const stored = doc.provenance?.notice as StoredNotice | undefined;
	return {
		label: 'Unofficial consolidation',
		note: typeof stored?.note === 'string' ? stored.note : FALLBACK,
		holds: stored?.holds ?? null,
		sources: Array.isArray(stored?.sources) ? stored.sources : []
	};
}
