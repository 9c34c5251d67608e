import type { ParagraphDiff, Segment, TextDiff } from './types';

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function segmentHtml(seg: Segment): string {
	const text = escapeHtml(seg.text);
	if (seg.type === 'equal') return text;
	const tag = seg.type === 'insert' ? 'ins' : 'del';
	return seg.operative ? `<${tag} class="operative">${text}</${tag}>` : `<${tag}>${text}</${tag}>`;
}

function segmentsHtml(segments: Segment[]): string {
	return segments.map(segmentHtml).join('');
}

/**
 * The diff as HTML, one `<p class="diff-paragraph {status}">` per aligned paragraph, changes in
 * `<ins>`/`<del>` (with class "operative" when an operative word changed). Every piece of text
 * goes through `escapeHtml`, so the output is safe to insert as raw HTML whatever the sources contain.
 */
export function renderDiffHtml(diff: TextDiff): string {
	return diff.paragraphs.map((p) => `<p class="diff-paragraph ${p.status}">${segmentsHtml(p.segments)}</p>`).join('\n');
}

/** One row of a side-by-side view: what the old and the new paragraph show. */
export interface SideBySideRow {
	status: ParagraphDiff['status'];
	/** Equal and deleted segments; empty for an inserted paragraph. */
	left: Segment[];
	/** Equal and inserted segments; empty for a deleted paragraph. */
	right: Segment[];
}

/** Aligned rows for a two-column view, for components that render segments themselves. */
export function sideBySide(diff: TextDiff): SideBySideRow[] {
	return diff.paragraphs.map((p) => ({
		status: p.status,
		left: p.left === null ? [] : p.segments.filter((s) => s.type !== 'insert'),
		right: p.right === null ? [] : p.segments.filter((s) => s.type !== 'delete')
	}));
}

/** The side-by-side rows as an escaped HTML table (`<table class="diff-side-by-side">`). */
export function renderSideBySideHtml(diff: TextDiff): string {
	const rows = sideBySide(diff).map(
		(row) => `<tr class="${row.status}"><td>${segmentsHtml(row.left)}</td><td>${segmentsHtml(row.right)}</td></tr>`
	);
	return `<table class="diff-side-by-side"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
