import type { RawSource, SourceCatalogue } from './sources';
import type { SourceItem } from '../../provisions/split';

export interface RawStage {
	key: string;
	name: string;
	date: string | null;
	dateNote?: string;
	institution?: string;
	documentRef?: string;
	votes?: { for: number; against: number; abstentions: number };
	verified: boolean;
	evidence?: string;
	source?: RawSource[];
}

export interface RawEvent {
	key: string;
	date: string | null;
	category: string;
	title: string;
	verified: boolean;
	summary?: string;
	notes?: string;
	votes?: { for: number; against: number; abstentions: number };
	source?: RawSource[];
}

export interface RawPosition {
	country: string;
	date: string | null;
	dateNote?: string;
	stance: string;
	verified: boolean;
	summary: string;
	source?: RawSource[];
}

export interface RawPresidency {
	presidency: string;
	date: string | null;
	summary: string;
	source?: RawSource[];
}

export interface RawDossier {
	meta: { sources: SourceCatalogue };
	procedure: { reference: string; title: string; finalAct: string; stages: RawStage[] };
	events: RawEvent[];
	nationalPositions: RawPosition[];
	councilPresidencies: RawPresidency[];
	numberingMaps: Record<string, Record<string, string>[]>;
	gaps: string[];
}

export interface RawText {
	source: { officialReference: string; [key: string]: unknown };
	items: SourceItem[];
}

export interface RawAmendment {
	number: number;
	target: string;
	commissionText: string;
	amendmentText: string;
	deleted: boolean;
	newProvision: boolean;
	justification: string | null;
	pdfPage: number;
}

export interface AiActData {
	dossier: RawDossier;
	proposal: RawText;
	generalApproach: RawText;
	finalAct: RawText;
	amendments: { source: { officialReference: string }; items: RawAmendment[] };
}

/**
 * Loads the shipped AI Act files. Dynamic imports keep 2 MB of JSON out of every server chunk
 * except the seed's own, and out of memory unless a seed runs.
 */
export async function loadAiAct(): Promise<AiActData> {
	const [dossier, proposal, generalApproach, finalAct, amendments] = await Promise.all([
		import('./data/ai-act/dossier.json'),
		import('./data/ai-act/text-commission-proposal-2021.json'),
		import('./data/ai-act/text-council-general-approach-2022.json'),
		import('./data/ai-act/text-regulation-2024-1689.json'),
		import('./data/ai-act/ep-amendments-2023-06-14.json')
	]);
	return {
		dossier: dossier.default as unknown as RawDossier,
		proposal: proposal.default as unknown as RawText,
		generalApproach: generalApproach.default as unknown as RawText,
		finalAct: finalAct.default as unknown as RawText,
		amendments: amendments.default as unknown as AiActData['amendments']
	};
}
