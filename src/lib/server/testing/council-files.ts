/**
 * For the tests only: the eight real Council compromise texts and the seed's JSON texts. The files are looked
 * up in the seed's copy first and in the shared data folder next to the checkout otherwise, and each is read
 * once per test file.
 */
import fs from 'node:fs';
import { readCouncilDocx, type DocxReadResult } from '$lib/texts/docx/read';
import type { SourceItem } from '$lib/provisions/split';

export const COUNCIL_FILES = [
	'2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx',
	'2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx',
	'2022-07-15-AIA-CZ-1st-Proposal-15-July.docx',
	'2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx',
	'2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx',
	'2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx',
	'2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.docx',
	'2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.docx'
] as const;

export type CouncilFile = (typeof COUNCIL_FILES)[number];

const PLACES = [
	new URL('../seed/data/ai-act/documents/council-compromise-texts/', import.meta.url),
	new URL('../../../../../shared/data/ai-act/documents/council-compromise-texts/', import.meta.url)
];

export function councilFileBytes(name: CouncilFile): Uint8Array {
	for (const dir of PLACES) {
		const url = new URL(name, dir);
		if (fs.existsSync(url)) return new Uint8Array(fs.readFileSync(url));
	}
	throw new Error(`${name} is in neither ${PLACES.map((p) => p.pathname).join(' nor ')}`);
}

export interface TimedRead {
	file: CouncilFile;
	ms: number;
	result: Extract<DocxReadResult, { ok: true }>;
}

const cache = new Map<CouncilFile, TimedRead>();

/** Reads a real file (once), failing loudly if the reader refuses it. */
export function readCouncilFile(file: CouncilFile): TimedRead {
	const done = cache.get(file);
	if (done) return done;
	const bytes = councilFileBytes(file);
	const started = performance.now();
	const result = readCouncilDocx(bytes, file, { expectProcedure: '2021/0106(COD)' });
	const ms = performance.now() - started;
	if (!result.ok) throw new Error(result.error);
	const read = { file, ms, result };
	cache.set(file, read);
	return read;
}

export function seedItems(
	name: 'text-commission-proposal-2021.json' | 'text-council-general-approach-2022.json'
): SourceItem[] {
	const url = new URL(`../seed/data/ai-act/${name}`, import.meta.url);
	return (JSON.parse(fs.readFileSync(url, 'utf8')) as { items: SourceItem[] }).items;
}
