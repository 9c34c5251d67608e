import type { BodyPage } from './furniture';
import { rowText } from './layout';

export type PdfDocumentKind = 'amendments' | 'draft_report' | 'draft_opinion';

/** What a cover page prints about its document. */
export interface Cover {
	committee: string;
	committeeName: string;
	date: string | null;
	kind: PdfDocumentKind;
	range: { first: number; last: number } | null;
	procedure: string | null;
	rapporteurs: string[];
	draftReference: string | null;
}

/**
 * The 9th term's committees by the name their documents print ("Committee on …"). A document's committee
 * code is our key for its tabling context, so a name not listed here is refused rather than guessed.
 */
const COMMITTEES: Record<string, string> = {
	'foreign affairs': 'AFET',
	'human rights': 'DROI',
	'security and defence': 'SEDE',
	development: 'DEVE',
	'international trade': 'INTA',
	budgets: 'BUDG',
	'budgetary control': 'CONT',
	'economic and monetary affairs': 'ECON',
	'employment and social affairs': 'EMPL',
	'environment, public health and food safety': 'ENVI',
	'industry, research and energy': 'ITRE',
	'internal market and consumer protection': 'IMCO',
	'transport and tourism': 'TRAN',
	'regional development': 'REGI',
	'agriculture and rural development': 'AGRI',
	fisheries: 'PECH',
	'culture and education': 'CULT',
	'legal affairs': 'JURI',
	'civil liberties, justice and home affairs': 'LIBE',
	'constitutional affairs': 'AFCO',
	"women's rights and gender equality": 'FEMM',
	petitions: 'PETI',
	'artificial intelligence in a digital age': 'AIDA'
};

const KINDS: Record<string, PdfDocumentKind> = {
	AMENDMENTS: 'amendments',
	'DRAFT REPORT': 'draft_report',
	'DRAFT OPINION': 'draft_opinion'
};

const PROCEDURE = /^\(?(\d{4}\/\d{4}\([A-Z]{3}\))\)?$/;
const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const RANGE = /^(\d+)\s*[-–]\s*(\d+)$/;
const DRAFT_REFERENCE = /^\((PE\d{3}\.\d{3}v\d{2}-\d{2})\)$/;
const RAPPORTEUR = /^(?:Co-?)?Rapporteurs?(?: for the opinion)?:\s*(.*)$/i;

/** A cover opens with "European Parliament" over the term ("2019-2024"). */
export function isCover(page: BodyPage): boolean {
	const top = page.rows.slice(0, 3).map(rowText);
	return top.includes('European Parliament') && top.some((t) => /^\d{4}\s*[-–]\s*\d{4}$/.test(t));
}

/** Reads a cover page; `error` says what a cover that is not a Parliament committee document lacks. */
export function readCover(page: BodyPage): { cover: Cover } | { error: string } {
	const lines = page.rows.map(rowText);
	const kindAt = lines.findIndex((l) => KINDS[l] !== undefined);
	if (kindAt < 0) return { error: 'its cover is not an AMENDMENTS, DRAFT REPORT or DRAFT OPINION cover' };
	const names: string[] = [];
	for (const line of lines.slice(0, kindAt)) if (/^Committee on /.test(line)) names.push(line);
	if (!names.length) return { error: 'its cover names no committee' };
	const codes = names.map(committeeCode);
	const unknown = names.find((_, i) => codes[i] === null);
	if (unknown) return { error: `its cover names "${unknown}", which is not a committee of the Parliament` };
	const dateLine = lines.slice(0, kindAt).find((l) => DATE.test(l));
	const rangeLine = lines.slice(kindAt + 1, kindAt + 3).find((l) => RANGE.test(l));
	const range = rangeLine ? RANGE.exec(rangeLine) : null;
	return {
		cover: {
			committee: codes.join('-'),
			committeeName: names.join('; '),
			date: dateLine ? isoDate(dateLine) : null,
			kind: KINDS[lines[kindAt]],
			range: range ? { first: Number(range[1]), last: Number(range[2]) } : null,
			procedure: lines.map((l) => PROCEDURE.exec(l)?.[1]).find((p) => p !== undefined) ?? null,
			rapporteurs: rapporteurs(lines, kindAt),
			draftReference: lines.map((l) => DRAFT_REFERENCE.exec(l)?.[1]).find((p) => p !== undefined) ?? null
		}
	};
}

function committeeCode(name: string): string | null {
	const key = name
		.replace(/^Committee on (the )?/, '')
		.replace(/^Special Committee on /, '')
		.replace(/[’‘]/g, "'")
		.toLowerCase();
	return COMMITTEES[key] ?? null;
}

/** '1.4.2022' → '2022-04-01'. */
function isoDate(line: string): string {
	const [, d, m, y] = DATE.exec(line) as RegExpExecArray;
	return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * An amendments document prints the draft's rapporteur under "Draft opinion" (or "Draft report"); a draft
 * report or opinion prints "Rapporteur: A, B" (names may wrap onto the next line).
 */
function rapporteurs(lines: string[], kindAt: number): string[] {
	const labelled = lines.findIndex((l) => RAPPORTEUR.test(l));
	let text: string;
	if (labelled >= 0) {
		text = (RAPPORTEUR.exec(lines[labelled]) as RegExpExecArray)[1];
		for (const next of lines.slice(labelled + 1)) {
			if (!/,$/.test(text) || /^\(/.test(next)) break;
			text += ` ${next}`;
		}
	} else {
		const draft = lines.findIndex((l, i) => i > kindAt && /^Draft (opinion|report)$/i.test(l));
		if (draft < 0) return [];
		const names: string[] = [];
		for (const next of lines.slice(draft + 1)) {
			if (DRAFT_REFERENCE.test(next) || /^\(/.test(next)) break;
			names.push(next);
		}
		text = names.join(', ');
	}
	return text
		.split(/,\s*|\s+and\s+/)
		.map((n) => n.trim())
		.filter((n) => n !== '');
}
