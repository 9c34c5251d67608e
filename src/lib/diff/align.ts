import { diffArrays } from 'diff';
import { contentBag, dice, type WordBag } from './similarity';
import { paragraphLabel, type TokenList } from './tokenise';

/** One row of the paragraph alignment: indexes into the left and right paragraph lists. */
export interface AlignedPair {
	left: number | null;
	right: number | null;
}

export interface Alignment {
	pairs: AlignedPair[];
	/**
	 * Set when paragraphs that might have matched were left unpaired: 'time' when the budget ran
	 * out, 'size' when a block of changed paragraphs was too large to pair one by one.
	 */
	gaveUp?: GaveUp;
}

// Beyond this many candidate pairs in one unmatched block the O(n·m) pairing is skipped;
// the largest real block (Article 3's definitions) is a few thousand.
const MAX_CELLS = 250_000;
// Similarity (Dice over content words) above which two paragraphs are taken as versions of each
// other. Measured on Article 5 and 10, proposal against final act: true pairs score 0.4 to 1
// (a short point that grew, "(b) data collection;", 0.29); the next best candidate of the same
// article, drafted from the same template ("the placing on the market, …"), up to 0.5. So the
// threshold is low, and the alignment DP, which keeps order, does the rest.
const PAIR_AT = 0.35;
const PAIR_AT_SAME_LABEL = 0.2;
const SAME_LABEL_BONUS = 0.1;

/**
 * Match the paragraphs of two versions, in order. Identical paragraphs are matched first (a
 * line-level LCS via jsdiff); the unmatched paragraphs between two identical ones are then paired
 * by word similarity, with a bonus for the same label, using an alignment DP that keeps order.
 * Unpaired paragraphs become whole insertions or deletions. `deadline` is a `performance.now()`
 * time; `maxCells` caps the pairing work per block (a parameter so tests can reach the cap).
 */
export function alignParagraphs(
	left: TokenList[],
	right: TokenList[],
	deadline: number,
	maxCells = MAX_CELLS
): Alignment {
	const pairs: AlignedPair[] = [];
	const remaining = deadline - performance.now();
	const changes =
		left.length && right.length && remaining > 0
			? diffArrays(
					left.map((p) => p.tokens.join(' ')),
					right.map((p) => p.tokens.join(' ')),
					{ timeout: Math.ceil(remaining) }
				)
			: undefined;
	if (!changes) {
		for (let i = 0; i < left.length; i++) pairs.push({ left: i, right: null });
		for (let j = 0; j < right.length; j++) pairs.push({ left: null, right: j });
		return left.length > 0 && right.length > 0 ? { pairs, gaveUp: 'time' } : { pairs };
	}
	let gaveUp: GaveUp | undefined;
	let i = 0;
	let j = 0;
	let blockLeft: number[] = [];
	let blockRight: number[] = [];
	const flush = () => {
		const why = pairBlock(blockLeft, blockRight, left, right, deadline, maxCells, pairs);
		gaveUp ??= why;
		blockLeft = [];
		blockRight = [];
	};
	for (const change of changes) {
		if (change.removed) {
			for (let k = 0; k < change.count; k++) blockLeft.push(i++);
		} else if (change.added) {
			for (let k = 0; k < change.count; k++) blockRight.push(j++);
		} else {
			flush();
			for (let k = 0; k < change.count; k++) pairs.push({ left: i++, right: j++ });
		}
	}
	flush();
	return gaveUp ? { pairs, gaveUp } : { pairs };
}

type GaveUp = 'time' | 'size';

/** Pair one unmatched block; appends rows to `out`, says why if it had to give up. */
function pairBlock(
	li: number[],
	ri: number[],
	left: TokenList[],
	right: TokenList[],
	deadline: number,
	maxCells: number,
	out: AlignedPair[]
): GaveUp | undefined {
	const n = li.length;
	const m = ri.length;
	const unpaired = () => {
		for (const i of li) out.push({ left: i, right: null });
		for (const j of ri) out.push({ left: null, right: j });
	};
	if (n === 0 || m === 0) {
		unpaired();
		return undefined;
	}
	if (n * m > maxCells) {
		unpaired();
		return 'size';
	}
	const lb = li.map((i) => contentBag(left[i].tokens));
	const rb = ri.map((j) => contentBag(right[j].tokens));
	const ll = li.map((i) => paragraphLabel(left[i]));
	const rl = ri.map((j) => paragraphLabel(right[j]));
	// A lone paragraph replaced by a lone paragraph is the same provision rewritten unless
	// they share nothing at all; with more candidates, demand real similarity.
	const lone = n === 1 && m === 1;
	const score = (x: number, y: number): number => {
		const same = ll[x] !== null && ll[x] === rl[y];
		const d = dice(lb[x], rb[y]);
		if (lone ? d > 0 || same : d >= (same ? PAIR_AT_SAME_LABEL : PAIR_AT)) {
			return d + (same ? SAME_LABEL_BONUS : 0);
		}
		return -1;
	};
	// Needleman–Wunsch with free gaps: best total score of pairs, order kept.
	const w = m + 1;
	const best = new Float64Array((n + 1) * w);
	const move = new Uint8Array((n + 1) * w); // 1 = skip left, 2 = skip right, 3 = pair
	for (let x = 1; x <= n; x++) move[x * w] = 1;
	for (let y = 1; y <= m; y++) move[y] = 2;
	for (let x = 1; x <= n; x++) {
		if (performance.now() > deadline) {
			unpaired();
			return 'time';
		}
		for (let y = 1; y <= m; y++) {
			let value = best[(x - 1) * w + y];
			let how = 1;
			if (best[x * w + y - 1] > value) {
				value = best[x * w + y - 1];
				how = 2;
			}
			const s = score(x - 1, y - 1);
			if (s >= 0 && best[(x - 1) * w + y - 1] + s > value) {
				value = best[(x - 1) * w + y - 1] + s;
				how = 3;
			}
			best[x * w + y] = value;
			move[x * w + y] = how;
		}
	}
	const rows: AlignedPair[] = [];
	for (let x = n, y = m; x > 0 || y > 0;) {
		const how = move[x * w + y];
		if (how === 3) rows.push({ left: li[--x], right: ri[--y] });
		else if (how === 1) rows.push({ left: li[--x], right: null });
		else rows.push({ left: null, right: ri[--y] });
	}
	rows.reverse();
	// Between two pairs, show what went before what came in, like a line diff does.
	let pending: AlignedPair[] = [];
	for (const row of rows) {
		if (row.left !== null && row.right !== null) {
			out.push(...pending.filter((r) => r.left !== null), ...pending.filter((r) => r.right !== null), row);
			pending = [];
		} else {
			pending.push(row);
		}
	}
	out.push(...pending.filter((r) => r.left !== null), ...pending.filter((r) => r.right !== null));
	return undefined;
}

/** One row of the diff: paragraphs of each side diffed as one text (at most one on each side, mostly). */
export interface ParagraphGroup {
	left: number[];
	right: number[];
}

// How alike (Dice over content words) an unpaired paragraph and the words its neighbouring pair lacks on the other
// side must be for it to join the pair. Over the Council's compromise texts against the proposal, 680 candidates:
// 498 score under 0.1 and 56 of the 65 at 0.5 or more score 0.8 or more (a split or a merge); at 0.4, 20 more
// joined and the diff agreed less with the Council's own marks.
const MOVE_AT = 0.5;
// How many unpaired paragraphs of the other side a paragraph may pass on its way to a pair: the pieces of a
// split paragraph are next to each other, and an unbounded walk would cost O(n·m) on a block left unpaired.
const MAX_ACROSS = 8;

/**
 * The alignment as rows, with a paragraph left unpaired joined to a neighbouring pair when its words are the
 * ones that pair lacks on the other side: a paragraph split in two, or two merged into one, is then one row
 * diffed word by word, instead of the moved words shown as deleted from one row and inserted in the next.
 * Order is kept on both sides: a paragraph joins a pair only across unpaired paragraphs of the other side.
 */
export function groupMovedParagraphs(pairs: AlignedPair[], left: TokenList[], right: TokenList[]): ParagraphGroup[] {
	const rows: ParagraphGroup[] = pairs.map((p) => ({
		left: p.left === null ? [] : [p.left],
		right: p.right === null ? [] : [p.right]
	}));
	// Bags of words are made only for the paragraphs looked at: most rows are pairs and stay as they are.
	const made = { left: new Map<number, WordBag>(), right: new Map<number, WordBag>() };
	const bagAt = (side: 'left' | 'right', i: number): WordBag => {
		let bag = made[side].get(i);
		if (!bag) made[side].set(i, (bag = contentBag((side === 'left' ? left : right)[i].tokens)));
		return bag;
	};
	const bagOf = (side: 'left' | 'right', ids: number[]): WordBag => {
		if (ids.length === 1) return bagAt(side, ids[0]);
		const counts = new Map<string, number>();
		for (const i of ids) for (const [word, n] of bagAt(side, i).counts) counts.set(word, (counts.get(word) ?? 0) + n);
		return { counts, size: ids.reduce((n, i) => n + bagAt(side, i).size, 0) };
	};
	// The content words a row's `side` has that its other side does not; kept until the row changes, as every
	// unpaired paragraph next to a pair asks for it.
	const lackingOf = new Map<ParagraphGroup, { left: number[]; right: number[]; side: string; bag: WordBag }>();
	const lacking = (row: ParagraphGroup, side: 'left' | 'right'): WordBag => {
		const known = lackingOf.get(row);
		if (known && known.left === row.left && known.right === row.right && known.side === side) return known.bag;
		const bag = missing(row, side);
		lackingOf.set(row, { left: row.left, right: row.right, side, bag });
		return bag;
	};
	const missing = (row: ParagraphGroup, side: 'left' | 'right'): WordBag => {
		const own = bagOf(side, row[side]);
		const there = bagOf(side === 'left' ? 'right' : 'left', row[side === 'left' ? 'right' : 'left']);
		const counts = new Map<string, number>();
		let size = 0;
		for (const [word, n] of own.counts) {
			const rest = n - (there.counts.get(word) ?? 0);
			if (rest > 0) {
				counts.set(word, rest);
				size += rest;
			}
		}
		return { counts, size };
	};
	for (let k = 0; k < rows.length; k++) {
		const row = rows[k];
		const side = row.left.length ? (row.right.length ? null : 'left') : 'right';
		if (!side) continue;
		const other = side === 'left' ? 'right' : 'left';
		// The nearest pair before and after, across a few rows that hold only paragraphs of the other side; an
		// identical pair lacks nothing.
		const near = [-1, 1].flatMap((step) => {
			let n = k + step;
			while (rows[n] && !rows[n][side].length && Math.abs(n - k) <= MAX_ACROSS) n += step;
			const target = rows[n];
			if (!target?.[other].length) return [];
			const same =
				target.left.length === 1 &&
				target.right.length === 1 &&
				left[target.left[0]].text === right[target.right[0]].text;
			return same ? [] : [n];
		});
		if (!near.length) continue;
		const bag = bagOf(side, row[side]);
		let best = -1;
		let score = MOVE_AT;
		for (const n of near) {
			// Dice reaches MOVE_AT only if the one bag is at least a third of the other.
			if (bag.size === 0 || 3 * rows[n][other].reduce((t, i) => t + bagAt(other, i).size, 0) < bag.size) continue;
			const s = dice(lacking(rows[n], other), bag);
			if (s >= score) [best, score] = [n, s];
		}
		if (best < 0) continue;
		const target = rows[best];
		target[side] = best < k ? [...target[side], ...row[side]] : [...row[side], ...target[side]];
		rows.splice(k, 1);
		k = Math.max(-1, Math.min(k, best) - 2);
	}
	return rows;
}
