import { childEid, eidNum, parentEidOf, type EidPrefix } from './eid';

/** What an EP amendment's printed target ("Article 5 – paragraph 1 – point d a (new)") points at. */
export interface ResolvedTarget {
	/** eId in the scheme of split.ts, read literally from the EP wording; null when the target is not understood. */
	eid: string | null;
	/** Parent by eId path (null for top-level provisions). */
	parentEid: string | null;
	/** Some step of the target is marked "(new)". */
	isNew: boolean;
	/** 'whole', 'introductory' (the words before a list), 'heading' (a title), or, for a section/chapter
	 * heading the EP places at an article, 'section-heading' / 'chapter-heading' with eid = that article. */
	part: 'whole' | 'introductory' | 'heading' | 'section-heading' | 'chapter-heading';
	/** For 'section-heading' / 'chapter-heading': which heading ("Article 68 – Chapter 3a (new)"). */
	division?: { kind: 'section' | 'chapter'; num: string; isNew: boolean };
	/** Why eid is null. */
	reason?: string;
}

/** One step of a target path. */
export interface TargetSegment {
	prefix: EidPrefix;
	/** Number as it goes into the eId: "1a", "da", "4.5", "VIII". */
	num: string;
	isNew: boolean;
}

/** A target read into eId segments, before any look-up. */
export interface ParsedTarget {
	segments: TargetSegment[];
	part: ResolvedTarget['part'];
	division?: ResolvedTarget['division'];
}

const WORDS: Record<string, EidPrefix> = {
	citation: 'cit',
	recital: 'rec',
	article: 'art',
	annex: 'anx',
	title: 'title',
	chapter: 'chp',
	section: 'sec',
	paragraph: 'para',
	subparagraph: 'subpara',
	point: 'point'
};

/**
 * Reads one printed EP target into eId segments. The EP separates levels with " – " and writes inserted
 * provisions as "point d a (new)"; "a" joins the number ("da") as the Council and the final act print it.
 * Returns null when a step is not understood.
 */
export function parseTarget(target: string): ParsedTarget | null {
	const steps = target
		.split(/\s+–\s*/)
		.map((s) => s.trim())
		.filter((s) => s !== ''); // Amendment 255 ends in a stray " –"
	const segments: TargetSegment[] = [];
	let part: ResolvedTarget['part'] = 'whole';
	let division: ResolvedTarget['division'];
	for (const [i, step] of steps.entries()) {
		const last = i === steps.length - 1;
		if (/^introductory part$/i.test(step) && last) {
			part = 'introductory';
			continue;
		}
		if (/^title$/i.test(step) && last) {
			if (!division) part = 'heading';
			continue;
		}
		const m = /^([A-Za-z]+)\s+(-?\s*[0-9A-Za-z.]+(?:\s+[a-z]{1,2})?)\s*(\(new\))?$/.exec(step);
		const prefix = m ? WORDS[m[1].toLowerCase()] : undefined;
		if (!m || !prefix) return null;
		const isNew = m[3] !== undefined;
		const printed = m[2].replace(/\s+/g, '');
		// The EP names section and chapter headings it inserts between articles by the article they precede.
		if ((prefix === 'sec' || prefix === 'chp') && segments[0]?.prefix === 'art') {
			division = { kind: prefix === 'sec' ? 'section' : 'chapter', num: printed, isNew };
			part = prefix === 'sec' ? 'section-heading' : 'chapter-heading';
			continue;
		}
		segments.push({ prefix, num: eidNum(prefix, printed), isNew });
	}
	return segments.length ? { segments, part, division } : null;
}

/** Builds the eId of the first `count` segments. */
export function segmentsEid(segments: TargetSegment[], count = segments.length): string | null {
	let eid: string | null = null;
	for (const s of segments.slice(0, count)) eid = childEid(eid, `${s.prefix}_${s.num}`);
	return eid;
}

/**
 * Resolves an EP amendment's printed target to an eId in the scheme of split.ts, literally: "Article 5 –
 * paragraph 1 – point d a (new)" → `art_5__para_1__point_da`, new, under `art_5__para_1`. Where the EP's
 * numbering differs from the proposal's layout (annex "paragraph 1", unnumbered articles), use
 * resolveAgainst with the proposal's eIds.
 */
export function resolveTarget(target: string): ResolvedTarget {
	const parsed = parseTarget(target);
	if (!parsed) {
		return { eid: null, parentEid: null, isNew: false, part: 'whole', reason: `unrecognised target "${target}"` };
	}
	const eid = segmentsEid(parsed.segments);
	const result: ResolvedTarget = {
		eid,
		parentEid: eid ? parentEidOf(eid) : null,
		isNew: parsed.segments.some((s) => s.isNew) || parsed.division?.isNew === true,
		part: parsed.part
	};
	if (parsed.division) result.division = parsed.division;
	return result;
}

/** resolveTarget's answer checked against one document's eIds. */
export interface TargetMatch extends ResolvedTarget {
	/** The eId exists in the document or, for a new provision, its parent does (or it is top-level). */
	resolved: boolean;
	/** What resolveTarget read literally. */
	literalEid: string | null;
	/** The fallback rules that led from literalEid to eid, joined by '+'; null when the literal eId was found. */
	fallback: string | null;
	/** Only when texts were given: whether the node's text starts with (or contains) the Commission column. */
	textMatch?: boolean;
}

/** eIds of a document, or eIds with their texts (see split.ts `text`). */
type Known = ReadonlySet<string> | ReadonlyMap<string, string>;

interface Candidate {
	segments: TargetSegment[];
	part: ResolvedTarget['part'];
	rules: string[];
}

/**
 * Resolves a target against the eIds of one document (normally the split proposal), falling back where the
 * EP numbers differently from the proposal's layout:
 * - 'unnumbered-paragraph': "paragraph K" of an article or annex whose paragraphs are unnumbered → `subpara_K`;
 * - 'paragraph-1-dropped': "Annex III – paragraph 1 – point 2" → `anx_III__point_2` (the EP treats an
 *   annex's opening words and its list as paragraph 1; the law cites "point 2 of Annex III");
 * - 'subparagraph-counted-without-opening': the EP sometimes counts only the unnumbered blocks after a
 *   numbered paragraph's opening words, so its "subparagraph 1" is our `subpara_2`;
 * - 'first-subparagraph-is-opening': "subparagraph 1" meaning a paragraph's own opening words;
 * - 'implicitly-new': a provision with an inserted number ("Article 58 a") that the target does not mark new.
 * Pass `known` as a Map from eId to text, and the amendment's Commission column, to choose between these
 * readings by text; with a Set the first existing reading wins. A new provision resolves when its parent
 * exists; among parents, one that holds the label it is inserted after ("e" for "e a") is preferred.
 */
export function resolveAgainst(target: string, known: Known, commissionText?: string): TargetMatch {
	const literal = resolveTarget(target);
	const parsed = parseTarget(target);
	const base: TargetMatch = { ...literal, resolved: false, literalEid: literal.eid, fallback: null };
	if (!parsed) return base;
	const texts = known instanceof Map ? (known as ReadonlyMap<string, string>) : null;
	const wanted = commissionText ? normalise(commissionText).slice(0, 80) : '';
	const firstNew = parsed.segments.findIndex((s) => s.isNew);
	const cut = firstNew < 0 ? parsed.segments.length : firstNew;
	let best: { c: Candidate; score: number; textMatch?: boolean } | null = null;
	for (const c of candidates(parsed, cut)) {
		const existing = c.segments.length - (parsed.segments.length - cut);
		const anchor = segmentsEid(c.segments, existing);
		const eid = segmentsEid(c.segments) as string;
		if (anchor !== null && !known.has(anchor)) continue;
		let score = 0;
		let textMatch: boolean | undefined;
		if (cut < parsed.segments.length) {
			const inserted = c.segments[existing];
			const after = inserted.num.replace(/(?<=\d)[a-z]+$|(?<=^-?[a-z])[a-z]+$/, '');
			if (after !== inserted.num && known.has(childEid(anchor, `${inserted.prefix}_${after}`))) score = 1;
		} else if (texts && wanted && checksText(eid, c.part)) {
			const text = normalise(texts.get(eid) ?? '');
			score = text.startsWith(wanted) ? 3 : text.includes(wanted) ? 2 : 0;
			textMatch = score > 0;
		}
		if (!best || score > best.score) best = { c, score, textMatch };
	}
	if (texts && wanted && cut === parsed.segments.length && best?.textMatch !== true) {
		const found = findByText(texts, wanted, candidates(parsed, cut));
		if (found) best = { c: found, score: 3, textMatch: true };
	}
	if (!best) return implicitlyNew(base, parsed, known);
	const eid = segmentsEid(best.c.segments) as string;
	const match: TargetMatch = {
		...base,
		eid,
		parentEid: parentEidOf(eid),
		part: best.c.part,
		resolved: true,
		fallback: best.c.rules.length ? best.c.rules.join('+') : null
	};
	if (best.textMatch !== undefined) match.textMatch = best.textMatch;
	return match;
}

/** Readings of the target's existing part, literal first, each followed by the new tail unchanged. */
function candidates(parsed: ParsedTarget, cut: number): Candidate[] {
	let out: Candidate[] = [{ segments: [], part: parsed.part, rules: [] }];
	for (let i = 0; i < cut; i++) {
		const s = parsed.segments[i];
		const terminal = i === parsed.segments.length - 1;
		const next: Candidate[] = [];
		for (const c of out) {
			const add = (segs: TargetSegment[], rule?: string, part = c.part) =>
				next.push({ segments: [...c.segments, ...segs], part, rules: rule ? [...c.rules, rule] : c.rules });
			add([s]);
			if (s.prefix === 'para' && i === 1) {
				// Before a point, "paragraph 1" of an unnumbered article or annex is the whole body; alone it is
				// the first unnumbered block.
				if (s.num === '1' && !terminal) add([], 'paragraph-1-dropped');
				add([{ ...s, prefix: 'subpara' }], 'unnumbered-paragraph');
			}
			const n = Number(s.num);
			if (s.prefix === 'subpara' && Number.isInteger(n)) {
				add([{ ...s, num: String(n + 1) }], 'subparagraph-counted-without-opening');
				if (n === 1) add([], 'first-subparagraph-is-opening', terminal ? 'introductory' : c.part);
			}
		}
		out = next;
	}
	const tail = parsed.segments.slice(cut);
	return out.map((c) => ({ ...c, segments: [...c.segments, ...tail] }));
}

/** Headings and whole articles are not compared: the Commission column adds "Article 4" and the title. */
function checksText(eid: string, part: ResolvedTarget['part']): boolean {
	return eid.includes('__') && (part === 'whole' || part === 'introductory');
}

/**
 * Last resort for a misprinted label: the proposal's Article 1 has two points "(a)", so the EP's "point e" is
 * the proposal's "(d)". Looks for a sibling of the same kind whose text starts with the Commission column.
 */
function findByText(texts: ReadonlyMap<string, string>, wanted: string, cands: Candidate[]): Candidate | null {
	for (const c of cands) {
		const last = c.segments[c.segments.length - 1];
		const parent = segmentsEid(c.segments, c.segments.length - 1);
		if (!parent || !texts.has(parent) || !checksText(`${parent}__`, c.part)) continue;
		const stem = `${parent}__${last.prefix}_`;
		for (const [eid, text] of texts) {
			if (!eid.startsWith(stem) || eid.includes('__', stem.length)) continue;
			if (!normalise(text).startsWith(wanted)) continue;
			const segments = [...c.segments.slice(0, -1), { ...last, num: eid.slice(stem.length) }];
			return { ...c, segments, rules: [...c.rules, 'matched-by-text'] };
		}
	}
	return null;
}

/** "Article 58 a – SECTION 5 – title" names an article the EP inserts elsewhere without "(new)". */
function implicitlyNew(base: TargetMatch, parsed: ParsedTarget, known: Known): TargetMatch {
	const segs = parsed.segments;
	let m = 0;
	while (m < segs.length && known.has(segmentsEid(segs, m + 1) as string)) m++;
	const parent = m === 0 ? null : segmentsEid(segs, m);
	if (m === segs.length || !/^-|\d[a-z]+$/.test(segs[m].num)) {
		return { ...base, reason: 'no such provision in the document' };
	}
	return { ...base, isNew: true, parentEid: parent, resolved: true, fallback: 'implicitly-new' };
}

/** Text for comparison: no footnote markers, labels, quote styles or spacing differences. */
function normalise(text: string): string {
	return text
		.replace(/\[\^\w+\]/g, '')
		.replace(/[‘’“”"]/g, "'")
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^(\((-?[a-z]{1,4}|\d+[a-z]{0,2})\)|[a-z]\)|-?\d+(\.\d+)*\s?[a-z]{0,2}\.)\s+/i, '')
		.toLowerCase();
}
