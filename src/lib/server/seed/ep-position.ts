import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, document, textVersion } from '../db/schema';
import { splitDocument } from '../../provisions/split';
import { reconstruct, type PositionAmendment } from '../../lineage/reconstruct';
import type { AiActData } from './load';
import { placeProvisions, type ProvisionIndex } from './texts';
import { EP_PLENARY_CONTEXT } from './amendments';
import { insertRows } from '../db/bulk';

export const EP_POSITION_KEY = 'ep-position';
export const EP_POSITION_NOTE =
	'Reconstructed by Trilogue: the Commission proposal with the 771 amendments the Parliament adopted on 14 June 2023 (P9_TA(2023)0236) applied. The Parliament adopted amendments, not a consolidated text; where no amendment applies, the Commission text stands.';

export interface EpPositionReport {
	documentId: number;
	versions: number;
	applied: number;
	skipped: { number: number; reason: string }[];
}

/**
 * Seeds the Parliament's position of 14 June 2023 as a document of its own, rebuilt provision by provision
 * from the Commission proposal and the adopted amendments already in the database (their targets resolved
 * by the amendments seed). Each text version lists the amendments it derives from.
 */
export async function seedEpPosition(
	tx: DbConnection,
	data: AiActData,
	ctx: { dossierId: number; index: ProvisionIndex }
): Promise<EpPositionReport> {
	const documentId = await insertDocument(tx, data, ctx.dossierId);
	const eidOf = new Map([...ctx.index.ids].map(([eid, id]) => [id, eid]));
	const base = splitDocument(data.proposal.items);
	const baseEids = new Set(base.map((n) => n.eid));

	const rows = await tx
		.select({
			number: amendment.number,
			targetProvisionId: amendment.targetProvisionId,
			part: amendment.targetPart,
			text: amendment.proposedText,
			deletes: amendment.deletesProvision,
			isNew: amendment.newProvision
		})
		.from(amendment)
		.where(and(eq(amendment.dossierId, ctx.dossierId), eq(amendment.tablingContext, EP_PLENARY_CONTEXT)));
	const amendments: PositionAmendment[] = [];
	const skipped: EpPositionReport['skipped'] = [];
	for (const r of rows.sort((a, b) => Number(a.number) - Number(b.number))) {
		const eid = r.targetProvisionId ? eidOf.get(r.targetProvisionId) : undefined;
		if (!eid) {
			skipped.push({ number: Number(r.number), reason: 'target not resolved' });
			continue;
		}
		amendments.push({
			number: Number(r.number),
			eid,
			part: r.part,
			text: r.text,
			deletes: r.deletes,
			isNew: !baseEids.has(eid)
		});
	}
	const result = reconstruct(base, amendments);

	// Parts of new articles (Article 4a(1)…) become provisions of their own, so later texts can link to them.
	await placeProvisions(
		tx,
		ctx.dossierId,
		result.nodes.filter((n) => !ctx.index.ids.has(n.eid)).map((n) => ({ eid: n.eid, parentEid: n.parentEid })),
		ctx.index
	);

	const notes = footnotes(data);
	const versions = result.nodes.map((n, i) => ({
		provisionId: ctx.index.ids.get(n.eid)!,
		documentId,
		num: n.num,
		heading: n.heading,
		text: n.text,
		deleted: n.deleted,
		footnotes: notesFor(n.text, n.derivedFrom, notes),
		docOrder: i,
		derivedFrom: n.derivedFrom
	}));
	await insertRows(tx, textVersion, versions);
	return {
		documentId,
		versions: versions.length,
		applied: result.applied.length,
		skipped: [...skipped, ...result.skipped]
	};
}

/** The position goes between the amendments and the final act in every comparison. */
async function insertDocument(tx: DbConnection, data: AiActData, dossierId: number): Promise<number> {
	const [amendments] = await tx
		.select({ sortOrder: document.sortOrder, url: document.url })
		.from(document)
		.where(and(eq(document.dossierId, dossierId), eq(document.kind, 'ep_amendments')));
	const sortOrder = (amendments?.sortOrder ?? 2) + 1;
	await tx
		.update(document)
		.set({ sortOrder: sql`${document.sortOrder} + 1` })
		.where(and(eq(document.dossierId, dossierId), gt(document.sortOrder, sortOrder - 1)));
	const [row] = await tx
		.insert(document)
		.values({
			dossierId,
			key: EP_POSITION_KEY,
			kind: 'ep_position',
			title: 'Parliament position (reconstructed from the amendments of 14 June 2023)',
			shortTitle: 'Parliament',
			officialReference: 'P9_TA(2023)0236',
			url: amendments?.url ?? null,
			date: '2023-06-14',
			sortOrder,
			provenance: {
				reconstructed: true,
				note: EP_POSITION_NOTE,
				basedOn: [data.proposal.source.officialReference, data.amendments.source.officialReference]
			}
		})
		.returning({ id: document.id });
	return row.id;
}

interface Notes {
	proposal: Map<string, string>;
	byAmendment: Map<number, Map<string, string>>;
}

function footnotes(data: AiActData): Notes {
	const proposal = new Map<string, string>();
	for (const item of data.proposal.items) for (const f of item.footnotes ?? []) proposal.set(String(f.marker), f.text);
	const byAmendment = new Map<number, Map<string, string>>();
	for (const a of data.amendments.items as (AiActData['amendments']['items'][number] & {
		amendmentFootnotes?: { marker: string | number; text: string }[];
	})[]) {
		if (a.amendmentFootnotes?.length)
			byAmendment.set(a.number, new Map(a.amendmentFootnotes.map((f) => [String(f.marker), f.text])));
	}
	return { proposal, byAmendment };
}

/** Footnotes of the markers in the text: an amendment's own notes first, then the proposal's. */
function notesFor(text: string, derivedFrom: number[], notes: Notes) {
	const markers = [...new Set([...text.matchAll(/\[\^([^\]]+)\]/g)].map((m) => m[1]))];
	const list = markers
		.map((marker) => {
			for (const n of derivedFrom) {
				const t = notes.byAmendment.get(n)?.get(marker);
				if (t) return { marker, text: t };
			}
			const t = notes.proposal.get(marker);
			return t ? { marker, text: t } : null;
		})
		.filter((x) => x !== null);
	return list.length ? list : null;
}
