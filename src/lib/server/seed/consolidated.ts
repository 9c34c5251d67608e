import type { SourceRef } from '../db/schema';
import type { StoredNotice } from '$lib/documents/notice';
import type { RawConsolidation, RawText } from './load';

export const CONSOLIDATED_KEY = 'consolidated-2026';

/**
 * The consolidation's date: the day Regulation (EU) 2026/1744 entered into force, as the data reports it
 * ("entry into force 27 July 2026"; the EUR-Lex consolidated version it cites is CELEX 02024R1689-20260727).
 */
const CONSOLIDATION_DATE = '2026-07-27';

/** An address as a reader can tell it from its neighbours: host and path, without the scheme, cut at 70 characters. */
const shortUrl = (url: string) => {
	const bare = url.replace(/^https?:\/\//, '');
	return bare.length > 70 ? `${bare.slice(0, 69)}…` : bare;
};

const githubUrl = (f: { repo: string; path: string; commit: string }) =>
	`https://github.com/${f.repo}/blob/${f.commit}/${f.path}`;

/** Where each provision's text comes from, and who corroborates what: the sources shown with the notice. */
export function consolidationSources(raw: RawConsolidation): SourceRef[] {
	const { foundAt } = raw.source;
	const main: SourceRef = {
		title: `${raw.source.title} (${foundAt.repo}, ${foundAt.path})`,
		url: githubUrl(foundAt),
		kind: 'secondary',
		note: foundAt.note ?? null
	};
	const corroboration = raw.source.corroboration.flatMap((c) =>
		c.sources.map((s): SourceRef =>
			/^https?:\/\//.test(s)
				? { title: `${shortUrl(s)} (corroborates ${c.what})`, url: s, kind: 'secondary' }
				: { title: `${s} (corroborates ${c.what})`, url: null, kind: 'secondary' }
		)
	);
	return [main, ...corroboration];
}

/** "Articles 3, 4a (new), 5, 10 and 113". */
function holdsList(raw: RawConsolidation): string {
	const names = raw.items.map((i) => `${i.number}${i.status === 'new' ? ' (new)' : ''}`);
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The document row of the 2026 consolidation. Only the provisions the file lists are seeded: it says
 * nothing about the rest of the act ("for the rest of the act, this file says nothing"), and the 2026 act
 * amended others too (Articles 43 and 56 among them), so copying the 2024 text there would show wording
 * that may no longer be in force. Views name the final act for everything else.
 */
export function consolidatedDocument(raw: RawConsolidation) {
	const notice: StoredNotice = {
		note: 'Not the Official Journal text. Trilogue took it from a public consolidation of Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744 (Digital Omnibus on AI), corroborated by third-party sources; only the Official Journal is authentic.',
		holds: `It holds Articles ${holdsList(raw)} only. For every other provision see Regulation (EU) 2024/1689 (final act): the 2026 act may have amended some of them too.`,
		sources: consolidationSources(raw)
	};
	return {
		key: CONSOLIDATED_KEY,
		kind: 'consolidated' as const,
		title: 'Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744 (unofficial consolidation)',
		shortTitle: 'Unofficial consolidation',
		officialReference:
			'Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744, unofficial consolidated text (not the Official Journal)',
		url: githubUrl(raw.source.foundAt),
		date: CONSOLIDATION_DATE,
		provenance: {
			...raw.source,
			official: false,
			provisions: raw.items.map((i) => ({ number: i.number, title: i.title, status: i.status, basis: i.basis })),
			notice
		}
	};
}

/** The items in the shape the splitter and `seedTexts` read. */
export function consolidatedText(raw: RawConsolidation): RawText {
	return { source: { officialReference: consolidatedDocument(raw).officialReference }, items: raw.items };
}
