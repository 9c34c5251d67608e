import { beforeAll, describe, expect, it } from 'vitest';
import { diffWords } from 'diff';
import { splitDocument } from '../../provisions/split';
import { openDocx } from './package';
import { readDocument, type DocxParagraph } from './document';
import {
	COUNCIL_FILES,
	councilFileBytes,
	readCouncilFile,
	seedItems,
	type CouncilFile
} from '$lib/server/testing/council-files';
import type { CouncilCover } from './read';

// All on the real files (see /work/shared/data/ai-act/documents/README.md); figures are printed.
const GENERAL_APPROACH: CouncilFile = '2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.docx';
const THIRD_COMPROMISE: CouncilFile = '2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx';

const words = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (p: DocxParagraph) => p.runs.map((r) => r.text).join('');

describe('reading the eight Council texts', () => {
	it('reads every file, and says how long each took', { timeout: 120_000 }, () => {
		const rows = COUNCIL_FILES.map((f) => {
			const { ms, result } = readCouncilFile(f);
			return `${f.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms  ${String(result.items.length).padStart(4)} items  ${result.warnings.length} warnings`;
		});
		console.log(`Reading time per file:\n${rows.join('\n')}`);
		for (const f of COUNCIL_FILES) expect(readCouncilFile(f).result.items.length).toBeGreaterThan(150);
	});
});

describe('reference: ST 15698/22 read from Word against text-council-general-approach-2022.json', () => {
	const reference = seedItems('text-council-general-approach-2022.json');
	let read: ReturnType<typeof readCouncilFile>;
	beforeAll(() => {
		read = readCouncilFile(GENERAL_APPROACH);
	}, 60_000);

	it('gives the same provisions (eIds) as the reference', () => {
		const ours = new Set(splitDocument(read.result.items).map((n) => n.eid));
		const theirs = new Set(splitDocument(reference).map((n) => n.eid));
		const onlyOurs = [...ours].filter((e) => !theirs.has(e));
		const onlyTheirs = [...theirs].filter((e) => !ours.has(e));
		console.log(
			`eIds: ${ours.size} read, ${theirs.size} in the reference; only read: [${onlyOurs.join(', ')}]; only reference: [${onlyTheirs.join(', ')}]`
		);
		expect(onlyOurs).toEqual([]);
		expect(onlyTheirs).toEqual([]);
	});

	it('gives at least 99% of the items word for word', () => {
		const ours = new Map(
			splitDocument(read.result.items)
				.filter((n) => !n.parentEid && !/^(title|chp|sec)_/.test(n.eid))
				.map((n) => [n.eid, n.text])
		);
		const top = splitDocument(reference).filter((n) => !n.parentEid && !/^(title|chp|sec)_/.test(n.eid));
		const differing: string[] = [];
		for (const n of top) {
			const mine = ours.get(n.eid) ?? '';
			if (words(mine) === words(n.text)) continue;
			const d = diffWords(n.text, mine)
				.filter((p) => p.added || p.removed)
				.map((p) => `${p.added ? '+' : '-'}${JSON.stringify(p.value.slice(0, 80))}`)
				.join(' ');
			differing.push(`${n.eid}: ${d.slice(0, 300)}`);
		}
		const same = top.length - differing.length;
		console.log(
			`Items word for word identical: ${same} of ${top.length} (${((100 * same) / top.length).toFixed(1)}%)${differing.length ? `\n${differing.join('\n')}` : ''}`
		);
		expect(same / top.length).toBeGreaterThanOrEqual(0.99);
	});

	it('keeps titles, divisions, footnotes, deletions and printed labels as the reference records them', () => {
		const key = (i: { kind: string; number: string | number }) => `${i.kind} ${i.number}`;
		const meta = (i: (typeof reference)[number] & { labelAsPrinted?: string }) =>
			JSON.stringify([
				i.title ?? null,
				i.titleOfAct ?? null,
				i.chapter ?? null,
				i.deleted ?? false,
				i.footnotes ?? null,
				i.labelAsPrinted ?? null
			]);
		const ours = new Map(read.result.items.map((i) => [key(i), meta(i)]));
		const off = reference.filter((i) => ours.get(key(i)) !== meta(i)).map(key);
		console.log(
			`Items whose title/division/footnotes/deleted/label differ: ${off.length}${off.length ? ` (${off.join(', ')})` : ''}`
		);
		expect(off).toEqual([]);
	});
});

describe('cover metadata of each file, as printed on its cover', () => {
	const expected: Record<CouncilFile, Partial<CouncilCover>> = {
		// The cover prints no 'No. prev. doc.'; its note revises "the Commission's proposal", whose number it
		// prints as 8115/20 (the proposal is 8115/21: a typo of the original, kept as printed).
		'2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx': {
			councilRef: 'ST 14278/21',
			date: '2021-11-29',
			presidencyCountry: 'Slovenia',
			presidency: 'Slovenian Presidency',
			previousRef: 'ST 8115/20',
			addressees: 'Delegations'
		},
		// The README leaves the previous text blank; the (French) cover prints 'Nº doc. préc.: 9029/22'.
		'2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx': {
			councilRef: 'ST 10069/22',
			date: '2022-06-15',
			presidencyCountry: 'France',
			presidency: 'présidence française',
			previousRef: 'ST 9029/22',
			addressees: 'délégations',
			language: 'fr'
		},
		'2022-07-15-AIA-CZ-1st-Proposal-15-July.docx': {
			councilRef: 'ST 11124/22',
			date: '2022-07-15',
			presidencyCountry: 'Czechia',
			previousRef: 'ST 10069/22',
			addressees: 'Delegations'
		},
		'2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx': {
			councilRef: 'ST 12549/22',
			date: '2022-09-23',
			presidencyCountry: 'Czechia',
			previousRef: 'ST 12206/1/22 REV 1',
			addressees: 'Delegations'
		},
		'2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx': {
			councilRef: 'ST 13102/22',
			date: '2022-10-19',
			presidencyCountry: 'Czechia',
			previousRef: 'ST 12549/22',
			addressees: 'Delegations'
		},
		'2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx': {
			councilRef: 'ST 13955/22',
			date: '2022-11-03',
			presidencyCountry: 'Czechia',
			previousRef: 'ST 13102/22',
			addressees: 'Delegations'
		},
		// No 'No. prev. doc.' field; the note compares with "the previous compromise text … (doc. 13955/22)".
		'2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.docx': {
			councilRef: 'ST 14336/22',
			date: '2022-11-11',
			presidencyCountry: 'Czechia',
			previousRef: 'ST 13955/22',
			addressees: 'Permanent Representatives Committee'
		},
		// From the General Secretariat; its note names no presidency.
		'2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.docx': {
			councilRef: 'ST 15698/22',
			date: '2022-12-06',
			presidency: null,
			presidencyCountry: null,
			previousRef: 'ST 14954/22 + ADD 1',
			addressees: 'Delegations'
		}
	};
	it.each(COUNCIL_FILES)('%s', { timeout: 60_000 }, (file) => {
		const { cover } = readCouncilFile(file).result;
		console.log(`${file}: ${JSON.stringify(cover)}`);
		expect(cover).toMatchObject({ procedure: '2021/0106(COD)', language: 'en', ...expected[file] });
		expect(cover.subject).toMatch(/^Propos(al|ition) (for a Regulation|de Règlement)/);
	});
});

describe('labels come from the numbering definitions', () => {
	it(
		'prints "1.", "(a)" and "(i)" in Article 5 of ST 15698/22, where they are list numbering only',
		{ timeout: 60_000 },
		() => {
			const pkg = openDocx(councilFileBytes(GENERAL_APPROACH), GENERAL_APPROACH);
			if (!pkg.ok) throw new Error(pkg.error);
			const paragraphs = readDocument(pkg.parts).paragraphs;
			const find = (start: string) => paragraphs.find((p) => text(p).trim().startsWith(start))!;
			const para1 = find('The following artificial intelligence practices shall be prohibited');
			const pointA = find(
				'the placing on the market, putting into service or use of an AI system that deploys subliminal'
			);
			const pointI = find(
				'detrimental or unfavourable treatment of certain natural persons or groups thereof in social contexts'
			);
			console.log(
				`Article 5(1), (1)(a), (1)(c)(i): labels ${JSON.stringify([para1.label, pointA.label, pointI.label])} from numbering formats ${JSON.stringify([para1.labelFormat, pointA.labelFormat, pointI.labelFormat])}`
			);
			expect([para1.label, pointA.label, pointI.label]).toEqual(['1.', '(a)', '(i)']);
			expect([para1.labelFormat, pointA.labelFormat, pointI.labelFormat]).toEqual([
				'decimal',
				'lowerLetter',
				'lowerRoman'
			]);
			// The characters are not in the text: the label is Word's.
			for (const p of [para1, pointA, pointI]) expect(text(p)).not.toMatch(/^\s*(\d+\.|\([a-z]+\))/);

			const article5 = readCouncilFile(GENERAL_APPROACH).result.items.find(
				(i) => i.kind === 'article' && i.number === '5'
			)!;
			const lines = article5.text.split('\n');
			expect(lines[0]).toBe('1. The following artificial intelligence practices shall be prohibited:');
			expect(lines[1]).toMatch(
				/^\(a\) the placing on the market, putting into service or use of an AI system that deploys subliminal/
			);
			expect(lines.find((l) => l.startsWith('(i) detrimental or unfavourable treatment'))).toBeDefined();
		}
	);
});

describe('struck-through text is not part of the text, and is recorded as deleted', () => {
	it('drops the struck "remote" of Article 5(1)(d) in ST 12549/22', { timeout: 60_000 }, () => {
		const pkg = openDocx(councilFileBytes(THIRD_COMPROMISE), THIRD_COMPROMISE);
		if (!pkg.ok) throw new Error(pkg.error);
		const pointD = readDocument(pkg.parts).paragraphs.find((p) =>
			/^the use of ‘real-time’\s*remote biometric identification systems in publicly accessible spaces/.test(
				text(p).trim()
			)
		)!;
		const struck = pointD.runs.filter((r) => r.strike).map((r) => r.text.trim());
		console.log(`Article 5(1)(d) of ST 12549/22, label ${pointD.label}: struck runs ${JSON.stringify(struck)}`);
		expect(pointD.label).toBe('(d)');
		expect(struck).toContain('remote');

		const article5 = readCouncilFile(THIRD_COMPROMISE).result.items.find(
			(i) => i.kind === 'article' && i.number === '5'
		)!;
		const line = article5.text.split('\n').find((l) => l.startsWith('(d) the use of ‘real-time’'))!;
		console.log(`As read: ${line.slice(0, 120)}…`);
		expect(line).toMatch(
			/^\(d\) the use of ‘real-time’ biometric identification systems in publicly accessible spaces/
		);
		expect(line).not.toMatch(/\bremote\b/);
		expect(article5.marks.deleted).toContain('remote');
	});
});
