import type { ProvisionNode, SourceItem } from '$lib/provisions/split';
import type { CouncilCover } from './docx/read';
import { eidSegment, type EidPrefix } from '$lib/provisions/eid';

/** The largest Word file the text import accepts (the Council's texts are 0.3 to 1.5 MB). */
export const MAX_TEXT_IMPORT_BYTES = 20 * 1024 * 1024;

/** The words a document itself marks as changed (see text_version.marks). */
export interface NodeMarks {
	added: string[];
	deleted: string[];
	changed: string[];
}

export interface CouncilNode extends ProvisionNode {
	footnotes: { marker: string; text: string }[] | null;
	marks: NodeMarks | null;
}

/** How a Council text is filed: its key, titles and what its cover page says. */
export interface TextDocumentInput {
	key: string;
	title: string;
	shortTitle: string;
	officialReference: string;
	date: string | null;
	presidency: string | null;
	presidencyCountry: string | null;
	previousRef: string | null;
	fileName?: string;
	provenance: Record<string, unknown>;
}

/**
 * The document's identity from its cover page: 'ST 14278/21' → key 'council-st-14278-21'. A text without a
 * Council number is filed by its file name, so a second import of the same file still finds it.
 */
export function councilDocumentKey(cover: CouncilCover, fileName: string): TextDocumentInput {
	const ref = cover.councilRef;
	const slug = (s: string) =>
		s
			.toLowerCase()
			.replace(/\.docx$/, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '');
	const who = cover.presidencyCountry ? `${cover.presidencyCountry} Presidency` : (cover.presidency ?? 'Council');
	return {
		key: `council-${slug(ref ?? fileName)}`,
		title: `${who} compromise text${ref ? ` (${ref})` : ''}${cover.date ? `, ${cover.date}` : ''}`,
		shortTitle: `${cover.presidencyCountry ?? 'Council'} ${cover.date ?? ref ?? ''}`.trim(),
		officialReference: ref ?? fileName,
		date: cover.date,
		presidency: cover.presidency,
		presidencyCountry: cover.presidencyCountry,
		previousRef: cover.previousRef,
		fileName,
		provenance: { ...cover, file: fileName }
	};
}

/**
 * The split provisions with their footnotes and the document's marks. A marked run that is still in the
 * text belongs to the deepest provision whose text holds it; struck text is gone from every provision, so
 * deletions stay with the article, recital or annex they were struck from.
 */
export function councilNodes(nodes: ProvisionNode[], items: (SourceItem & { marks?: NodeMarks })[]): CouncilNode[] {
	const notes = new Map<string, string>();
	for (const item of items) for (const f of item.footnotes ?? []) notes.set(String(f.marker), f.text);
	const out: CouncilNode[] = nodes.map((n) => ({ ...n, footnotes: footnotesIn(n.text, notes), marks: null }));
	const byEid = new Map(out.map((n) => [n.eid, n]));
	for (const item of items) {
		const top = byEid.get(eidSegment(topPrefix[item.kind] ?? 'art', item.number));
		if (!item.marks || !top) continue;
		const family = out
			.filter((n) => n.eid === top.eid || n.eid.startsWith(`${top.eid}__`))
			.sort((a, b) => depth(b.eid) - depth(a.eid));
		const place = (kind: 'added' | 'changed', run: string) => {
			const home = family.find((n) => n.text.includes(run)) ?? byEid.get(top.eid)!;
			(home.marks ??= { added: [], deleted: [], changed: [] })[kind].push(run);
		};
		for (const run of item.marks.added) place('added', run);
		for (const run of item.marks.changed) place('changed', run);
		if (item.marks.deleted.length)
			(top.marks ??= { added: [], deleted: [], changed: [] }).deleted.push(...item.marks.deleted);
	}
	return out;
}

const depth = (eid: string) => eid.split('__').length;

const topPrefix: Record<string, EidPrefix> = { citation: 'cit', recital: 'rec', article: 'art', annex: 'anx' };

function footnotesIn(text: string, notes: Map<string, string>) {
	const markers = [...new Set([...text.matchAll(/\[\^([^\]]+)\]/g)].map((m) => m[1]))].filter((m) => notes.has(m));
	return markers.length ? markers.map((marker) => ({ marker, text: notes.get(marker)! })) : null;
}
