import { eq, inArray } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, provision } from '../db/schema';
import type { AmendmentFilters } from '$lib/amendments/filters';
import { csvLines, toCsv } from '$lib/amendments/csv';
import { csvColumns, recordToCsvCells, type AmendmentRecord } from '$lib/amendments/record';
import { amendmentConditions, amendmentOrder, resolveActorFilters } from './conditions';
import type { Viewer } from '../authorization';
import { amendmentColumns } from './detail';
import { authorsOf } from './list';

const BATCH = 1000;

/** Ids of the whole filtered list in its order (no paging): cheap, and the rows follow in batches. */
export async function filteredIds(
	db: DbConnection,
	dossierId: number,
	f: AmendmentFilters,
	viewer: Viewer
): Promise<number[]> {
	const rows = await db
		.select({ id: amendment.id })
		.from(amendment)
		.where(amendmentConditions(dossierId, f, viewer, await resolveActorFilters(db, f)))
		.orderBy(...amendmentOrder(f));
	return rows.map((r) => r.id);
}

/** Full records for some amendments, in the order of `ids`. */
export async function recordsOf(db: DbConnection, ids: number[]): Promise<(AmendmentRecord & { id: number })[]> {
	if (!ids.length) return [];
	const [rows, authors] = await Promise.all([
		db
			.select({ ...amendmentColumns, provisionEid: provision.eid })
			.from(amendment)
			.leftJoin(provision, eq(provision.id, amendment.targetProvisionId))
			.where(inArray(amendment.id, ids)),
		authorsOf(db, ids)
	]);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => {
		const r = byId.get(id);
		if (!r) return [];
		return [
			{
				id,
				...asRecord(
					r,
					(authors.get(id) ?? []).map((a) => a.slug)
				)
			}
		];
	});
}

/** An amendment row as the record that export writes and import reads, so a round trip compares like with like. */
export function asRecord(
	r: Pick<
		typeof amendment.$inferSelect,
		| 'tablingContext'
		| 'number'
		| 'targetLabel'
		| 'targetPart'
		| 'tabledOn'
		| 'status'
		| 'visibility'
		| 'baseText'
		| 'proposedText'
		| 'deletesProvision'
		| 'newProvision'
		| 'justification'
		| 'sources'
	> & {
		provisionEid: string | null;
	},
	authorSlugs: string[]
): AmendmentRecord {
	return {
		tablingContext: r.tablingContext,
		number: r.number,
		provision: r.provisionEid,
		target: r.targetLabel,
		targetPart: r.targetPart as AmendmentRecord['targetPart'],
		tabledOn: r.tabledOn,
		status: r.status,
		visibility: r.visibility,
		authors: [...authorSlugs].sort(),
		baseText: r.baseText,
		proposedText: r.proposedText,
		deletesProvision: r.deletesProvision,
		newProvision: r.newProvision,
		justification: r.justification,
		sources: r.sources
	};
}

/**
 * The filtered list as a CSV (UTF-8 with BOM, neutralised cells, the import's header) or JSON
 * (`{ "amendments": [...] }`, which the import also reads), streamed in batches so a large export
 * never sits in memory whole.
 */
export function exportStream(
	db: DbConnection,
	dossierId: number,
	f: AmendmentFilters,
	viewer: Viewer,
	format: 'csv' | 'json'
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let ids: number[] | undefined;
	let at = 0;
	return new ReadableStream({
		async pull(controller) {
			if (!ids) {
				ids = await filteredIds(db, dossierId, f, viewer);
				const head = format === 'csv' ? toCsv(csvColumns, []) : `{"amendments":[`;
				controller.enqueue(encoder.encode(head));
				if (!ids.length) return finish(controller);
				return;
			}
			const batch = await recordsOf(db, ids.slice(at, at + BATCH));
			const body =
				format === 'csv'
					? csvLines(batch.map(recordToCsvCells))
					: batch.map((r, i) => (at + i === 0 ? '' : ',') + '\n' + JSON.stringify(r)).join('');
			controller.enqueue(encoder.encode(body));
			at += BATCH;
			if (at >= ids.length) finish(controller);
		}
	});
	function finish(controller: ReadableStreamDefaultController<Uint8Array>) {
		if (format === 'json') controller.enqueue(encoder.encode('\n]}\n'));
		controller.close();
	}
}
