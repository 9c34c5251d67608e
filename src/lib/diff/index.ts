/**
 * The diff engine for provision texts: paragraph alignment, then a word diff (jsdiff) within each
 * aligned pair, semantic clean-up, operative-word marking, and renderers. Pure TypeScript with no
 * server imports, so the same code runs on the server and in the browser.
 */
import { alignParagraphs, groupMovedParagraphs } from './align';
import { diffParagraphPair, wholeParagraph, type PairDiff } from './paragraph';
import { joinTokenLists, splitParagraphs, tokenise } from './tokenise';
import type { DiffOptions, OperativeChange, ParagraphDiff, TextDiff } from './types';

export type { DiffOptions, OperativeChange, ParagraphDiff, Segment, TextDiff } from './types';
export { escapeHtml, renderDiffHtml, renderSideBySideHtml, sideBySide, type SideBySideRow } from './render';
export { OPERATIVE_PHRASES } from './operative';
export { splitParagraphs, tokenise } from './tokenise';

/** Default time budget: enough for the longest AI Act article many times over. */
export const DEFAULT_BUDGET_MS = 250;

/**
 * Diff two versions of a provision. Paragraphs/points (separated by "\n") are aligned first, by
 * identity, label and similarity, a paragraph split in two or two merged staying one row (its texts
 * joined by "\n"); aligned pairs are diffed word by word with labels such as "(a)"
 * and footnote markers such as "[^12]" as single tokens, then cleaned up so a rewritten clause
 * shows as one deletion and one insertion.
 *
 * Never hangs: once `budgetMs` is spent, the remaining changed paragraphs are shown as whole
 * replacements and the result says `coarse: true` with a `coarseReason` for the page to show.
 */
export function diffProvisionText(before: string, after: string, options: DiffOptions = {}): TextDiff {
	const started = performance.now();
	const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
	const deadline = started + budgetMs;
	const left = splitParagraphs(before).map(tokenise);
	const right = splitParagraphs(after).map(tokenise);
	const alignment = alignParagraphs(left, right, deadline);

	const paragraphs: ParagraphDiff[] = [];
	const detail: OperativeChange[] = [];
	let added = 0;
	let removed = 0;
	let coarsePairs = 0;
	const take = (pair: PairDiff) => {
		added += pair.added;
		removed += pair.removed;
		detail.push(...pair.operative);
		if (pair.coarse) coarsePairs++;
	};

	for (const row of groupMovedParagraphs(alignment.pairs, left, right)) {
		const l = row.left.length ? joinTokenLists(row.left.map((i) => left[i])) : null;
		const r = row.right.length ? joinTokenLists(row.right.map((j) => right[j])) : null;
		if (l && r) {
			if (l.text === r.text) {
				const segments = [{ type: 'equal' as const, text: r.text }];
				paragraphs.push({ left: l.text, right: r.text, status: 'equal', segments });
				continue;
			}
			const pair = diffParagraphPair(l, r, deadline - performance.now());
			take(pair);
			const changed = pair.segments.some((s) => s.type !== 'equal');
			paragraphs.push({
				left: l.text,
				right: r.text,
				status: changed ? 'changed' : 'equal',
				segments: pair.segments,
				...(pair.coarse ? { coarse: true } : {})
			});
		} else if (l) {
			const pair = wholeParagraph(l, 'delete');
			take(pair);
			paragraphs.push({ left: l.text, right: null, status: 'deleted', segments: pair.segments });
		} else if (r) {
			const pair = wholeParagraph(r, 'insert');
			take(pair);
			paragraphs.push({ left: null, right: r.text, status: 'inserted', segments: pair.segments });
		}
	}

	const reasons: string[] = [];
	if (alignment.gaveUp) {
		const why =
			alignment.gaveUp === 'time'
				? `paragraph matching exceeded the ${budgetMs} ms time budget`
				: 'too many paragraphs changed to match them one by one';
		reasons.push(`${why}, so unmatched paragraphs are shown as whole deletions and insertions`);
	}
	if (coarsePairs > 0) {
		const what = coarsePairs === 1 ? '1 changed paragraph is' : `${coarsePairs} changed paragraphs are`;
		reasons.push(
			`the word-level diff exceeded the ${budgetMs} ms time budget, so ${what} shown as a whole replacement`
		);
	}
	const coarse = reasons.length > 0;
	return {
		paragraphs,
		added,
		removed,
		operativeChanges: [...new Set(detail.map((d) => d.word))],
		operativeDetail: detail,
		coarse,
		...(coarse ? { coarseReason: capitalise(reasons.join('; ')) + '.' } : {}),
		ms: performance.now() - started
	};
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
