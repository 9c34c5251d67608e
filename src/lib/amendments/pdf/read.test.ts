import { existsSync, readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitDocument, type SourceItem } from '../../provisions/split';
import { FURNITURE_IN_TEXT } from './furniture';
import { printedWords, readPages, readPdfPages, type PdfAmendment, type PdfDocumentMeta } from './read';
import { commissionFailures, wordDifferences } from './quality';

const FOLDER = 'ai-act/documents/ep-committee-amendments/';
const SEEDED = new URL(`../../server/seed/data/${FOLDER}`, import.meta.url);
const SHARED = new URL(`../../../../../shared/data/${FOLDER}`, import.meta.url);
const DIR = existsSync(SEEDED) ? SEEDED : SHARED;
const PROCEDURE = '2021/0106(COD)';

type Expected = Pick<PdfDocumentMeta, 'committee' | 'date' | 'range' | 'reference' | 'kind'> & Partial<PdfDocumentMeta>;
const opinion = (committee: string, date: string, first: number, last: number, reference: string): Expected => ({
	committee,
	date,
	kind: 'amendments',
	range: { first, last },
	reference
});
/** What each cover and footer prints, read off the PDFs. */
const FILES: Record<string, Expected[]> = {
	'AIA-CULT-Rule-57-Opinion-Amendments-1-April.pdf': [
		{
			...opinion('CULT', '2022-04-01', 54, 270, 'PE730.175v01-00'),
			committeeName: 'Committee on Culture and Education',
			docxName: 'AM\\1253331EN.docx',
			procedure: PROCEDURE,
			rapporteurs: ['Marcel Kolaja'],
			draftReference: 'PE719.637v01-00',
			pages: 128,
			firstPage: 1
		}
	],
	'AIA-ENVI-Rule-56-Opinion-Amendments-25-January.pdf': [
		{
			...opinion('ENVI', '2022-01-25', 68, 268, 'PE704.585v01-00'),
			rapporteurs: ['Susana Solís Pérez'],
			draftReference: 'PE699.056v01-00'
		}
	],
	// The ITRE file holds two documents: the cover on page 167 opens amendments 382–663 (PE730.106v01-00).
	'AIA-ITRE-Rule-57-Opinion-Amendments-31-March.pdf': [
		{
			...opinion('ITRE', '2022-03-31', 127, 381, 'PE719.802v01-00'),
			rapporteurs: ['Eva Maydell'],
			draftReference: 'PE719.801v01-00',
			pages: 166
		},
		{
			...opinion('ITRE', '2022-03-31', 382, 663, 'PE730.106v01-00'),
			docxName: 'AM\\1253012EN.docx',
			pages: 148,
			firstPage: 167
		}
	],
	'AIA-TRAN-Rule-56-Opinion-Amendments-4-May.pdf': [
		{
			...opinion('TRAN', '2022-05-04', 74, 311, 'PE731.743v01-00'),
			rapporteurs: ['Josianne Cutajar'],
			draftReference: 'PE730.085v01-00'
		}
	],
	'AIA-IMCO-LIBE-Report-Draft-20-April.pdf': [
		{
			committee: 'IMCO-LIBE',
			committeeName:
				'Committee on the Internal Market and Consumer Protection; Committee on Civil Liberties, Justice and Home Affairs',
			date: '2022-04-20',
			kind: 'draft_report',
			// A draft report prints no range on its cover: these are the numbers read.
			range: { first: 1, last: 309 },
			reference: 'PE731.563v01-00',
			docxName: 'PR\\1254442EN.docx',
			rapporteurs: ['Brando Benifei', 'Ioan-Dragoş Tudorache'],
			draftReference: null,
			pages: 161
		}
	]
};
const NAMES = Object.keys(FILES);

interface Parsed {
	documents: PdfDocumentMeta[];
	amendments: PdfAmendment[];
	problems: { page: number; number?: number; reason: string }[];
	words: ReturnType<typeof printedWords>;
	pages: number;
	ms: number;
	cpuMs: number;
}
const parsed = new Map<string, Parsed>();
const figures = new Map<string, Record<string, string | number>>();
const figure = (file: string, key: string, value: string | number) =>
	figures.set(file, { ...figures.get(file), [key]: value });
const short = (file: string) => file.replace(/^AIA-/, '').replace(/-.*/, '');

beforeAll(async () => {
	for (const file of NAMES) {
		const bytes = new Uint8Array(readFileSync(new URL(file, DIR)));
		const cpu = cpuUsage();
		const start = performance.now();
		const opened = await readPdfPages(bytes, file);
		if (!opened.ok) throw new Error(opened.error);
		const read = readPages(opened.pages, file, { expectProcedure: PROCEDURE });
		const ms = performance.now() - start;
		const used = cpuUsage(cpu);
		if (!read.ok) throw new Error(read.error);
		const words = printedWords(opened.pages);
		parsed.set(file, { ...read, words, pages: opened.pages.length, ms, cpuMs: (used.user + used.system) / 1000 });
	}
	const rows = NAMES.map((f) => {
		const p = parsed.get(f) as Parsed;
		return { file: short(f), pages: p.pages, amendments: p.amendments.length, 'wall ms': p.ms, 'cpu ms': p.cpuMs };
	});
	const total = rows.reduce((t, r) => ({
		file: 'total',
		pages: t.pages + r.pages,
		amendments: t.amendments + r.amendments,
		'wall ms': t['wall ms'] + r['wall ms'],
		'cpu ms': t['cpu ms'] + r['cpu ms']
	}));
	console.log(
		'PDF reader timing, pdfjs included (wall time depends on what else the machine runs; cpu is this process)'
	);
	console.table(
		[...rows, total].map((r) => ({
			...r,
			'wall ms': Math.round(r['wall ms']),
			'cpu ms': Math.round(r['cpu ms']),
			'pages/s': Math.round(r.pages / (r['wall ms'] / 1000))
		}))
	);
}, 180_000);

const get = (file: string) => parsed.get(file) as Parsed;

describe('readAmendmentPdf on the five committee documents', () => {
	it.each(NAMES)('reads the cover and footer of %s', (file) => {
		const { documents } = get(file);
		const summary = documents.map((m) => `${m.committee} ${m.date} ${m.range.first}–${m.range.last} ${m.reference}`);
		figure(file, 'meta', summary.join(' + '));
		expect(documents).toHaveLength(FILES[file].length);
		for (const [i, expected] of FILES[file].entries()) expect(pick(documents[i], expected)).toEqual(expected);
		for (const d of documents) expect(d.procedure).toBe(PROCEDURE);
	});

	it.each(NAMES)('finds every number of the range exactly once in %s', (file) => {
		const { documents, amendments } = get(file);
		const report: string[] = [];
		for (const [i, d] of documents.entries()) {
			const count = new Map<number, number>();
			for (const a of amendments.filter((x) => x.document === i)) count.set(a.number, (count.get(a.number) ?? 0) + 1);
			const missing: number[] = [];
			for (let n = d.range.first; n <= d.range.last; n++) if (!count.has(n)) missing.push(n);
			const doubled = [...count].filter(([, c]) => c > 1).map(([n]) => n);
			report.push(`${count.size}/${d.range.last - d.range.first + 1}`);
			expect({ missing, doubled }).toEqual({ missing: [], doubled: [] });
		}
		figure(file, 'numbers', report.join(' + '));
	});

	it.each(NAMES)('leaves no page furniture in any text field of %s', (file) => {
		const hits: string[] = [];
		for (const a of get(file).amendments) {
			const fields = [...a.authors, a.target, a.commissionText, a.amendmentText, a.justification ?? '', a.note ?? ''];
			for (const text of fields) {
				for (const re of FURNITURE_IN_TEXT)
					if (re.test(text)) hits.push(`${a.number}: ${re} in "${text.slice(0, 60)}"`);
			}
		}
		figure(file, 'furniture', hits.length);
		expect(hits).toEqual([]);
	});

	it.each(NAMES)('prints a Commission column found word for word in the proposal in %s', (file) => {
		const withText = get(file).amendments.filter((a) => a.commissionText !== '');
		const failures = commissionFailures(withText, proposal());
		const share = 1 - failures.length / withText.length;
		const found = withText.length - failures.length;
		figure(file, 'commission text in proposal', `${found}/${withText.length} (${(share * 100).toFixed(1)}%)`);
		if (failures.length) {
			const heading = `${short(file)}: Commission column not in the proposal (first 10 of ${failures.length})`;
			console.log([heading, ...failures.slice(0, 10)].join('\n'));
		}
		expect(share).toBeGreaterThanOrEqual(0.98);
	});

	it.each(NAMES)('loses and doubles no word of %s', (file) => {
		const { amendments, words } = get(file);
		const failures: string[] = [];
		for (const printed of words) {
			const a = amendments.find((x) => x.document === printed.document && x.number === printed.number);
			const diff = a ? wordDifferences(a, printed.words) : 'not read';
			if (diff) failures.push(`${printed.number} (p. ${printed.page}): ${diff}`);
		}
		figure(file, 'words equal', `${words.length - failures.length}/${words.length}`);
		if (failures.length) console.log(`${short(file)}: word differences\n${failures.slice(0, 10).join('\n')}`);
		expect(failures).toEqual([]);
	});

	it.each(NAMES)('reports no problems in %s', (file) => {
		const { problems } = get(file);
		figure(file, 'problems', problems.length);
		expect(problems.map((p) => `${p.page}: ${p.reason}`)).toEqual([]);
	});
});

const find = (file: string, number: number) => {
	const a = get(file).amendments.find((x) => x.number === number);
	if (!a) throw new Error(`${short(file)} ${number} not read`);
	return a;
};
const [CULT, ENVI, IMCO, ITRE, TRAN] = ['CULT', 'ENVI', 'IMCO', 'ITRE', 'TRAN'].map(
	(c) => NAMES.find((f) => f.includes(c)) as string
);

describe('readAmendmentPdf, amendments checked against the printed page', () => {
	it('CULT 54: authors, target, page, language and the Commission column', () => {
		const a = find(CULT, 54);
		expect(a).toMatchObject({
			authors: ['Dace Melbārde', 'Andrey Slabakov'],
			target: 'Recital 1',
			page: 3,
			language: 'en'
		});
		expect(a.commissionText).toMatch(/^\(1\) The purpose of this Regulation is to improve the functioning/);
		expect(a.amendmentText).toContain(
			'Union values without hampering innovation, deployment and uptake of Artificial Intelligence'
		);
		expect(a.commissionText).toContain('free movement of AI-based goods'); // "AI-" + "based" across lines
	});

	it('CULT 55 runs on to page 4 and keeps its columns apart', () => {
		const a = find(CULT, 55);
		expect(a.page).toBe(3);
		expect(a.authors).toEqual(['Vlad-Marius Botoş', 'Irena Joveva', 'Morten Løkkegaard']);
		expect(a.commissionText).toContain(
			'artificial intelligence in conformity with Union values. This Regulation pursues'
		);
		expect(a.amendmentText).toContain(
			'Union values without hindering the innovation and the evolution of Artificial Intelligence'
		);
	});

	it('ITRE 127: an author list wrapped over three lines, one name across the break', () => {
		expect(find(ITRE, 127).authors).toEqual([
			'Lina Gálvez Muñoz',
			'Miapetra Kumpula-Natri',
			'Ibán García Del Blanco',
			'Carlos Zorrinho',
			'Robert Hajšel',
			'Romana Jerković',
			'Adriana Maldonado López',
			'Josianne Cutajar'
		]);
	});

	it('ENVI 69: "on behalf of the Greens/EFA Group" stays an entry of its own', () => {
		expect(find(ENVI, 69).authors).toEqual(['Margrete Auken', 'on behalf of the Greens/EFA Group']);
	});

	it('ITRE 377: a new point, empty Commission column', () => {
		expect(find(ITRE, 377)).toMatchObject({
			target: 'Article 7 – paragraph 2 – point h a (new)',
			commissionText: '',
			amendmentText: '(h a) the extent to which the AI system acts autonomously;',
			newProvision: true,
			deleted: false,
			page: 165
		});
	});

	it('ITRE 382 is in the second document of the file', () => {
		expect(find(ITRE, 382).document).toBe(1);
		expect(get(ITRE).documents[1].firstPage).toBe(167);
	});

	it('CULT 125: a deleted recital, its text left out as "[...]", tabled in Italian', () => {
		expect(find(CULT, 125)).toMatchObject({
			target: 'Recital 38',
			commissionText: '[...]',
			amendmentText: '',
			deleted: true,
			newProvision: false,
			language: 'it',
			page: 55
		});
	});

	it('CULT 151: a justification after "Or. en"', () => {
		const a = find(CULT, 151);
		expect(a.target).toBe('Article 3 – paragraph 1 – point 1');
		expect(a.justification).toBe(
			'In our opinion, the definition should focus in the outputs produced by AI systems that need to be regulated, instead than of the techniques listed in Annex I. AI develops at a very rapid pace and we risk to leave out of the scope AI systems, simply because they would not be listed. Therefore, we see no added value in Annex I.'
		);
	});

	it('CULT 69: footnote markers inline, the footnotes after the rule', () => {
		const paragraphs = find(CULT, 69).commissionText.split('\n');
		expect(paragraphs[0]).toContain('as stated by the European Council[^33], and it ensures');
		expect(paragraphs.slice(1, 3)).toEqual([
			'_________________',
			'[^33]: European Council, Special meeting of the European Council (1 and 2 October 2020) – Conclusions, EUCO 13/20, 2020, p. 6.'
		]);
	});

	it('TRAN 292: a four-line heading for an amended act is one target', () => {
		expect(find(TRAN, 292).target).toBe('Article 80 – paragraph 1 Regulation (EU) 2018/858 Article 5');
	});

	it('IMCO-LIBE 147: a draft report has no author lines; the placement note is kept', () => {
		expect(find(IMCO, 147)).toMatchObject({
			authors: [],
			target: 'Article 29 a (new)',
			amendmentText:
				'Article 29a\nNotification\nMember States shall notify the Commission and the other Member States of conformity assessment bodies.',
			note: '(Article 29a is inserted in Chapter 4 before Article 30)',
			newProvision: true
		});
	});
});

function pick(meta: PdfDocumentMeta, expected: Expected): Partial<PdfDocumentMeta> {
	return Object.fromEntries(Object.keys(expected).map((k) => [k, meta[k as keyof PdfDocumentMeta]]));
}

let split: ReturnType<typeof splitDocument> | null = null;
function proposal() {
	if (!split) {
		const url = new URL('../../server/seed/data/ai-act/text-commission-proposal-2021.json', import.meta.url);
		split = splitDocument((JSON.parse(readFileSync(url, 'utf8')) as { items: SourceItem[] }).items);
	}
	return split;
}

afterAll(() => {
	console.log('PDF reader quality per file');
	console.table(NAMES.map((f) => ({ file: short(f), ...figures.get(f) })));
});
