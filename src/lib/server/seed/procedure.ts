import type { DbConnection } from '../db';
import { document, dossier, procedureEvent, type DocumentKind } from '../db/schema';
import type { AiActData } from './load';
import { toSourceRefs } from './sources';
import { consolidatedDocument } from './consolidated';
import { supersessionRef } from '$lib/procedure/next-step';

export const AI_ACT_SLUG = 'ai-act';

export interface SeededDocuments {
	proposal: number;
	generalApproach: number;
	epAmendments: number;
	finalAct: number;
	/** The act as amended in 2026: an unofficial consolidation of selected provisions. */
	consolidated: number;
}

/** Seeds the dossier row and the texts of the act at each stage; returns their ids. */
export async function seedDossier(tx: DbConnection, data: AiActData) {
	const catalogue = data.dossier.meta.sources;
	const { procedure } = data.dossier;
	const [row] = await tx
		.insert(dossier)
		.values({
			slug: AI_ACT_SLUG,
			title: procedure.title,
			shortTitle: 'AI Act',
			procedureRef: procedure.reference,
			summary:
				'The EU Artificial Intelligence Act, from the Commission proposal of April 2021 to Regulation (EU) 2024/1689 and its later amendments. Trilogue follows its ban on biometric mass surveillance: Article 5 and remote biometric identification.',
			finalActRef: 'Regulation (EU) 2024/1689',
			sources: toSourceRefs([{ id: 'OJ' }, { id: 'COM' }], catalogue)
		})
		.returning({ id: dossier.id });
	const dossierId = row.id;

	const docs: {
		key: string;
		kind: DocumentKind;
		title: string;
		shortTitle: string;
		officialReference: string;
		/** Its entry in the dossier's source catalogue, for the URL; or the URL itself. */
		sourceId?: string;
		url?: string;
		date: string;
		provenance: Record<string, unknown>;
	}[] = [
		{
			key: 'commission-proposal',
			kind: 'proposal',
			title: 'Commission proposal',
			shortTitle: 'Proposal',
			officialReference: data.proposal.source.officialReference,
			sourceId: 'COM',
			date: '2021-04-21',
			provenance: data.proposal.source
		},
		{
			key: 'council-general-approach',
			kind: 'general_approach',
			title: 'Council general approach',
			shortTitle: 'Council',
			officialReference: data.generalApproach.source.officialReference,
			sourceId: 'CGA',
			date: '2022-12-06',
			provenance: data.generalApproach.source
		},
		{
			key: 'ep-amendments',
			kind: 'ep_amendments',
			title: 'Amendments adopted by the European Parliament',
			shortTitle: 'EP amendments',
			officialReference: data.amendments.source.officialReference,
			sourceId: 'EPTA',
			date: '2023-06-14',
			provenance: data.amendments.source
		},
		{
			key: 'final-act',
			kind: 'final_act',
			title: 'Regulation (EU) 2024/1689 (final act)',
			shortTitle: 'Final act',
			officialReference: data.finalAct.source.officialReference,
			sourceId: 'OJ',
			date: '2024-07-12',
			provenance: data.finalAct.source
		},
		consolidatedDocument(data.consolidated)
	];
	const inserted = await tx
		.insert(document)
		.values(
			docs.map((d, i) => ({
				dossierId,
				key: d.key,
				kind: d.kind,
				title: d.title,
				shortTitle: d.shortTitle,
				officialReference: d.officialReference,
				url: d.url ?? (d.sourceId ? catalogue[d.sourceId]?.officialUrl : undefined) ?? null,
				date: d.date,
				sortOrder: i,
				provenance: d.provenance
			}))
		)
		.returning({ id: document.id, key: document.key });
	const id = (key: string) => inserted.find((d) => d.key === key)!.id;
	const documents: SeededDocuments = {
		proposal: id('commission-proposal'),
		generalApproach: id('council-general-approach'),
		epAmendments: id('ep-amendments'),
		finalAct: id('final-act'),
		consolidated: id(consolidatedDocument(data.consolidated).key)
	};
	return { dossierId, documents };
}

/** Which stage introduced which document. */
const stageDocuments: Record<string, keyof SeededDocuments> = {
	'commission-proposal': 'proposal',
	'council-general-approach': 'generalApproach',
	'ep-plenary-amendments': 'epAmendments',
	'oj-publication': 'finalAct'
};

/** Events that brought a text: the 2026 act's publication left the act as the consolidation shows it. */
const eventDocuments: Record<string, keyof SeededDocuments> = {
	'digital-omnibus-oj': 'consolidated'
};

/**
 * Seeds the 19 procedure stages and the other dated events. An event that repeats a stage (same date,
 * category 'procedure') is left out, so the timeline lists each happening once. A stage a later act moved
 * keeps its original date and records the move among its sources (see `supersessionRef`).
 */
export async function seedProcedure(tx: DbConnection, data: AiActData, dossierId: number, docs: SeededDocuments) {
	const catalogue = data.dossier.meta.sources;
	const { stages } = data.dossier.procedure;
	const stageRows = stages.map((s, i) => ({
		dossierId,
		key: s.key,
		kind: 'stage' as const,
		category: 'procedure',
		title: s.name,
		date: s.date,
		dateNote: s.dateNote ?? null,
		institution: s.institution && s.institution !== '—' ? s.institution : null,
		documentRef: s.documentRef ?? null,
		documentId: stageDocuments[s.key] ? docs[stageDocuments[s.key]] : null,
		summary: s.evidence ?? null,
		votes: s.votes ?? null,
		verified: s.verified,
		stageOrder: i + 1,
		sources: [...toSourceRefs(s.source, catalogue), ...supersession(s, data)]
	}));
	const stageDates = new Set(stages.map((s) => s.date));
	const eventRows = data.dossier.events
		.filter((e) => !(e.category === 'procedure' && stageDates.has(e.date)))
		.map((e) => ({
			dossierId,
			key: `event:${e.key}`,
			kind: 'event' as const,
			category: e.category,
			title: e.title,
			date: e.date,
			summary: e.summary ?? null,
			votes: e.votes ?? null,
			verified: e.verified,
			notes: e.notes ?? null,
			documentId: eventDocuments[e.key] ? docs[eventDocuments[e.key]] : null,
			sources: toSourceRefs(e.source, catalogue)
		}));
	await tx.insert(procedureEvent).values([...stageRows, ...eventRows]);
	return { stages: stageRows.length, events: eventRows.length };
}

function supersession(stage: AiActData['dossier']['procedure']['stages'][number], data: AiActData) {
	const moved = stage.supersededBy;
	if (!moved) return [];
	const event = data.dossier.events.find((e) => e.key === moved.event);
	if (!event)
		throw new Error(`Stage ${stage.key} is superseded by an event that is not in dossier.json: ${moved.event}`);
	return [
		supersessionRef({
			entryKey: `event:${event.key}`,
			title: event.title,
			date: moved.date,
			partly: moved.partly === true,
			note: moved.note
		})
	];
}
