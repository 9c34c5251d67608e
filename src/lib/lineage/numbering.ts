/**
 * The dossier's numbering maps (dossier.json `numberingMaps`) say, in the citation style of lawyers, where
 * a provision sits in each text: { commission: '5(1)(d)', council: '5(1)(d)', parliament: '5(1)(d) (Am. 220-223)',
 * final: '5(1)(h)' }. These helpers turn them into pairs of eIds.
 */

/** The texts a numbering map has columns for. */
export const numberingColumns = ['commission', 'council', 'parliament', 'final'] as const;
export type NumberingColumn = (typeof numberingColumns)[number];

/**
 * Reads the leading citation of an entry, "5(1)(d)" from "5(1)(d) + 5(2)-(4)" or "3(33) (Am. 186)", as
 * the article number and the labels below it. Null when the entry does not start with one ("—",
 * "high-risk only (Annex III 1(a))").
 */
export function parseCitation(entry: string): { article: string; labels: string[] } | null {
	const m = /^\s*(\d+[a-z]*)((?:\([0-9a-z]+\))*)/i.exec(entry);
	if (!m) return null;
	const labels = [...m[2].matchAll(/\(([0-9a-z]+)\)/gi)].map((x) => x[1].toLowerCase());
	return { article: m[1].toLowerCase(), labels };
}

/**
 * The eId a citation names in a text with the given eIds: each label below the article is a numbered
 * paragraph or a point, whichever the text has ("3(33)" is `art_3__point_33`, the definitions having no
 * paragraph; "5(1)(d)" is `art_5__para_1__point_d`). Null when no reading exists.
 */
export function resolveCitation(entry: string, known: ReadonlySet<string>): string | null {
	const cited = parseCitation(entry);
	if (!cited) return null;
	let options = [`art_${cited.article}`];
	for (const label of cited.labels) {
		options = options.flatMap((o) => [`${o}__para_${label}`, `${o}__point_${label}`]).filter((o) => known.has(o));
		if (options.length === 0) return null;
	}
	return options.find((o) => known.has(o)) ?? null;
}

/**
 * Pairs of eIds, earlier text → later text, from every row of every map. A column is used when its entry
 * starts with a citation that exists in that text. Rows link the Commission column to each later column;
 * without a Commission entry (a provision the Commission did not propose), the Parliament and Council
 * columns link to the final act.
 */
export function numberingPairs(
	maps: Record<string, Record<string, string>[]>,
	known: Record<NumberingColumn, ReadonlySet<string>>
): { from: NumberingColumn; to: NumberingColumn; fromEid: string; toEid: string }[] {
	const out: { from: NumberingColumn; to: NumberingColumn; fromEid: string; toEid: string }[] = [];
	for (const rows of Object.values(maps)) {
		for (const row of rows) {
			const eid = (c: NumberingColumn) => (typeof row[c] === 'string' ? resolveCitation(row[c], known[c]) : null);
			const at = Object.fromEntries(numberingColumns.map((c) => [c, eid(c)])) as Record<NumberingColumn, string | null>;
			const link = (from: NumberingColumn, to: NumberingColumn) => {
				if (at[from] && at[to]) out.push({ from, to, fromEid: at[from]!, toEid: at[to]! });
			};
			if (at.commission) {
				link('commission', 'council');
				link('commission', 'parliament');
				link('commission', 'final');
			} else {
				link('parliament', 'final');
				link('council', 'final');
			}
		}
	}
	return out;
}
