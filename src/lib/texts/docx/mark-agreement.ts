/**
 * How far a Council text's own change marks agree with our diff engine. Bold and strikethrough mark what
 * changed against the Commission proposal, so for every recital, article and annex found in both, the words
 * the document marks should be the words `diffProvisionText(proposal, council)` inserts and deletes, and the
 * words the diff changes should be marked. Underlining marks what changed against the previous compromise.
 * Pure, so the unit tests and `npm run bench:diff` print the same figures.
 */
import { splitDocument, type SourceItem } from '../../provisions/split';
import { eidSegment, type EidPrefix } from '../../provisions/eid';
import { diffProvisionText } from '../../diff/index';
import { isLabelToken, isWordToken, tokenise } from '../../diff/tokenise';
import type { CouncilItem } from './read';

export interface MarkPlace {
	eid: string;
	/** The words concerned, in reading order. */
	words: string[];
	kind: 'unmarked change' | 'mark without change';
}

export interface MarkAgreement {
	/** Items present in both texts that were compared. */
	items: number;
	/** Words in bold (added) and struck-through (deleted) runs; labels and footnote markers aside. */
	markedWords: number;
	/** Of those, words our diff also inserts (for bold) or deletes (for struck-through). */
	markedFound: number;
	/**
	 * Of the marked words our diff does not change, words the document both strikes and prints again in bold
	 * in the same item: it marks a reworded stretch whole, where our diff keeps the words it can reuse.
	 */
	markedRewritten: number;
	/** Words our diff inserts or deletes. */
	changedWords: number;
	/** Of those, words the document does not mark. */
	changedUnmarked: number;
	/**
	 * Of the unmarked ones, words our diff both deletes and re-inserts in the same item: its clean-up shows a
	 * reworded stretch as one deletion and one insertion, so words the Council kept count as changed.
	 */
	unmarkedRewritten: number;
	places: MarkPlace[];
}

const TOP = /^(rec|art|anx)_[^_]+$/;

/** Words of a text that count: tokens with a letter or digit, not labels like "(a)", not `[^12]`. */
export function countedWords(text: string): string[] {
	return tokenise(text).tokens.filter((t) => isWordToken(t) && !isLabelToken(t) && !t.startsWith('[^'));
}

function bag(words: string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
	return m;
}

/** Takes `words` out of `pool` one by one; returns the words that were not there. */
function takeFrom(pool: Map<string, number>, words: string[]): string[] {
	const missing: string[] = [];
	for (const w of words) {
		const n = pool.get(w) ?? 0;
		if (n > 0) pool.set(w, n - 1);
		else missing.push(w);
	}
	return missing;
}

function topTexts(items: SourceItem[]): Map<string, string> {
	return new Map(splitDocument(items).filter((n) => TOP.test(n.eid)).map((n) => [n.eid, n.text]));
}

/** Inserted and deleted words of the diff from `before` to `after`. */
function changedBy(before: string, after: string): { inserted: string[]; deleted: string[] } {
	const diff = diffProvisionText(before, after, { budgetMs: 2000 });
	const inserted: string[] = [];
	const deleted: string[] = [];
	for (const p of diff.paragraphs) {
		for (const s of p.segments) {
			if (s.type === 'insert') inserted.push(...countedWords(s.text));
			else if (s.type === 'delete') deleted.push(...countedWords(s.text));
		}
	}
	return { inserted, deleted };
}

/**
 * Compares the document's bold/struck marks with our diff from the Commission proposal, item by item
 * (same eId at the top level: recitals, articles, annexes).
 */
export function markAgreement(proposalItems: SourceItem[], councilItems: CouncilItem[]): MarkAgreement {
	const before = topTexts(proposalItems);
	const after = topTexts(councilItems);
	const byEid = itemsByEid(councilItems);
	const out: MarkAgreement = { items: 0, markedWords: 0, markedFound: 0, markedRewritten: 0, changedWords: 0, changedUnmarked: 0, unmarkedRewritten: 0, places: [] };
	for (const [eid, text] of after) {
		const old = before.get(eid);
		const item = byEid.get(eid);
		if (old === undefined || !item) continue;
		out.items++;
		const { inserted, deleted } = changedBy(old, text);
		const added = item.marks.added.flatMap(countedWords);
		const struck = item.marks.deleted.flatMap(countedWords);
		const addedNotInDiff = takeFrom(bag(inserted), added);
		const struckNotInDiff = takeFrom(bag(deleted), struck);
		const unmarkedIns = takeFrom(bag(added), inserted);
		const unmarkedDel = takeFrom(bag(struck), deleted);
		const unmarked = [...unmarkedIns, ...unmarkedDel];
		const rewritten = unmarkedIns.length - takeFrom(bag(deleted), unmarkedIns).length + unmarkedDel.length - takeFrom(bag(inserted), unmarkedDel).length;
		out.markedWords += added.length + struck.length;
		out.markedFound += added.length + struck.length - addedNotInDiff.length - struckNotInDiff.length;
		out.markedRewritten += addedNotInDiff.length - takeFrom(bag(struck), addedNotInDiff).length + struckNotInDiff.length - takeFrom(bag(added), struckNotInDiff).length;
		out.changedWords += inserted.length + deleted.length;
		out.changedUnmarked += unmarked.length;
		out.unmarkedRewritten += rewritten;
		if (unmarked.length) out.places.push({ eid, words: unmarked, kind: 'unmarked change' });
		const stray = [...addedNotInDiff, ...struckNotInDiff];
		if (stray.length) out.places.push({ eid, words: stray, kind: 'mark without change' });
	}
	return out;
}

export interface UnderlineAgreement {
	items: number;
	/** Words our diff from the previous compromise inserts or deletes. */
	changedWords: number;
	/** Of those, words in underlined runs of this text. */
	inUnderline: number;
}

/** How many words our diff from the previous compromise to this one changes fall in underlined runs. */
export function underlineAgreement(previousItems: SourceItem[], councilItems: CouncilItem[]): UnderlineAgreement {
	const before = topTexts(previousItems);
	const after = topTexts(councilItems);
	const items = itemsByEid(councilItems);
	const out: UnderlineAgreement = { items: 0, changedWords: 0, inUnderline: 0 };
	for (const [eid, text] of after) {
		const old = before.get(eid);
		const item = items.get(eid);
		if (old === undefined || !item) continue;
		out.items++;
		const { inserted, deleted } = changedBy(old, text);
		const changed = [...inserted, ...deleted];
		out.changedWords += changed.length;
		out.inUnderline += changed.length - takeFrom(bag(item.marks.changed.flatMap(countedWords)), changed).length;
	}
	return out;
}

const PREFIX: Record<string, EidPrefix> = { citation: 'cit', recital: 'rec', article: 'art', annex: 'anx' };

/** The item behind each top-level eId (the first one, should a number be printed twice). */
function itemsByEid(items: CouncilItem[]): Map<string, CouncilItem> {
	const out = new Map<string, CouncilItem>();
	for (const item of items) {
		const eid = eidSegment(PREFIX[item.kind] ?? 'art', item.number);
		if (!out.has(eid)) out.set(eid, item);
	}
	return out;
}
