import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { dossier } from '../db/schema';
import { loadAiAct } from './load';
import { AI_ACT_SLUG, seedDossier, seedProcedure } from './procedure';
import { seedTexts } from './texts';
import { seedEpAmendments, type AmendmentSeedReport } from './amendments';
import { seedActors } from './actors';
import { seedEpPosition, type EpPositionReport } from './ep-position';
import { seedLineage, type LineageReport } from './lineage';
import { seedPositions } from './positions';
import { seedBanScores } from './scores';

export interface SeedSummary {
	seeded: boolean;
	stages: number;
	events: number;
	documents: number;
	provisions: number;
	textVersions: number;
	amendments: AmendmentSeedReport;
	epPosition: EpPositionReport;
	lineage: LineageReport;
	actors: number;
	topics: number;
	positions: number;
	ms: number;
}

/**
 * Loads the AI Act dossier into an empty database, in one transaction so a failed seed leaves nothing
 * behind. Idempotent: when the dossier is already there, nothing is changed and `seeded` is false.
 */
export async function seedAiAct(db: Database): Promise<SeedSummary | { seeded: false }> {
	const existing = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, AI_ACT_SLUG));
	if (existing.length > 0) return { seeded: false };
	const started = performance.now();
	const data = await loadAiAct();

	return db.transaction(async (tx) => {
		const { dossierId, documents } = await seedDossier(tx, data);
		const { stages, events } = await seedProcedure(tx, data, dossierId, documents);
		const texts = await seedTexts(tx, dossierId, [
			{ documentId: documents.proposal, text: data.proposal },
			{ documentId: documents.generalApproach, text: data.generalApproach },
			{ documentId: documents.finalAct, text: data.finalAct }
		]);
		const actors = await seedActors(tx, data, dossierId);
		const proposalTexts = new Map(texts.splits[0].map((n) => [n.eid, n.text]));
		const amendments = await seedEpAmendments(tx, data, {
			dossierId,
			documentId: documents.epAmendments,
			parliamentActorId: actors.parliamentId,
			index: texts.index,
			proposalTexts
		});
		const epPosition = await seedEpPosition(tx, data, { dossierId, index: texts.index });
		const lineage = await seedLineage(tx, data, {
			proposal: documents.proposal,
			generalApproach: documents.generalApproach,
			epPosition: epPosition.documentId,
			finalAct: documents.finalAct
		});
		const positions = await seedPositions(tx, data, { dossierId, ...actors });
		await seedBanScores(tx, data, { dossierId, documents });
		return {
			seeded: true,
			stages,
			events,
			documents: Object.keys(documents).length + 1,
			provisions: texts.index.ids.size,
			textVersions: texts.versions + epPosition.versions,
			amendments,
			epPosition,
			lineage,
			actors: actors.actorCount,
			topics: actors.topicCount,
			positions,
			ms: Math.round(performance.now() - started)
		};
	});
}

/** The one-line summary printed after a seed. */
export function describeSeed(s: SeedSummary | { seeded: false }): string {
	if (!s.seeded) return 'AI Act dossier already loaded; nothing changed.';
	const a = s.amendments;
	return (
		`Loaded the AI Act dossier in ${(s.ms / 1000).toFixed(1)} s: ${s.stages} stages, ${s.events} events, ` +
		`${s.documents} documents, ${s.provisions} provisions (${s.textVersions} text versions), ` +
		`${a.total} EP amendments (${a.resolved} targets resolved, ${a.unresolved.length} not), ` +
		`the Parliament position rebuilt from ${s.epPosition.applied} of them (${s.epPosition.skipped.length} not applied), ` +
		`${s.lineage.links} lineage links, ` +
		`${s.actors} actors, ${s.topics} topics, ${s.positions} positions.`
	);
}
