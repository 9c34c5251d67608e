import type { DbConnection } from '../db';
import { amendment, amendmentAuthor, amendmentStatusChange } from '../db/schema';
import { resolveAgainst } from '../../provisions/target';
import type { AiActData } from './load';
import { placeProvisions, type ProvisionIndex } from './texts';
import { toSourceRefs } from './sources';
import { insertRows } from '../db/bulk';

export const EP_PLENARY_CONTEXT = 'EP plenary, 14 June 2023';

export interface AmendmentSeedReport {
	total: number;
	resolved: number;
	unresolved: { number: number; target: string; reason: string }[];
}

/**
 * Seeds the 771 amendments the Parliament adopted on 14 June 2023, each linked to the provision it
 * targets in the Commission proposal. A new provision ("Article 5 – paragraph 1 a (new)") gets a
 * provision of its own under its parent, so it can be followed into later texts.
 */
export async function seedEpAmendments(
	tx: DbConnection,
	data: AiActData,
	ctx: {
		dossierId: number;
		documentId: number;
		parliamentActorId: number;
		index: ProvisionIndex;
		proposalTexts: ReadonlyMap<string, string>;
	}
): Promise<AmendmentSeedReport> {
	const sources = toSourceRefs([{ id: 'EPTA' }], data.dossier.meta.sources);
	const report: AmendmentSeedReport = { total: 0, resolved: 0, unresolved: [] };

	const resolved = data.amendments.items.map((a) => ({
		a,
		target: resolveAgainst(a.target, ctx.proposalTexts, a.commissionText)
	}));
	const newProvisions = resolved
		.filter(({ target }) => target.eid && target.isNew && !ctx.index.ids.has(target.eid))
		.map(({ target }) => ({ eid: target.eid!, parentEid: target.parentEid }))
		// Parents before children, so each new provision finds its parent.
		.sort((x, y) => x.eid.split('__').length - y.eid.split('__').length);
	await placeProvisions(tx, ctx.dossierId, dedupe(newProvisions), ctx.index);

	const rows = resolved.map(({ a, target }) => {
		report.total += 1;
		const provisionId = target.eid ? ctx.index.ids.get(target.eid) : undefined;
		if (provisionId) report.resolved += 1;
		else
			report.unresolved.push({ number: a.number, target: a.target, reason: target.reason ?? 'no matching provision' });
		return {
			dossierId: ctx.dossierId,
			documentId: ctx.documentId,
			number: String(a.number),
			tablingContext: EP_PLENARY_CONTEXT,
			tabledOn: '2023-06-14',
			targetProvisionId: provisionId ?? null,
			targetLabel: a.target,
			targetPart: target.part,
			baseText: a.commissionText,
			proposedText: a.amendmentText,
			deletesProvision: a.deleted,
			newProvision: a.newProvision,
			justification: a.justification,
			status: 'plenary_adopted' as const,
			visibility: 'public' as const,
			sources: sources.map((s) => ({ ...s, locator: `Amendment ${a.number} (PDF page ${a.pdfPage})` }))
		};
	});

	const ids = await insertRows(tx, amendment, rows, ['id']);
	await insertRows(
		tx,
		amendmentAuthor,
		ids.map(({ id }) => ({ amendmentId: id, actorId: ctx.parliamentActorId }))
	);
	await insertRows(
		tx,
		amendmentStatusChange,
		ids.map(({ id }) => ({
			amendmentId: id,
			status: 'plenary_adopted' as const,
			date: '2023-06-14',
			note: 'Adopted by the European Parliament in plenary (P9_TA(2023)0236).'
		}))
	);
	return report;
}

function dedupe<T extends { eid: string }>(rows: T[]): T[] {
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(r.eid) && seen.add(r.eid));
}
