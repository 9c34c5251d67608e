import type { ProvisionNode } from '../../provisions/split';
import { resolveAgainst } from '../../provisions/target';
import type { PdfAmendment } from './read';

/**
 * Measures of how well the reader reads a real file, computed (not claimed) by the tests and usable by a
 * benchmark: the Commission column against the seeded proposal, and the words of each amendment's fields
 * against the words the PDF prints for it.
 */

/** The printed headings every amendment repeats, which no field holds. */
const FIXED = ['Proposal for a regulation', 'Text proposed by the Commission', 'Amendment'];

/**
 * Amendments whose Commission column does not occur, whitespace and footnotes aside, in the proposal's
 * text of the target provision, its parent or its grandparent. "[...]" stands for text the Parliament
 * left out, so each piece between such marks is looked for on its own.
 */
export function commissionFailures(amendments: readonly PdfAmendment[], nodes: readonly ProvisionNode[]): string[] {
	const texts = new Map(nodes.map((n) => [n.eid, n.text]));
	const byEid = new Map(nodes.map((n) => [n.eid, n]));
	const failures: string[] = [];
	for (const a of amendments) {
		const match = resolveAgainst(a.target, texts, a.commissionText);
		const chain: ProvisionNode[] = [];
		let eid = match.eid && byEid.has(match.eid) ? match.eid : match.parentEid;
		while (eid && chain.length < 3) {
			const node = byEid.get(eid);
			if (!node) break;
			chain.push(node);
			eid = node.parentEid;
		}
		const haystacks = chain.map((n) => canon([n.num, n.heading, n.text].filter(Boolean).join(' ')));
		const pieces = canon(a.commissionText, a.target.startsWith('Recital'))
			.split(/\s*\[(?:\.\.\.|…)\]\s*/)
			.filter((p) => p !== '');
		// The text is compared without its first label too: the proposal's Article 1 prints two points "(a)",
		// so the Parliament's "(d)" is the proposal's "(c)".
		const found = pieces.every((p) => haystacks.some((h) => h.includes(p) || h.includes(p.replace(LEADING_LABEL, ''))));
		if (!found)
			failures.push(
				`${a.number} ${a.target} [${match.eid ?? 'unresolved'}]: "${a.commissionText.slice(0, 100).replace(/\n/g, ' ⏎ ')}"`
			);
	}
	return failures;
}

const LEADING_LABEL = /^(\((\d+|[a-z]{1,4})\)|\d+\.) /;

/** Text for comparison: footnotes (markers, separator rule and the notes themselves), quote styles, spacing. */
function canon(text: string, recital = false): string {
	const paragraphs = text.split('\n');
	const kept = paragraphs.filter(
		(p, i) => !/^\[\^\w+\]:/.test(p) && !(/^_{3,}$/.test(p) && /^\[\^\w+\]:/.test(paragraphs[i + 1] ?? ''))
	);
	let out = kept
		.join(' ')
		.replace(/\[\^\w+\]/g, ' ')
		.replace(/\s+(?=[,.;:)])/g, '')
		.replace(/[‘’`]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
	// The proposal's recitals are stored without their "(12)".
	if (recital) out = out.replace(/^\(\d+\) /, '');
	return out;
}

/**
 * Compares the words of an amendment's fields, with the headings the grammar consumes, to the words the PDF
 * prints for it. Both sides are cut after each hyphen, since the reader joins "AI-" + "based" and the
 * printed words keep them apart, and footnote markers are taken alone. Null when the multisets are equal.
 */
export function wordDifferences(a: PdfAmendment, printed: readonly string[]): string | null {
	const names: string[] = [];
	const authorLines: string[] = [];
	for (const author of a.authors) (/^on behalf of /i.test(author) ? authorLines : names).push(author);
	const fields = [
		`Amendment ${a.number}`,
		names.join(', '),
		...authorLines,
		a.target,
		a.commissionText,
		a.deleted ? 'deleted' : a.amendmentText,
		`Or. ${a.language}`,
		a.note ?? '',
		a.justification === null ? '' : `Justification ${a.justification}`,
		...FIXED
	];
	const count = new Map<string, number>();
	for (const w of tokens(fields.join(' '))) count.set(w, (count.get(w) ?? 0) + 1);
	for (const w of tokens(printed.join(' '))) count.set(w, (count.get(w) ?? 0) - 1);
	const lost = [...count].filter(([, n]) => n < 0).map(([w, n]) => (n < -1 ? `${w}×${-n}` : w));
	const added = [...count].filter(([, n]) => n > 0).map(([w, n]) => (n > 1 ? `${w}×${n}` : w));
	if (!lost.length && !added.length) return null;
	return `lost [${lost.join(' ')}] added [${added.join(' ')}]`;
}

function tokens(text: string): string[] {
	return text
		.replace(/\[\^(\w+)\]:?/g, ' [^$1] ')
		.replace(/-(?=\S)/g, '- ')
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => w !== '');
}
