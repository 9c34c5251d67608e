import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitDocument, type SourceItem } from './split';
import { resolveAgainst, resolveTarget } from './target';

interface EpAmendment {
	number: number;
	target: string;
	commissionText: string;
	newProvision: boolean;
}

function load<T>(file: string): T[] {
	const url = new URL(`../server/seed/data/ai-act/${file}`, import.meta.url);
	return (JSON.parse(readFileSync(url, 'utf8')) as { items: T[] }).items;
}

describe('resolveTarget', () => {
	it.each([
		['Citation 4 a (new)', 'cit_4a', null, true, 'whole'],
		['Recital 1', 'rec_1', null, false, 'whole'],
		['Recital 87 a (new)', 'rec_87a', null, true, 'whole'],
		['Article 4 a (new)', 'art_4a', null, true, 'whole'],
		['Article - 57 a (new)', 'art_-57a', null, true, 'whole'],
		['Article 16 – title', 'art_16', null, false, 'heading'],
		[
			'Article 5 – paragraph 1 – point d – introductory part',
			'art_5__para_1__point_d',
			'art_5__para_1',
			false,
			'introductory'
		],
		[
			'Article 5 – paragraph 1 – point d – point ii',
			'art_5__para_1__point_d__point_ii',
			'art_5__para_1__point_d',
			false,
			'whole'
		],
		['Article 5 – paragraph 1 – point d a (new)', 'art_5__para_1__point_da', 'art_5__para_1', true, 'whole'],
		['Article 5 – paragraph 1 a (new)', 'art_5__para_1a', 'art_5', true, 'whole'],
		['Article 68 – paragraph 1 – point e a (new)', 'art_68__para_1__point_ea', 'art_68__para_1', true, 'whole'],
		['Article 15 – paragraph 3 – subparagraph 2', 'art_15__para_3__subpara_2', 'art_15__para_3', false, 'whole'],
		['Article 7 – paragraph 2 – point h – ', 'art_7__para_2__point_h', 'art_7__para_2', false, 'whole'],
		[
			'Annex III – paragraph 1 – point 2 – point a',
			'anx_III__para_1__point_2__point_a',
			'anx_III__para_1__point_2',
			false,
			'whole'
		],
		['Annex VII – point 4 – point 4.5', 'anx_VII__point_4__point_4.5', 'anx_VII__point_4', false, 'whole'],
		['ANNEX VIII – SECTION B (new)', 'anx_VIII__sec_B', 'anx_VIII', true, 'whole'],
		['Title III – Chapter 3 – title', 'title_III__chp_3', 'title_III', false, 'heading'],
		['Title IV', 'title_IV', null, false, 'whole']
	])('%s → %s', (target, eid, parentEid, isNew, part) => {
		expect(resolveTarget(target)).toEqual({ eid, parentEid, isNew, part });
	});

	it('anchors a section or chapter heading the EP inserts to the article it names', () => {
		expect(resolveTarget('Article 68 – Chapter 3a (new)')).toEqual({
			eid: 'art_68',
			parentEid: null,
			isNew: true,
			part: 'chapter-heading',
			division: { kind: 'chapter', num: '3a', isNew: true }
		});
	});

	it('says why it cannot read a target', () => {
		expect(resolveTarget('Explanatory memorandum')).toMatchObject({
			eid: null,
			reason: expect.stringContaining('unrecognised')
		});
	});
});

describe('resolveAgainst', () => {
	const known = new Set([
		'art_21',
		'art_21__subpara_1',
		'anx_III',
		'anx_III__subpara_1',
		'anx_III__point_2',
		'anx_III__point_2__point_a'
	]);

	it('uses the literal eId when it exists and says which fallback it used otherwise', () => {
		expect(resolveAgainst('Annex III – paragraph 1 – point 2 – point a', known)).toMatchObject({
			eid: 'anx_III__point_2__point_a',
			literalEid: 'anx_III__para_1__point_2__point_a',
			resolved: true,
			fallback: 'paragraph-1-dropped'
		});
		expect(resolveAgainst('Article 21 – paragraph 1', known)).toMatchObject({
			eid: 'art_21__subpara_1',
			fallback: 'unnumbered-paragraph'
		});
		expect(resolveAgainst('Annex III – paragraph 1 – introductory part', known)).toMatchObject({
			eid: 'anx_III__subpara_1',
			part: 'introductory'
		});
	});

	it('resolves a new provision when its parent exists, and not otherwise', () => {
		expect(resolveAgainst('Annex III – paragraph 1 – point 2 – point a a (new)', known)).toMatchObject({
			eid: 'anx_III__point_2__point_aa',
			parentEid: 'anx_III__point_2',
			isNew: true,
			resolved: true
		});
		expect(resolveAgainst('Article 9 – paragraph 1 a (new)', known)).toMatchObject({ resolved: false });
	});
});

describe('resolveAgainst the real proposal', () => {
	const proposal = splitDocument(load<SourceItem>('text-commission-proposal-2021.json'));
	const texts = new Map(proposal.map((n) => [n.eid, n.text]));
	const amendments = load<EpAmendment>('ep-amendments-2023-06-14.json');
	const matches = new Map(amendments.map((a) => [a.number, resolveAgainst(a.target, texts, a.commissionText)]));

	it('resolves all 771 EP targets, new ones under an existing parent', () => {
		expect(amendments).toHaveLength(771);
		const unresolved = amendments.filter((a) => !matches.get(a.number)?.resolved).map((a) => `${a.number} ${a.target}`);
		expect(unresolved).toEqual([]);
		for (const [number, m] of matches) {
			if (m.isNew && m.parentEid !== null) expect(texts.has(m.parentEid), `Amendment ${number}`).toBe(true);
			if (!m.isNew) expect(texts.has(m.eid as string), `Amendment ${number}`).toBe(true);
		}
	});

	it('finds the node whose text is the Commission column wherever it compares texts', () => {
		const mismatched = [...matches].filter(([, m]) => m.textMatch === false).map(([n]) => n);
		expect(mismatched).toEqual([]);
		// Headings, whole articles and new provisions are not compared; the other 375 all are.
		expect([...matches.values()].filter((m) => m.textMatch === true).length).toBeGreaterThanOrEqual(375);
	});

	it('resolves the Article 5 amendments', () => {
		expect(matches.get(220)).toMatchObject({
			eid: 'art_5__para_1__point_d',
			part: 'introductory',
			isNew: false,
			fallback: null
		});
		expect(matches.get(222)).toMatchObject({ eid: 'art_5__para_1__point_d__point_ii', isNew: false, fallback: null });
		expect(matches.get(228)).toMatchObject({ eid: 'art_5__para_1a', parentEid: 'art_5', isNew: true, resolved: true });
	});

	it('tells the EP’s two ways of counting subparagraphs apart by text', () => {
		// Article 15(3): "subparagraph 1" is the numbered opening; Article 43(1): it is the first block after the list.
		expect(matches.get(325)).toMatchObject({ eid: 'art_15__para_3', part: 'introductory' });
		expect(matches.get(326)).toMatchObject({ eid: 'art_15__para_3__subpara_2', fallback: null });
		expect(matches.get(453)).toMatchObject({ eid: 'art_43__para_1__subpara_2' });
		expect(matches.get(454)).toMatchObject({ eid: 'art_43__para_1__subpara_3' });
		expect(matches.get(269)).toMatchObject({ eid: 'art_9__para_4__subpara_2__point_a' });
		// The proposal prints Article 1's points as (a), (a), (b)…; the EP renumbered them.
		expect(matches.get(142)).toMatchObject({ eid: 'art_1__point_d', fallback: 'paragraph-1-dropped+matched-by-text' });
	});

	it('agrees with the EP’s newProvision flag except where the target does not say "(new)"', () => {
		const differ = amendments.filter((a) => matches.get(a.number)?.isNew !== a.newProvision).map((a) => a.number);
		expect(differ).toEqual([523]); // "Article 56 – SECTION 1 – Title": a new heading, not marked so
	});

	it('resolves all but the misprinted Article 1 point with eIds alone, without texts', () => {
		const eids = new Set(texts.keys());
		expect(amendments.filter((a) => !resolveAgainst(a.target, eids).resolved).map((a) => a.number)).toEqual([142]);
	});
});
