import type { DbConnection } from '../db';
import { provisionLink } from '../db/schema';
import { matchDocuments, rootOf, type LineageNode, type Match, type Prepared } from '../../lineage/match';
import { numberingPairs, type NumberingColumn } from '../../lineage/numbering';
import { jaccard, shingles } from '../../lineage/similarity';
import type { AiActData } from './load';
import { lineageNodes } from '../lineage';
import { insertRows } from '../db/bulk';

export interface LineageDocuments {
	proposal: number;
	generalApproach: number;
	epPosition: number;
	finalAct: number;
	/** The act as later amended: its provisions are the final act's under the same number. */
	consolidated?: number;
}

export interface LineageReport {
	links: number;
	byMethod: Record<string, number>;
}

/**
 * Links each provision to its counterparts in the other texts: the Commission proposal to the Council's
 * general approach, the Parliament's position and the final act; provisions the Commission did not propose
 * (new in the Council's or the Parliament's text) to the final act. Numbering maps first, then the same
 * number, then text similarity (see src/lib/lineage/match.ts). A consolidation of the act as later amended
 * keeps the final act's numbering, so its provisions link to the final act's by number alone.
 */
export async function seedLineage(tx: DbConnection, data: AiActData, docs: LineageDocuments): Promise<LineageReport> {
	const rows = await lineageNodes(
		tx,
		Object.values(docs).filter((id) => id !== undefined)
	);
	const of = (documentId: number): LineageNode[] => rows.filter((r) => r.documentId === documentId);
	const P = of(docs.proposal);
	const C = of(docs.generalApproach);
	const E = of(docs.epPosition);
	const F = of(docs.finalAct);

	const eids = (nodes: LineageNode[]) => new Set(nodes.map((n) => n.eid));
	const pairs = numberingPairs(data.dossier.numberingMaps ?? {}, {
		commission: eids(P),
		council: eids(C),
		parliament: eids(E),
		final: eids(F)
	});
	const fixed = (from: NumberingColumn, to: NumberingColumn) =>
		new Map(pairs.filter((p) => p.from === from && p.to === to).map((p) => [p.fromEid, p.toEid]));

	const cache = new Map<number, Prepared>();
	const toCouncil = matchDocuments(P, C, { fixed: fixed('commission', 'council'), cache });
	const toFinal = matchDocuments(P, F, { fixed: fixed('commission', 'final'), cache });
	const toParliament = sameNumber(P, E);

	// What the Parliament added, against what the final act has left unclaimed.
	const finalRoots = new Map(
		toFinal.filter((m) => rootOf(m.from.eid) === m.from.eid).map((m) => [m.from.eid, m.to.eid])
	);
	const claimed = new Set(toFinal.map((m) => m.to.eid));
	const inProposal = eids(P);
	const epToFinal = matchDocuments(E, F, {
		fixed: fixed('parliament', 'final'),
		onlySources: new Set(E.filter((n) => !inProposal.has(n.eid)).map((n) => n.eid)),
		excludeTargets: claimed,
		knownRoots: finalRoots,
		cache
	});
	for (const m of epToFinal) claimed.add(m.to.eid);

	// The same for what the Council added; its articles map to the final act through the proposal.
	const councilLinked = new Set(toCouncil.map((m) => m.to.eid));
	const councilRoots = new Map<string, string>();
	for (const m of toCouncil) {
		const f = finalRoots.get(m.from.eid);
		if (f && rootOf(m.to.eid) === m.to.eid) councilRoots.set(m.to.eid, f);
	}
	const councilToFinal = matchDocuments(C, F, {
		fixed: fixed('council', 'final'),
		onlySources: new Set(C.filter((n) => !councilLinked.has(n.eid)).map((n) => n.eid)),
		excludeTargets: claimed,
		knownRoots: councilRoots,
		cache
	});

	const toConsolidated = docs.consolidated ? sameNumber(F, of(docs.consolidated)) : [];

	const links = [...toCouncil, ...toParliament, ...toFinal, ...epToFinal, ...councilToFinal, ...toConsolidated].map(
		(m) => ({
			fromVersionId: m.from.id,
			toVersionId: m.to.id,
			method: m.method,
			similarity: m.similarity
		})
	);
	await insertRows(tx, provisionLink, links);
	const byMethod: Record<string, number> = {};
	for (const l of links) byMethod[l.method] = (byMethod[l.method] ?? 0) + 1;
	return { links: links.length, byMethod };
}

/** The Parliament's position is the proposal amended: each provision is its own counterpart. */
function sameNumber(from: LineageNode[], to: LineageNode[]): Match[] {
	const byEid = new Map(to.map((n) => [n.eid, n]));
	const out: Match[] = [];
	for (const f of from) {
		const t = byEid.get(f.eid);
		if (!t) continue;
		const similarity = f.text === t.text ? 1 : t.deleted ? 0 : jaccard(shingles(f.text), shingles(t.text));
		out.push({ from: f, to: t, method: 'same_number', similarity: Math.round(similarity * 1000) / 1000 });
	}
	return out;
}
