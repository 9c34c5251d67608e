import { z } from 'zod';

/**
 * The small input rules shared by forms, filters, imports and route parameters. Pure, so the server and the
 * browser agree; route parameters reach them through the matchers in `src/params/`.
 */

/** Largest id PostgreSQL's `integer` holds: a bigger number in a URL or form is simply not found. */
const MAX_ID = 2_147_483_647;

/** A database id written as digits ('42'): the number, or null for anything else (never NaN, never a 500). */
export function parseId(raw: string | null | undefined): number | null {
	if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
	const id = Number(raw);
	return id <= MAX_ID ? id : null;
}

/** A form field holding a database id. */
export const idField = z
	.string()
	.trim()
	.refine((s) => parseId(s) !== null, 'Not a valid id.')
	.transform((s) => parseId(s)!);

/**
 * Whether a string has the shape of a provision eId: `prefix_number` steps joined by `__`
 * ('art_5__para_1__point_h', 'title_III__chp_3', the EP's inserted 'art_-57a').
 */
export function isEid(value: string): boolean {
	return value.length <= 200 && /^[a-z]+_[-A-Za-z0-9._]+(__[a-z]+_[-A-Za-z0-9._]+)*$/.test(value);
}

/** A slug as the site's addresses use them (dossiers, actors, topics, documents, criteria): 'ai-act', 'post-rbi'. */
export function isSlug(value: string): boolean {
	return /^[a-z0-9-]{1,80}$/.test(value);
}

/** A form field holding a slug, with what to type. */
export const slugField = z
	.string()
	.trim()
	.refine(isSlug, 'Lower-case letters, digits and hyphens (at most 80), e.g. “emotion-recognition”.');

/** A real calendar date, possibly partial: '2022-12-06', '2022-12' or '2022'. */
export function isPartialDate(s: string): boolean {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
	if (!m) return false;
	const [, y, mo, d] = m;
	if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
	if (d) {
		const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
		return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1;
	}
	return true;
}

/** A full date ('2022-12-06') only. */
export const isFullDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isPartialDate(s);

/** A form field holding a partial date or nothing: trimmed, '' when unknown. */
export function partialDateField(message = 'A date as YYYY-MM-DD, YYYY-MM or YYYY, or empty when unknown.') {
	return z
		.string()
		.trim()
		.refine((s) => s === '' || isPartialDate(s), message);
}
