/**
 * Search snippets with the matched words marked. PostgreSQL finds and ranks the matches (the GIN index,
 * ts_rank); it also tells us the query's lexemes (stems such as 'biometr', 'identif'). Marking them
 * here instead of with ts_headline keeps a page of results fast on PGlite, where ts_headline re-parses
 * every text (over 100 ms a page). The result is data, never HTML: the page renders hits as <mark>.
 */

export interface SnippetPart {
	text: string;
	hit: boolean;
}

/**
 * The positive lexemes of a tsquery as PostgreSQL prints it: `'law' <-> 'enforc' & !'except'` →
 * ['law', 'enforc'] (negated terms are not highlighted).
 */
export function queryLexemes(tsquery: string): string[] {
	const out: string[] = [];
	for (const m of tsquery.matchAll(/(!?)\s*'((?:[^']|'')+)'/g)) if (!m[1]) out.push(m[2].replaceAll("''", "'"));
	return [...new Set(out)];
}

/**
 * Whether a word is a form of a lexeme. Snowball English stems are prefixes of the lower-cased word
 * ('identif' of 'identification'), except that a final y becomes i ('polici' for 'policy').
 */
function matches(word: string, lexemes: string[]): boolean {
	const w = word.toLowerCase();
	return lexemes.some(
		(l) => w.startsWith(l) || (l.endsWith('i') && w.startsWith(l.slice(0, -1)) && /^y/.test(w.slice(l.length - 1)))
	);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * A passage of about `words` words around the first match in `text`, split into plain and matched
 * parts; null when nothing in the text matches.
 */
export function snippet(text: string, lexemes: string[], words = 36): SnippetPart[] | null {
	if (!lexemes.length) return null;
	const tokens = [...text.matchAll(WORD)];
	const first = tokens.findIndex((t) => matches(t[0], lexemes));
	if (first < 0) return null;
	const start = Math.max(0, first - Math.floor(words / 3));
	const end = Math.min(tokens.length, start + words);
	const from = start === 0 ? 0 : tokens[start].index!;
	const to = end < tokens.length ? tokens[end].index! : text.length;
	const parts: SnippetPart[] = [];
	const push = (t: string, hit: boolean) => {
		if (!t) return;
		const last = parts.at(-1);
		if (last && last.hit === hit) last.text += t;
		else parts.push({ text: t, hit });
	};
	if (start > 0) push('… ', false);
	let at = from;
	for (const t of tokens.slice(start, end)) {
		push(text.slice(at, t.index), false);
		push(t[0], matches(t[0], lexemes));
		at = t.index! + t[0].length;
	}
	push(text.slice(at, to).trimEnd(), false);
	if (end < tokens.length) push(' …', false);
	return parts;
}
