import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitDocument, type ProvisionNode, type SourceItem } from './split';

const DOCUMENTS = [
	'text-commission-proposal-2021.json',
	'text-council-general-approach-2022.json',
	'text-regulation-2024-1689.json'
] as const;

function loadItems(file: string): SourceItem[] {
	const url = new URL(`../server/seed/data/ai-act/${file}`, import.meta.url);
	return (JSON.parse(readFileSync(url, 'utf8')) as { items: SourceItem[] }).items;
}

const article = (number: string | number, text: string, title: string | null = 'Title'): SourceItem => ({
	kind: 'article',
	number,
	title,
	text
});

function byEid(nodes: ProvisionNode[]): Map<string, ProvisionNode> {
	return new Map(nodes.map((n) => [n.eid, n]));
}

describe('splitDocument', () => {
	it('nests paragraphs, points, Roman sub-points and a trailing subparagraph', () => {
		const nodes = splitDocument([
			article(
				5,
				[
					'1. Prohibited:',
					'(a) one;',
					'(h) use, for:',
					'(i) victims;',
					'(ii) threats;',
					'Point (h) of…',
					'2. Other.'
				].join('\n')
			)
		]);
		expect(nodes.map((n) => [n.eid, n.parentEid, n.kind, n.num])).toEqual([
			['art_5', null, 'article', 'Article 5'],
			['art_5__para_1', 'art_5', 'paragraph', '1.'],
			['art_5__para_1__point_a', 'art_5__para_1', 'point', '(a)'],
			['art_5__para_1__point_h', 'art_5__para_1', 'point', '(h)'],
			['art_5__para_1__point_h__point_i', 'art_5__para_1__point_h', 'point', '(i)'],
			['art_5__para_1__point_h__point_ii', 'art_5__para_1__point_h', 'point', '(ii)'],
			// The law calls this block the second subparagraph: the numbered opening is the first.
			['art_5__para_1__subpara_2', 'art_5__para_1', 'subparagraph', null],
			['art_5__para_2', 'art_5', 'paragraph', '2.']
		]);
		expect(nodes.map((n) => n.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		const map = byEid(nodes);
		expect(map.get('art_5__para_1__point_h')?.text).toBe('(h) use, for:\n(i) victims;\n(ii) threats;');
		expect(map.get('art_5')?.heading).toBe('Title');
	});

	it('reads "(i)" after "(h)" as a letter when no list was opened', () => {
		const text = 'Providers shall:\n(g) seven;\n(h) eight;\n(i) nine;\n(j) ten.';
		const eids = splitDocument([article(16, text)]).map((n) => n.eid);
		expect(eids).toEqual(['art_16', 'art_16__subpara_1', ...'ghij'.split('').map((l) => `art_16__point_${l}`)]);
	});

	it('numbers unnumbered paragraphs as subparagraphs and nests a list under the block that opens it', () => {
		const text = ['Opening.', 'Second:', '(a) x;', '(b) y.', 'Third.'].join('\n');
		const nodes = splitDocument([article('4b', text)]);
		expect(nodes.map((n) => n.eid)).toEqual([
			'art_4b',
			'art_4b__subpara_1',
			'art_4b__subpara_2',
			'art_4b__subpara_2__point_a',
			'art_4b__subpara_2__point_b',
			'art_4b__subpara_3'
		]);
	});

	it('splits annexes into sections and points, keeping the opening words beside the list', () => {
		const annex: SourceItem = {
			kind: 'annex',
			number: 'VIIIa',
			title: 'INFORMATION',
			text: [
				'The following:',
				'1. Name;',
				'(a) first;',
				'This shall not include x;',
				'(b) second.',
				'Section B — Other',
				'1. Address.',
				'4. Four.',
				'4.1. Nested.'
			].join('\n')
		};
		const nodes = splitDocument([annex]);
		expect(nodes.map((n) => n.eid)).toEqual([
			'anx_VIIIa',
			'anx_VIIIa__subpara_1',
			'anx_VIIIa__point_1',
			'anx_VIIIa__point_1__point_a',
			'anx_VIIIa__point_1__point_a__subpara_2',
			'anx_VIIIa__point_1__point_b',
			'anx_VIIIa__sec_B',
			'anx_VIIIa__sec_B__point_1',
			'anx_VIIIa__sec_B__point_4',
			'anx_VIIIa__sec_B__point_4__point_4.1'
		]);
		expect(byEid(nodes).get('anx_VIIIa__sec_B')).toMatchObject({ kind: 'section', num: 'Section B', heading: 'Other' });
	});

	it('keeps deleted items whole, marks deleted paragraphs and keeps footnote markers', () => {
		const nodes = splitDocument([
			{ kind: 'recital', number: '57', title: null, text: '[deleted]', deleted: true },
			article(24, '1. [deleted]\n2. See Directive 2006/42/EC[^3].')
		]);
		const map = byEid(nodes);
		expect(map.get('rec_57')).toMatchObject({ kind: 'recital', deleted: true, num: 'Recital 57' });
		expect(map.get('art_24__para_1')?.deleted).toBe(true);
		expect(map.get('art_24__para_2')?.text).toBe('2. See Directive 2006/42/EC[^3].');
	});

	it('gives a repeated label a unique eId', () => {
		const eids = splitDocument([article(1, 'Lays down:\n(a) rules;\n(a) prohibitions;\n(b) requirements.')]).map(
			(n) => n.eid
		);
		expect(eids).toEqual(['art_1', 'art_1__subpara_1', 'art_1__point_a', 'art_1__point_a_2', 'art_1__point_b']);
	});

	it('emits the act’s TITLE and CHAPTER headings once, before their first article', () => {
		const titleOfAct = { number: 'III', label: 'TITLE III', title: 'HIGH-RISK AI SYSTEMS' };
		const chapter = { number: '3', label: 'CHAPTER 3', title: 'OBLIGATIONS' };
		const nodes = splitDocument([16, 17].map((n) => ({ ...article(n, 'Text.'), titleOfAct, chapter })));
		expect(
			nodes.filter((n) => n.kind === 'title' || n.kind === 'chapter').map((n) => [n.eid, n.parentEid, n.text])
		).toEqual([
			['title_III', null, 'HIGH-RISK AI SYSTEMS'],
			['title_III__chp_3', 'title_III', 'OBLIGATIONS']
		]);
	});
});

describe('splitDocument on the real texts', () => {
	const docs = DOCUMENTS.map((file) => ({ file, items: loadItems(file) }));
	const d = (file: string) => docs.find((x) => x.file === file)?.items ?? [];

	it('gives unique eIds whose parents exist, in pre-order, within a time budget', () => {
		const started = performance.now();
		const split = docs.map((d) => ({ file: d.file, nodes: splitDocument(d.items) }));
		const elapsed = performance.now() - started;
		for (const { file, nodes } of split) {
			const eids = new Set(nodes.map((n) => n.eid));
			expect(eids.size, file).toBe(nodes.length);
			const seen = new Set<string>();
			for (const n of nodes) {
				// A parent comes before its children, so pre-order holds when every parent was already seen.
				if (n.parentEid !== null) expect(seen.has(n.parentEid), `${file} ${n.eid}`).toBe(true);
				seen.add(n.eid);
			}
			expect(nodes.map((n) => n.order)).toEqual(nodes.map((_, i) => i));
			expect(nodes.filter((n) => n.parentEid === null && n.kind !== 'title' && n.kind !== 'chapter').length).toBe(
				d(file).length
			);
		}
		expect(elapsed).toBeLessThan(1000);
	});

	it('splits Article 5 of the final act as the law cites it', () => {
		const map = byEid(splitDocument(d('text-regulation-2024-1689.json')));
		const children = (eid: string) => [...map.values()].filter((n) => n.parentEid === eid).map((n) => n.eid);
		expect(children('art_5__para_1')).toEqual([
			...'abcdefgh'.split('').map((l) => `art_5__para_1__point_${l}`),
			'art_5__para_1__subpara_2'
		]);
		expect(children('art_5__para_1__point_h')).toEqual(
			['i', 'ii', 'iii'].map((r) => `art_5__para_1__point_h__point_${r}`)
		);
		expect(map.get('art_5__para_1__subpara_2')?.text).toMatch(/^Point \(h\) of the first subparagraph/);
		expect(map.get('art_5__para_1__point_h__point_iii')?.text).toMatch(/^\(iii\) the localisation/);
		const item = d('text-regulation-2024-1689.json').find((i) => i.kind === 'article' && i.number === 5);
		expect(map.get('art_5')?.text).toBe(item?.text);
	});

	it('splits the proposal’s Article 5(1)(d) and Annex VII’s decimal points', () => {
		const map = byEid(splitDocument(d('text-commission-proposal-2021.json')));
		expect(map.get('art_5__para_1__point_d__point_ii')?.text).toMatch(/^\(ii\) the prevention of a specific/);
		expect(map.get('anx_VII__point_4__point_4.5')?.num).toBe('4.5.');
		expect(map.get('anx_III__point_1__point_a')?.parentEid).toBe('anx_III__point_1');
	});

	it('reads the Council’s inserted numbers', () => {
		const map = byEid(splitDocument(d('text-council-general-approach-2022.json')));
		expect(map.get('art_4b')?.kind).toBe('article');
		expect(map.get('anx_VIIIa')?.kind).toBe('annex');
		expect(map.get('art_53__para_-1a')?.num).toBe('-1a.');
		expect(map.get('art_54__para_1__point_i')?.text).toMatch(/^\(i\) complete and detailed description/);
		expect(map.get('art_24')?.deleted).toBe(true);
	});
});
