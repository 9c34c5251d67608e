/**
 * Finds each provision's counterpart in another document of the act: fixed pairs first (the dossier's
 * numbering maps), then top-level units (articles, recitals, annexes, citations, and the headings of
 * titles/chapters/sections) by text similarity with a bonus for keeping their number, then the parts of
 * each matched pair the same way. The final act renumbered most articles (proposal Article 52 is final
 * Article 50), so numbers alone are not enough; text alone is not either (short points look alike).
 */
import { assignGreedy, jaccard, shingles, sharedShingles, type Scored } from './similarity';

export type MatchMethod = 'numbering_map' | 'same_number' | 'similarity';

/** One text version as the matcher sees it. */
export interface LineageNode {
	/** The text version's id. */
	id: number;
	eid: string;
	kind: string;
	text: string;
	/** Title of an article or annex, which says a lot about renumbered articles. */
	heading?: string | null;
	deleted: boolean;
}

export interface Match {
	from: LineageNode;
	to: LineageNode;
	method: MatchMethod;
	/** The score the pair was chosen by, 0–1 (see `unitSimilarity` and `partSimilarity`). */
	similarity: number;
}

export interface MatchOptions {
	/** Pairs decided beforehand, as source eId → target eId (e.g. from numbering maps). */
	fixed?: ReadonlyMap<string, string>;
	/** Only these source eIds are matched (the rest are ignored); all when absent. */
	onlySources?: ReadonlySet<string>;
	/** Target eIds that are already someone's counterpart and must not be taken. */
	excludeTargets?: ReadonlySet<string>;
	/** Top-level pairs known from elsewhere (source root eId → target root eId), used to match parts. */
	knownRoots?: ReadonlyMap<string, string>;
	/** Shingle sets by text version id, shared between calls over the same texts. */
	cache?: Map<number, Prepared>;
}

/** Below this, two texts under different numbers are not the same provision. */
export const MIN_SIMILARITY = 0.3;
/** Below this, even a part with the same number (within matched articles) is not the same provision. */
export const MIN_SIMILARITY_SAME_NUMBER = 0.12;
const SAME_NUMBER_BONUS = 0.1;
const SAME_KIND_BONUS = 0.02;

const DIVISION = /^(title|chp|sec|part)_/;

/** The top-level unit an eId belongs to ('art_5' for 'art_5__para_1'); divisions are their own unit. */
export function rootOf(eid: string): string {
	if (DIVISION.test(eid)) return eid;
	const at = eid.indexOf('__');
	return at < 0 ? eid : eid.slice(0, at);
}

/** The eId below its top-level unit ('para_1__point_d'); '' for the unit itself. */
export function relativeEid(eid: string): string {
	const root = rootOf(eid);
	return eid === root ? '' : eid.slice(root.length + 2);
}

/** The kind of top-level unit: 'art', 'rec', 'cit', 'anx', or 'division'. */
function unitKind(eid: string): string {
	return DIVISION.test(eid) ? 'division' : eid.slice(0, eid.indexOf('_'));
}

export interface Prepared {
	node: LineageNode;
	set: ReadonlySet<number>;
	/** Words of the heading, for top-level units. */
	heading: Set<string>;
}

/** Links the provisions of `source` to their counterparts in `target` (at most one each way). */
export function matchDocuments(source: LineageNode[], target: LineageNode[], options: MatchOptions = {}): Match[] {
	const sourceByEid = new Map(source.map((n) => [n.eid, n]));
	const targetByEid = new Map(target.map((n) => [n.eid, n]));
	const wanted = (n: LineageNode) => !options.onlySources || options.onlySources.has(n.eid);
	const usedSources = new Set<string>();
	const usedTargets = new Set<string>(options.excludeTargets ?? []);
	const sets = options.cache ?? new Map<number, Prepared>();
	const prepared = (n: LineageNode): Prepared => {
		let p = sets.get(n.id);
		if (!p)
			sets.set(
				n.id,
				(p = { node: n, set: n.deleted ? new Set() : shingles(n.text), heading: headingWords(n.heading) })
			);
		return p;
	};
	const out: Match[] = [];
	const accept = (from: LineageNode, to: LineageNode, method: MatchMethod, similarity: number) => {
		usedSources.add(from.eid);
		usedTargets.add(to.eid);
		out.push({ from, to, method, similarity: round(similarity) });
	};

	for (const [s, t] of options.fixed ?? []) {
		const from = sourceByEid.get(s);
		const to = targetByEid.get(t);
		if (!from || !to || !wanted(from) || usedSources.has(s) || usedTargets.has(t)) continue;
		accept(
			from,
			to,
			'numbering_map',
			partSimilarity(prepared(from), prepared(to), jaccardCommon(prepared(from), prepared(to)))
		);
	}

	// Top-level units, by kind.
	const roots = (nodes: LineageNode[]) => nodes.filter((n) => rootOf(n.eid) === n.eid);
	const rootPairs = new Map<string, string>(options.knownRoots ?? []);
	for (const m of out)
		if (rootOf(m.from.eid) === m.from.eid && rootOf(m.to.eid) === m.to.eid) rootPairs.set(m.from.eid, m.to.eid);
	const freeSourceRoots = roots(source).filter((n) => wanted(n) && !usedSources.has(n.eid) && !rootPairs.has(n.eid));
	const freeTargetRoots = roots(target).filter((n) => !usedTargets.has(n.eid));
	for (const m of pickPairs(freeSourceRoots.map(prepared), freeTargetRoots.map(prepared), unitKind, unitSimilarity)) {
		accept(m.source.node, m.target.node, methodOf(m), m.similarity);
		rootPairs.set(m.source.node.eid, m.target.node.eid);
	}

	// Parts of each pair of units.
	const partsOf = (nodes: LineageNode[]) => {
		const map = new Map<string, LineageNode[]>();
		for (const n of nodes) {
			const root = rootOf(n.eid);
			if (root === n.eid) continue;
			const list = map.get(root);
			if (list) list.push(n);
			else map.set(root, [n]);
		}
		return map;
	};
	const sourceParts = partsOf(source);
	const targetParts = partsOf(target);
	for (const [s, t] of rootPairs) {
		const from = (sourceParts.get(s) ?? []).filter((n) => wanted(n) && !usedSources.has(n.eid));
		const to = (targetParts.get(t) ?? []).filter((n) => !usedTargets.has(n.eid));
		if (from.length === 0 || to.length === 0) continue;
		for (const m of pickPairs(from.map(prepared), to.map(prepared), () => '', partSimilarity)) {
			accept(m.source.node, m.target.node, methodOf(m), m.similarity);
		}
	}
	return out;
}

interface Candidate extends Scored<Prepared, Prepared> {
	sameNumber: boolean;
}

function methodOf(m: Candidate): MatchMethod {
	return m.sameNumber ? 'same_number' : 'similarity';
}

/** Candidate pairs within the same group (kind of unit), scored, then assigned one-to-one. */
function pickPairs(
	sources: Prepared[],
	targets: Prepared[],
	group: (eid: string) => string,
	similarity: (a: Prepared, b: Prepared, common: number) => number
): Candidate[] {
	const candidates: Candidate[] = [];
	const consider = (s: Prepared, t: Prepared, common: number) => {
		if (group(s.node.eid) !== group(t.node.eid)) return;
		const sameNumber = relativeOrSelf(s.node.eid) === relativeOrSelf(t.node.eid);
		const score = similarity(s, t, common);
		if (score < (sameNumber ? MIN_SIMILARITY_SAME_NUMBER : MIN_SIMILARITY)) return;
		const ranked = score + (sameNumber ? SAME_NUMBER_BONUS : 0) + (s.node.kind === t.node.kind ? SAME_KIND_BONUS : 0);
		candidates.push({ source: s, target: t, score: ranked, similarity: score, sameNumber });
	};
	// A deleted slot ("[deleted]") is still the same provision under its own number.
	const byNumber = new Map(targets.map((t) => [relativeOrSelf(t.node.eid), t]));
	for (const s of sources) {
		const t = byNumber.get(relativeOrSelf(s.node.eid));
		if (t && (s.node.deleted || t.node.deleted)) {
			candidates.push({ source: s, target: t, score: 1 + SAME_NUMBER_BONUS, similarity: 0, sameNumber: true });
		}
	}
	// Only pairs sharing at least one shingle can reach a threshold (an inverted index skips the rest).
	const pairs = sharedShingles(
		sources.map((s) => ({ item: s, set: s.set })),
		targets.map((t) => ({ item: t, set: t.set }))
	);
	for (const p of pairs) consider(p.source, p.target, p.common);
	return assignGreedy(candidates) as Candidate[];
}

function relativeOrSelf(eid: string): string {
	return relativeEid(eid) || eid;
}

/** Jaccard similarity of the 3-word shingles: parts of a provision contain their sub-parts, so size must count. */
export function partSimilarity(
	a: { set: ReadonlySet<number> },
	b: { set: ReadonlySet<number> },
	common: number
): number {
	const union = a.set.size + b.set.size - common;
	return union === 0 ? 0 : common / union;
}

/**
 * For whole articles, recitals and annexes: an article that grew (proposal Article 52 into final Article 50)
 * keeps most of its old text, so containment counts as much as Jaccard; a kept title counts half.
 */
export function unitSimilarity(
	a: { set: ReadonlySet<number>; heading: ReadonlySet<string> },
	b: { set: ReadonlySet<number>; heading: ReadonlySet<string> },
	common: number
): number {
	const smaller = Math.min(a.set.size, b.set.size);
	const contained = smaller === 0 ? 0 : common / smaller;
	const text = Math.max(partSimilarity(a, b, common), 0.8 * contained);
	if (a.heading.size === 0 || b.heading.size === 0) return text;
	return 0.5 * text + 0.5 * jaccard(a.heading, b.heading);
}

function jaccardCommon(a: Prepared, b: Prepared): number {
	let n = 0;
	const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
	for (const x of small) if (large.has(x)) n++;
	return n;
}

function headingWords(heading: string | null | undefined): Set<string> {
	return new Set((heading ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
