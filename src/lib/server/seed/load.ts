import type { RawSource, SourceCatalogue } from './sources';
import type { SourceItem } from '../../provisions/split';
import type { BlockAmendment } from '$lib/amendments/pdf/grammar';

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
	/** A later act moved this date, wholly or in part, to the date of `event` (a key in `events`). */
	supersededBy?: { partly?: boolean; date: string; event: string; note: string };
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

/** One record of `national-positions-2026-12.json`: a dated statement or event, with its source's own words. */
export interface RawSourcedPosition {
	country: string;
	/** The statement's date, or the report's for undated Council positions (the summary says which). */
	date: string;
	/** The part of the ban it concerns, in the file's words: 'real-time RBI', 'post RBI', 'exceptions', 'facial scraping'. */
	topicHint: string;
	stanceAsReported: string;
	/** Verbatim from the source; '[...]' marks a cut. */
	quote: string;
	summary: string;
	source: { url: string; title: string; publisher: string; published: string | null; kind: 'official' | 'secondary' };
	/** Whether a second pass re-read the quote in the source. */
	verified: boolean;
}

export interface RawSourcedPositions {
	meta: { title: string; generated: string; scope: string; count: number; [key: string]: unknown };
	records: RawSourcedPosition[];
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

/** An amendment in the seed's JSON: the fields the PDF reader reads from its block, and the page it is on. */
export type RawAmendment = Pick<
	BlockAmendment,
	'number' | 'target' | 'commissionText' | 'amendmentText' | 'deleted' | 'newProvision' | 'justification'
> & { pdfPage: number };

/** One Member in the Parliament's directory of April 2023 (`ep-members-2023-04.json`). */
export interface RawMember {
	epId: number;
	/** Given names, then the FAMILY NAME in capitals. */
	name: string;
	/** ISO 3166-1 alpha-2, with GR for Greece as the source writes it. */
	country: string;
	/** The group's short name: 'EPP', 'S&D', 'Greens/EFA'… */
	group: string;
	groupFull: string;
	nationalParty: string;
}

export interface AiActData {
	dossier: RawDossier;
	proposal: RawText;
	generalApproach: RawText;
	finalAct: RawText;
	amendments: { source: { officialReference: string }; items: RawAmendment[] };
	members: RawMember[];
	/** Articles 3, 4a, 5, 10 and 113 as Regulation (EU) 2026/1744 left them: an unofficial consolidation. */
	consolidated: RawConsolidation;
	/** 37 more dated, sourced national records (2021-2026), each with a verbatim quote. */
	moreNationalPositions: RawSourcedPositions;
}

/** `text-2026-consolidated-selected.json`: selected provisions, each saying what changed. */
export interface RawConsolidation {
	source: {
		title: string;
		amendingAct: string;
		procedure: string;
		foundAt: { repo: string; path: string; commit: string; note?: string };
		corroboration: { what: string; sources: string[] }[];
		reliability: string;
		[key: string]: unknown;
	};
	items: (SourceItem & { status: 'new' | 'amended'; basis: string })[];
}

/**
 * Loads the shipped AI Act files. Dynamic imports keep 2 MB of JSON out of every server chunk
 * except the seed's own, and out of memory unless a seed runs.
 */
export async function loadAiAct(): Promise<AiActData> {
	const [dossier, proposal, generalApproach, finalAct, amendments, members, consolidated, moreNationalPositions] =
		await Promise.all([
			import('./data/ai-act/dossier.json'),
			import('./data/ai-act/text-commission-proposal-2021.json'),
			import('./data/ai-act/text-council-general-approach-2022.json'),
			import('./data/ai-act/text-regulation-2024-1689.json'),
			import('./data/ai-act/ep-amendments-2023-06-14.json'),
			import('./data/ai-act/ep-members-2023-04.json'),
			import('./data/ai-act/text-2026-consolidated-selected.json'),
			import('./data/ai-act/national-positions-2026-12.json')
		]);
	return {
		dossier: dossier.default as unknown as RawDossier,
		proposal: proposal.default as unknown as RawText,
		generalApproach: generalApproach.default as unknown as RawText,
		finalAct: finalAct.default as unknown as RawText,
		amendments: amendments.default as unknown as AiActData['amendments'],
		members: members.default.members as RawMember[],
		consolidated: consolidated.default as unknown as RawConsolidation,
		moreNationalPositions: moreNationalPositions.default as unknown as RawSourcedPositions
	};
}
