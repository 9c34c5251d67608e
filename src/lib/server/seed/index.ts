import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { dossier } from '../db/schema';
import { loadAiAct, type AiActData } from './load';
import { AI_ACT_SLUG, seedDossier, seedProcedure } from './procedure';
import { seedTexts } from './texts';
import { seedEpAmendments, type AmendmentSeedReport } from './amendments';
import { seedActors } from './actors';
import { seedEpPosition, type EpPositionReport } from './ep-position';
import { seedLineage, type LineageReport } from './lineage';
import { seedPositions } from './positions';
import type { MatrixFigures } from '../../positions/matrix';
import { seedBanScores } from './scores';
import { consolidatedText } from './consolidated';
import {
	readCommitteeDocuments,
	seedCommitteeAmendments,
	type CommitteeAmendmentsReport,
	type CommitteeReads
} from './committee-amendments';
import { readCouncilDocuments, seedCouncilTexts, type CouncilReads, type CouncilTextsReport } from './council-texts';

export interface SeedSummary {
	seeded: boolean;
	stages: number;
	events: number;
	documents: number;
	provisions: number;
	textVersions: number;
	amendments: AmendmentSeedReport;
	committeeAmendments: CommitteeAmendmentsReport;
	councilTexts: CouncilTextsReport;
	epPosition: EpPositionReport;
	lineage: LineageReport;
	actors: number;
	topics: number;
	positions: number;
	/** The public matrix of the member states today: cells with a stance, states with a record. */
	positionMatrix: MatrixFigures;
	/** From the start of the reading (which may have begun while the database was being made) to the end. */
	ms: number;
	/** Milliseconds per step. */
	phases: [string, number][];
}

interface SeedInputs {
	/** When the reading started (`performance.now()`): the seed's time counts from there. */
	startedAt: number;
	data: AiActData;
	committeeReads: Promise<CommitteeReads>;
	councilReads: Promise<CouncilReads>;
}

let inputs: Promise<SeedInputs> | null = null;

/**
 * Starts reading what the seed loads: its JSON files, the committee PDFs (pdfjs, in its worker thread, so on
 * the second core) and the Council's Word files (in this thread, a file at a time between PGlite's steps).
 * `prepareDatabase` calls it before it makes a new PGlite folder; `seedAiAct` calls it too (a second call
 * returns the reading already started). Making the PGlite folder in a worker thread as well was tried and
 * gained nothing here (19.5 s in all either way, more memory): three busy threads on two cores.
 */
export function startSeedReads(): Promise<SeedInputs> {
	const startedAt = performance.now();
	inputs ??= loadAiAct().then((data) => {
		const procedure = data.dossier.procedure.reference;
		return {
			startedAt,
			data,
			committeeReads: readCommitteeDocuments(procedure),
			councilReads: readCouncilDocuments(procedure)
		};
	});
	return inputs;
}

/**
 * Loads the AI Act dossier into an empty database, in one transaction so a failed seed leaves nothing
 * behind. Idempotent: when the dossier is already there, nothing is changed and `seeded` is false.
 */
export async function seedAiAct(db: Database): Promise<SeedSummary | { seeded: false }> {
	const existing = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, AI_ACT_SLUG));
	if (existing.length > 0) return { seeded: false };
	const reading = startSeedReads();
	// Read once: a later seed in the same process (the tests) reads the files afresh.
	inputs = null;
	const { startedAt: started, data, committeeReads, councilReads } = await reading;

	// Where the seed's time goes, for `npm run bench:seed`.
	const phases: [string, number][] = [];
	const time = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
		const t = performance.now();
		const result = await step();
		phases.push([name, Math.round(performance.now() - t)]);
		return result;
	};

	return db.transaction(async (tx) => {
		const { dossierId, documents } = await time('seedDossier', () => seedDossier(tx, data));
		const { stages, events } = await time('seedProcedure', () => seedProcedure(tx, data, dossierId, documents));
		const texts = await time('seedTexts', () =>
			seedTexts(tx, dossierId, [
				{ documentId: documents.proposal, text: data.proposal },
				{ documentId: documents.generalApproach, text: data.generalApproach },
				{ documentId: documents.finalAct, text: data.finalAct },
				{ documentId: documents.consolidated, text: consolidatedText(data.consolidated) }
			])
		);
		const actors = await time('seedActors', () => seedActors(tx, data, dossierId));
		const proposalTexts = new Map(texts.splits[0].map((n) => [n.eid, n.text]));
		const amendments = await time('seedEpAmendments', () =>
			seedEpAmendments(tx, data, {
				dossierId,
				documentId: documents.epAmendments,
				parliamentActorId: actors.parliamentId,
				index: texts.index,
				proposalTexts
			})
		);
		const epPosition = await time('seedEpPosition', () => seedEpPosition(tx, data, { dossierId, index: texts.index }));
		const lineage = await time('seedLineage', () =>
			seedLineage(tx, data, {
				proposal: documents.proposal,
				generalApproach: documents.generalApproach,
				epPosition: epPosition.documentId,
				finalAct: documents.finalAct,
				consolidated: documents.consolidated
			})
		);
		const councilTexts = await time('seedCouncilTexts', () =>
			seedCouncilTexts(tx, dossierId, councilReads, data.dossier.procedure.reference)
		);
		const committeeAmendments = await time('seedCommitteeAmendments', () =>
			seedCommitteeAmendments(tx, dossierId, committeeReads)
		);
		const positions = await time('seedPositions', () => seedPositions(tx, data, { dossierId, ...actors }));
		await time('seedBanScores', () => seedBanScores(tx, data, { dossierId, documents }));
		return {
			seeded: true,
			stages,
			events,
			documents: Object.keys(documents).length + 1 + committeeAmendments.documents + councilTexts.created,
			provisions: texts.index.ids.size,
			textVersions: texts.versions + epPosition.versions,
			amendments,
			committeeAmendments,
			councilTexts,
			epPosition,
			lineage,
			actors: actors.actorCount,
			topics: actors.topicCount,
			positions: positions.count,
			positionMatrix: positions.matrix,
			ms: Math.round(performance.now() - started),
			phases
		};
	});
}

/** The one-line summary printed after a seed. */
export function describeSeed(s: SeedSummary | { seeded: false }): string {
	if (!s.seeded) return 'AI Act dossier already loaded; nothing changed.';
	const a = s.amendments;
	return (
		`Read and loaded the AI Act dossier in ${(s.ms / 1000).toFixed(1)} s: ${s.stages} stages, ${s.events} events, ` +
		`${s.documents} documents, ${s.provisions} provisions (${s.textVersions} text versions), ` +
		`${a.total} EP amendments (${a.resolved} targets resolved, ${a.unresolved.length} not), ` +
		`${s.councilTexts.documents} Council texts from Word (${s.councilTexts.readInThread} read in a worker thread; ${s.councilTexts.versions} text versions; the general approach's Word file words ${s.councilTexts.updated} differently from its PDF), ` +
		`${s.committeeAmendments.amendments} committee amendments from ${s.committeeAmendments.documents} committee documents (${s.committeeAmendments.files} PDFs) ` +
		`(read in ${s.committeeAmendments.readSeconds.toFixed(1)} s; ${s.committeeAmendments.provisions} new provisions, ${s.committeeAmendments.unmatchedNames} names not matched), ` +
		`the Parliament position rebuilt from ${s.epPosition.applied} of them (${s.epPosition.skipped.length} not applied), ` +
		`${s.lineage.links} lineage links, ` +
		`${s.actors} actors, ${s.topics} topics, ${s.positions} positions ` +
		`(${s.positionMatrix.withStance} of the ${s.positionMatrix.cells} member-state cells with a stance, ` +
		`${s.positionMatrix.rowsWithRecord} of ${s.positionMatrix.rows} member states with a record).`
	);
}
