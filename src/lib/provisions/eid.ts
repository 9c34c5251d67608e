/**
 * Akoma Ntoso-style identifiers (eIds) shared by the splitter and the EP target resolver, so that both produce
 * the same string for the same provision. An eId is a path of `prefix_num` segments joined by `__`, for
 * example `art_5__para_1__point_h__point_i`.
 */

/** Segment prefixes, following the Akoma Ntoso naming convention where one exists. */
export type EidPrefix =
	'cit' | 'rec' | 'art' | 'anx' | 'title' | 'chp' | 'sec' | 'part' | 'para' | 'subpara' | 'point' | 'indent' | 'line';

/** Prefixes whose number keeps its case: Roman numerals of annexes, titles and chapters, section letters. */
const KEEPS_CASE = new Set<EidPrefix>(['anx', 'title', 'chp', 'sec', 'part']);

/**
 * Normalises a printed number for use in an eId: "(h)" → "h", "4 a" → "4a", "1." → "1", "4.5." → "4.5".
 * Points and paragraphs are lower-cased so that "Point D" and "(d)" meet; annex numerals keep their case
 * because "VIIIa" is how the Council prints them.
 */
export function eidNum(prefix: EidPrefix, printed: string | number): string {
	let num = String(printed)
		.trim()
		.replace(/^\(|\)$/g, '')
		.replace(/\.$/, '')
		.replace(/\s+/g, '');
	if (!KEEPS_CASE.has(prefix)) num = num.toLowerCase();
	return num;
}

/** One eId segment, e.g. `eidSegment('point', '(h)')` → `point_h`. */
export function eidSegment(prefix: EidPrefix, printed: string | number): string {
	return `${prefix}_${eidNum(prefix, printed)}`;
}

/** Appends a segment to a parent eId (or starts a new one when the parent is null). */
export function childEid(parentEid: string | null, segment: string): string {
	return parentEid ? `${parentEid}__${segment}` : segment;
}

/** The parent of an eId by its path, or null for a top-level provision. */
export function parentEidOf(eid: string): string | null {
	const at = eid.lastIndexOf('__');
	return at < 0 ? null : eid.slice(0, at);
}
