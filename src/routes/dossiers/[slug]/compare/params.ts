import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { CompareDocument } from '$lib/server/compare';
import { isEid } from '$lib/validators';

/** eIds as the splitter makes them, including inserted ('art_-57a') and repeated ('point_1_2') numbers. */
export const eidSchema = z.string().refine(isEid, 'Not a provision identifier.');

export const documentKey = z
	.string()
	.trim()
	.max(80)
	.regex(/^[a-z0-9-]+$/, 'Not a text of this dossier.');

/**
 * The texts chosen as columns: `cols=a,b,c` or, as a form of checkboxes sends them, `cols=a&cols=b`, without
 * repeats; null when none were chosen. Each key is checked against `documentKey`; a bad one is a 400.
 */
export function columnKeys(url: URL): string[] | null {
	const raw = url.searchParams
		.getAll('cols')
		.flatMap((v) => v.split(','))
		.map((k) => k.trim())
		.filter(Boolean);
	if (raw.length === 0) return null;
	for (const k of raw)
		if (!documentKey.safeParse(k).success)
			error(400, `This comparison cannot be made: “${k.slice(0, 80)}” is not a text of this dossier.`);
	return [...new Set(raw)];
}

/** The most columns a page can hold legibly; printing takes four. */
export const MAX_COLUMNS = 6;

/**
 * The texts the reader chose as columns (`cols`), in the dossier's date order; null when none were chosen.
 * Too few or too many is not an error page but a message for the form (`error`); a text the dossier does not
 * have is a 400.
 */
export function columnChoice(
	url: URL,
	documents: CompareDocument[]
): { columns: CompareDocument[] | null; error: string | null } {
	const keys = columnKeys(url);
	if (!keys) return { columns: null, error: null };
	if (keys.length < 2 || keys.length > MAX_COLUMNS)
		return { columns: null, error: `Choose between 2 and ${MAX_COLUMNS} texts (you chose ${keys.length}).` };
	const chosen = new Set(keys.map((k) => documentByKey(documents, k).key));
	return { columns: documents.filter((d) => chosen.has(d.key)), error: null };
}

/** The query string as an object of its first values (repeated keys are ignored). */
export function queryOf(url: URL): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
	return out;
}

/** Parses the query with `schema`; bad input is a 400 page that says what was wrong. */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
	const parsed = schema.safeParse(queryOf(url));
	if (!parsed.success) {
		const messages = parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
		error(400, `This comparison cannot be made: ${messages.join('; ')}.`);
	}
	return parsed.data;
}

/** The document with this key, or a 400 naming the texts there are. */
export function documentByKey(documents: CompareDocument[], key: string): CompareDocument {
	const found = documents.find((d) => d.key === key);
	if (!found) error(400, `There is no text “${key}”. The texts are: ${documents.map((d) => d.key).join(', ')}.`);
	return found;
}
