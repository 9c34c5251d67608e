/**
 * How far a Council text's own change marks agree with our diff engine. Bold and strikethrough mark what
 * changed against the Commission proposal, so for every recital, article and annex found in both, the words
 * the document marks should be the words `diffProvisionText(proposal, council)` inserts and deletes, and the
 * words the diff changes should be marked. Underlining marks what changed against the previous compromise.
 *
 * Words are compared in place, not as bags: the document gives two versions of each item (its text, and with
 * bold left out and struck text kept, its copy of the proposal), each word flagged by its mark; our diff gives
 * the proposal and the Council text, each word flagged as changed. The document's copy of the proposal is
 * aligned with the seeded proposal, and its text with the text our diff was given, so every disagreeing word
 * can be traced to a cause (see `Cause`). Pure, so the unit tests and `npm run bench:diff` print the same figures.
 */
import { diffArrays } from 'diff';
import { splitDocument, type SourceItem } from '../../provisions/split';
import { eidSegment, type EidPrefix } from '../../provisions/eid';
import { isLabelToken, isWordToken, tokenise } from '../../diff/tokenise';
import type { Word } from '../../diff/marks';
import { diffSides, documentSides, underlinedSides, type ChangeHow } from './marked-words';
import type { CouncilItem } from './read';

/**
 * Why a word is marked but not changed by our diff, or changed but not marked. The first three are the
 * document's doing, the others ours (the reader's, or the diff's choices).
 */
export type Cause =
	/** The document's copy of the proposal differs from the proposal here without a mark: an unmarked change. */
	| 'unmarked by the document'
	/** As that, in an item where the conversion from PDF drew words as pictures, and the document prints next to nothing of them. */
	| 'drawn as pictures'
	/** Struck words the proposal never had: an earlier compromise's addition, deleted again. */
	| 'struck, not in the proposal'
	/** Bold on words the proposal has at that place, unstruck. */
	| 'bold, in the proposal'
	/** The document strikes a word and prints it again in bold at the same place; our diff keeps it. */
	| 'struck and printed again'
	/** The proposal's copy and the document's differ only in spacing, hyphens, case or punctuation. */
	| 'spelling'
	/** The document keeps the word in place; our diff deletes it and inserts it again (see ChangeHow). */
	| ChangeHow
	/** Our diff keeps (or changes) the same word at a neighbouring place than the document does. */
	| 'same word elsewhere'
	/** The word is not where the reader put it: the item text differs from the document's printed lines. */
	| 'reader';

export const DOCUMENT_CAUSES: Cause[] = [
	'unmarked by the document',
	'drawn as pictures',
	'struck, not in the proposal',
	'bold, in the proposal',
	'struck and printed again'
];

export interface MarkPlace {
	eid: string;
	kind: 'unmarked change' | 'mark without change';
	cause: Cause;
	/** Bold words or words our diff inserts ('added'); struck words or words our diff deletes ('deleted'). */
	side: 'added' | 'deleted';
	/** The words concerned, in reading order (for a change the document leaves unmarked: what the proposal has). */
	words: string[];
	/** For a change the document leaves unmarked: what it prints instead of `words`. */
	printed?: string[];
}

export interface MarkAgreement {
	/** Items present in both texts that were compared. */
	items: number;
	/** Words in bold (added) and struck-through (deleted) runs; labels, footnote markers and "[deleted]" aside. */
	markedWords: number;
	/** Of those, words our diff also inserts (for bold) or deletes (for struck-through) at the same place. */
	markedFound: number;
	/** Words our diff inserts or deletes. */
	changedWords: number;
	/** Of those, words the document does not mark at that place. */
	changedUnmarked: number;
	/** The disagreeing words by cause: marked but unchanged, changed but unmarked. */
	notFoundBy: Partial<Record<Cause, number>>;
	unmarkedBy: Partial<Record<Cause, number>>;
	places: MarkPlace[];
}

const TOP = /^(rec|art|anx)_[^_]+$/;
/** Causes of a word that lies in a gap between the document's copy of the proposal and the proposal. */
const COPY_CAUSES = new Set<Cause>(['spelling', 'drawn as pictures', 'unmarked by the document']);

/** Words of a text that count: tokens with a letter or digit, not labels like "(a)", not `[^12]`. */
export function countedWords(text: string): string[] {
	return tokenise(text).tokens.filter((t) => isWordToken(t) && !isLabelToken(t) && !t.startsWith('[^'));
}

function topTexts(items: SourceItem[]): Map<string, string> {
	return new Map(
		splitDocument(items)
			.filter((n) => TOP.test(n.eid))
			.map((n) => [n.eid, n.text])
	);
}

const letters = (ws: Word[]) =>
	ws
		.map((w) => w.text)
		.join('')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');

/** Word alignment of two versions of one text (an LCS over tokens): index maps both ways, -1 when unmatched. */
interface Alignment {
	there: Int32Array;
	back: Int32Array;
	/** Per unmatched word of each side: its gap holds the same letters on both sides (a spelling difference). */
	spellingA: Uint8Array;
	spellingB: Uint8Array;
	/** The gaps: [a0, a1, b0, b1] word ranges that differ. */
	gaps: [number, number, number, number][];
	/** Per unmatched word of each side: the index of its gap. */
	gapA: Int32Array;
	gapB: Int32Array;
}

function align(a: Word[], b: Word[]): Alignment {
	const out: Alignment = {
		there: new Int32Array(a.length).fill(-1),
		back: new Int32Array(b.length).fill(-1),
		spellingA: new Uint8Array(a.length),
		spellingB: new Uint8Array(b.length),
		gaps: [],
		gapA: new Int32Array(a.length).fill(-1),
		gapB: new Int32Array(b.length).fill(-1)
	};
	const changes = diffArrays(
		a.map((w) => w.text),
		b.map((w) => w.text),
		{ timeout: 5000 }
	) ?? [
		{ count: a.length, removed: true, added: false, value: [] },
		{ count: b.length, added: true, removed: false, value: [] }
	];
	let i = 0;
	let j = 0;
	let gap: [number, number, number, number] | null = null;
	const close = () => {
		if (!gap) return;
		const same = letters(a.slice(gap[0], gap[1])) === letters(b.slice(gap[2], gap[3]));
		if (same) {
			out.spellingA.fill(1, gap[0], gap[1]);
			out.spellingB.fill(1, gap[2], gap[3]);
		}
		out.gapA.fill(out.gaps.length, gap[0], gap[1]);
		out.gapB.fill(out.gaps.length, gap[2], gap[3]);
		out.gaps.push(gap);
		gap = null;
	};
	for (const c of changes) {
		if (c.removed || c.added) {
			gap ??= [i, i, j, j];
			if (c.removed) gap[1] = i += c.count;
			else gap[3] = j += c.count;
			continue;
		}
		close();
		for (let k = 0; k < c.count; k++) {
			out.there[i] = j;
			out.back[j] = i;
			i++;
			j++;
		}
	}
	close();
	return out;
}

function inverse(map: number[], size: number): Int32Array {
	const out = new Int32Array(size).fill(-1);
	map.forEach((v, k) => {
		if (v >= 0) out[v] = k;
	});
	return out;
}

/**
 * Whether every counted word across a spelling gap from word `k` is marked: "human defined" struck in the
 * document's copy of the proposal is the proposal's "human-defined", deleted or not as one word.
 */
function markedAcross(al: Alignment, k: number, from: 'a' | 'b', other: Word[]): boolean {
	const spelling = from === 'a' ? al.spellingA[k] : al.spellingB[k];
	const g = from === 'a' ? al.gapA[k] : al.gapB[k];
	if (!spelling || g < 0) return false;
	const [a0, a1, b0, b1] = al.gaps[g];
	const words = (from === 'a' ? other.slice(b0, b1) : other.slice(a0, a1)).filter((w) => w.counted);
	return words.length > 0 && words.every((w) => w.marked);
}

/**
 * Compares the document's bold/struck marks with our diff from the Commission proposal, item by item
 * (same eId at the top level: recitals, articles, annexes), word by word in place.
 */
export function markAgreement(proposalItems: SourceItem[], councilItems: CouncilItem[]): MarkAgreement {
	const before = topTexts(proposalItems);
	const after = topTexts(councilItems);
	const byEid = itemsByEid(councilItems);
	const out: MarkAgreement = {
		items: 0,
		markedWords: 0,
		markedFound: 0,
		changedWords: 0,
		changedUnmarked: 0,
		notFoundBy: {},
		unmarkedBy: {},
		places: []
	};
	for (const [eid, text] of after) {
		const old = before.get(eid);
		const item = byEid.get(eid);
		if (old === undefined || !item) continue;
		out.items++;
		compareItem(eid, old, text, item, out);
	}
	return out;
}

function compareItem(eid: string, old: string, text: string, item: CouncilItem, out: MarkAgreement): void {
	const doc = documentSides(item.shown);
	const ours = diffSides(old, text);
	const news = align(ours.after, doc.after); // our Council text → the document's
	const olds = align(ours.before, doc.before); // the proposal → the document's copy of it
	const keptBy = inverse(ours.keeps, ours.before.length); // proposal word → our kept Council word
	// The same printed word on both of the document's sides.
	const printedAt = new Map(doc.before.map((w, k) => [`${w.line}:${w.at}:${w.text}`, k]));
	const toOld = doc.after.map((w) => (w.marked ? -1 : (printedAt.get(`${w.line}:${w.at}:${w.text}`) ?? -1)));
	const toNew = inverse(toOld, doc.before.length);

	const notFound: { cause: Cause; word: Word; at: number }[] = [];
	const unmarked: { cause: Cause; word: Word; at: number }[] = [];
	// Where the document's copy of the proposal differs from the proposal, one cause per gap.
	const gapCause = (a0: number, a1: number, b0: number, b1: number): Cause => {
		if (olds.spellingA[a0] || olds.spellingB[b0]) return 'spelling';
		const was = ours.before.slice(a0, a1).filter((w) => w.counted).length;
		const now = doc.before.slice(b0, b1).filter((w) => w.counted).length;
		return item.textPictures && now <= Math.max(2, was / 4) ? 'drawn as pictures' : 'unmarked by the document';
	};
	const causeA: Cause[] = [];
	const causeB: Cause[] = [];
	for (const [a0, a1, b0, b1] of olds.gaps) {
		const c = gapCause(a0, a1, b0, b1);
		for (let k = a0; k < a1; k++) causeA[k] = c;
		for (let k = b0; k < b1; k++) causeB[k] = c;
	}
	// A word the document keeps and our diff replaces: within one paragraph pair, or moved to another paragraph.
	const how = (o: number, p: number): Cause =>
		ours.after[o].line !== ours.before[p].line ? 'across paragraphs' : ours.howAfter[o];

	// Bold words of the document.
	doc.after.forEach((d, k) => {
		if (!d.counted || !d.marked) return;
		out.markedWords++;
		const o = news.back[k];
		if (o >= 0 ? ours.after[o].marked : markedAcross(news, k, 'b', ours.after)) return void out.markedFound++;
		const p = o >= 0 ? ours.keeps[o] : -1;
		const q = p >= 0 ? olds.there[p] : -1;
		const cause: Cause =
			o < 0
				? 'reader'
				: q < 0
					? olds.spellingA[p]
						? 'spelling'
						: 'bold, in the proposal'
					: doc.before[q].marked
						? 'struck and printed again'
						: 'same word elsewhere';
		notFound.push({ cause, word: d, at: k });
	});
	// Struck words of the document.
	doc.before.forEach((d, k) => {
		if (!d.counted || !d.marked) return;
		out.markedWords++;
		const p = olds.back[k];
		if (p >= 0 ? ours.before[p].marked : markedAcross(olds, k, 'b', ours.before)) return void out.markedFound++;
		const o = p >= 0 ? keptBy[p] : -1;
		const n = o >= 0 ? news.there[o] : -1;
		const cause: Cause =
			p < 0
				? olds.spellingB[k]
					? 'spelling'
					: 'struck, not in the proposal'
				: n < 0
					? 'reader'
					: doc.after[n].marked
						? 'struck and printed again'
						: 'same word elsewhere';
		notFound.push({ cause, word: d, at: doc.after.length + k });
	});
	// Words our diff inserts.
	ours.after.forEach((w, o) => {
		if (!w.counted || !w.marked) return;
		out.changedWords++;
		const d = news.there[o];
		if (d >= 0 ? doc.after[d].marked : markedAcross(news, o, 'a', doc.after)) return;
		const q = d >= 0 ? toOld[d] : -1;
		const p = q >= 0 ? olds.back[q] : -1;
		const cause: Cause =
			d < 0 || q < 0 ? 'reader' : p < 0 ? causeB[q] : ours.before[p].marked ? how(o, p) : 'same word elsewhere';
		unmarked.push({ cause, word: w, at: o });
	});
	// Words our diff deletes.
	ours.before.forEach((w, p) => {
		if (!w.counted || !w.marked) return;
		out.changedWords++;
		const q = olds.there[p];
		if (q >= 0 ? doc.before[q].marked : markedAcross(olds, p, 'a', doc.before)) return;
		const d = q >= 0 ? toNew[q] : -1;
		const o = d >= 0 ? news.back[d] : -1;
		const cause: Cause =
			q < 0 ? causeA[p] : o < 0 ? 'reader' : ours.after[o].marked ? how(o, p) : 'same word elsewhere';
		unmarked.push({ cause, word: w, at: ours.after.length + p });
	});
	out.changedUnmarked += unmarked.length;
	for (const x of notFound) out.notFoundBy[x.cause] = (out.notFoundBy[x.cause] ?? 0) + 1;
	for (const x of unmarked) out.unmarkedBy[x.cause] = (out.unmarkedBy[x.cause] ?? 0) + 1;
	out.places.push(
		...placesOf(eid, 'mark without change', notFound, doc.after.length),
		...placesOf(
			eid,
			'unmarked change',
			unmarked.filter((x) => !COPY_CAUSES.has(x.cause)),
			ours.after.length
		)
	);
	// The document's unmarked changes, one place per gap between its copy of the proposal and the proposal.
	for (const [a0, a1, b0, b1] of olds.gaps) {
		const was = ours.before.slice(a0, a1);
		const now = doc.before.slice(b0, b1);
		if (![...was, ...now].some((w) => w.counted)) continue;
		const changed =
			was.some((w) => w.marked) ||
			now.some((w, k) => !w.marked && toNew[b0 + k] >= 0 && ours.after[news.back[toNew[b0 + k]]]?.marked);
		if (changed)
			out.places.push({
				eid,
				kind: 'unmarked change',
				cause: causeA[a0] ?? causeB[b0],
				side: 'deleted',
				words: was.map((w) => w.text),
				printed: now.filter((w) => !w.marked).map((w) => w.text)
			});
	}
}

/** Consecutive words of one cause as one place. */
function placesOf(
	eid: string,
	kind: MarkPlace['kind'],
	words: { cause: Cause; word: Word; at: number }[],
	split: number
): MarkPlace[] {
	const out: MarkPlace[] = [];
	let last: { cause: Cause; at: number; place: MarkPlace } | null = null;
	for (const x of [...words].sort((a, b) => a.at - b.at)) {
		if (last && last.cause === x.cause && x.at - last.at <= 3 && x.at >= split === last.at >= split)
			last.place.words.push(x.word.text);
		else {
			last = {
				cause: x.cause,
				at: x.at,
				place: { eid, kind, cause: x.cause, side: x.at < split ? 'added' : 'deleted', words: [x.word.text] }
			};
			out.push(last.place);
		}
		last.at = x.at;
	}
	return out;
}

/** The agreement left when the words whose disagreement is the document's doing (DOCUMENT_CAUSES) are set aside. */
export function outsideDocumentFaults(m: MarkAgreement): {
	markedWords: number;
	markedFound: number;
	changedWords: number;
	changedUnmarked: number;
} {
	const sum = (by: Partial<Record<Cause, number>>) => DOCUMENT_CAUSES.reduce((n, c) => n + (by[c] ?? 0), 0);
	return {
		markedWords: m.markedWords - sum(m.notFoundBy),
		markedFound: m.markedFound,
		changedWords: m.changedWords - sum(m.unmarkedBy),
		changedUnmarked: m.changedUnmarked - sum(m.unmarkedBy)
	};
}

export interface UnderlineAgreement {
	items: number;
	/** Words our diff from the previous compromise inserts (`inserted`) or deletes (`deleted`). */
	changedWords: number;
	inserted: number;
	deleted: number;
	/** Of those, words that lie in an underlined run of this text at the same place. */
	inUnderline: number;
	/**
	 * Deleted words this text does not print at all (not even struck through), so no underline can mark them:
	 * a word the previous text had added (in bold) and this one drops without a trace.
	 */
	deletedNotPrinted: number;
	/** Underlined words of this text (in its text, or struck through), and of those, words our diff changes there. */
	underlinedWords: number;
	underlinedChanged: number;
}

/**
 * Where the words our diff from the previous compromise to this one changes fall in this text's underlined
 * runs, word by word in place: a word our diff inserts is looked up in the document's text (struck runs left
 * out), a word it deletes in everything the document prints (struck runs kept), each by a word alignment of
 * the two texts, as for the bold and strikethrough marks. Conversely, for every underlined word: whether our
 * diff changes the word at that place.
 */
export function underlineAgreement(previousItems: SourceItem[], councilItems: CouncilItem[]): UnderlineAgreement {
	const before = topTexts(previousItems);
	const after = topTexts(councilItems);
	const items = itemsByEid(councilItems);
	const out: UnderlineAgreement = {
		items: 0,
		changedWords: 0,
		inserted: 0,
		deleted: 0,
		inUnderline: 0,
		deletedNotPrinted: 0,
		underlinedWords: 0,
		underlinedChanged: 0
	};
	for (const [eid, text] of after) {
		const old = before.get(eid);
		const item = items.get(eid);
		if (old === undefined || !item) continue;
		out.items++;
		const ours = diffSides(old, text);
		const doc = underlinedSides(item.shown);
		const news = align(ours.after, doc.text); // this text as our diff has it → as the document prints it
		const olds = align(ours.before, doc.printed); // the previous text → everything the document prints
		ours.after.forEach((w, o) => {
			if (!w.counted || !w.marked) return;
			out.changedWords++;
			out.inserted++;
			const d = news.there[o];
			if (d >= 0 && doc.text[d].marked) out.inUnderline++;
		});
		ours.before.forEach((w, p) => {
			if (!w.counted || !w.marked) return;
			out.changedWords++;
			out.deleted++;
			const d = olds.there[p];
			if (d < 0) out.deletedNotPrinted++;
			else if (doc.printed[d].marked) out.inUnderline++;
		});
		// An underlined word the document prints unstruck is in this text: changed if our diff inserts it there;
		// an underlined struck word is gone from it: changed if our diff deletes it there.
		doc.text.forEach((d, k) => {
			if (!d.counted || !d.marked) return;
			out.underlinedWords++;
			const o = news.back[k];
			if (o >= 0 && ours.after[o].marked) out.underlinedChanged++;
		});
		doc.printed.forEach((d, k) => {
			if (!d.counted || !d.marked || !d.struck) return;
			out.underlinedWords++;
			const p = olds.back[k];
			if (p >= 0 && ours.before[p].marked) out.underlinedChanged++;
		});
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
