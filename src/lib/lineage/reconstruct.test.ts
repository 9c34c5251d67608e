import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitDocument, type SourceItem } from '../provisions/split';
import { resolveAgainst } from '../provisions/target';
import { labelOf, parseSubtree, reconstruct, type PositionNode, type Reconstruction } from './reconstruct';

function load<T>(file: string): T {
	return JSON.parse(readFileSync(new URL(`../server/seed/data/ai-act/${file}`, import.meta.url), 'utf8')) as T;
}

interface RawAmendment {
	number: number;
	target: string;
	commissionText: string;
	amendmentText: string;
	deleted: boolean;
}

let result: Reconstruction;
let byEid: Map<string, PositionNode>;
let base: ReturnType<typeof splitDocument>;
beforeAll(() => {
	base = splitDocument(load<{ items: SourceItem[] }>('text-commission-proposal-2021.json').items);
	const texts = new Map(base.map((n) => [n.eid, n.text]));
	const amendments = load<{ items: RawAmendment[] }>('ep-amendments-2023-06-14.json').items.map((a) => {
		const t = resolveAgainst(a.target, texts, a.commissionText);
		return {
			number: a.number,
			eid: t.eid!,
			part: t.part,
			text: a.amendmentText,
			deletes: a.deleted,
			isNew: !texts.has(t.eid!)
		};
	});
	result = reconstruct(base, amendments);
	byEid = new Map(result.nodes.map((n) => [n.eid, n]));
});

const order = (eid: string) => result.nodes.findIndex((n) => n.eid === eid);

describe('the Parliament position rebuilt from the 771 amendments', () => {
	it('applies all but the six that insert section or chapter headings between articles', () => {
		expect(result.applied).toHaveLength(765);
		expect(result.skipped.map((s) => s.number)).toEqual([523, 531, 535, 540, 551, 627]);
	});

	it('Amendment 220 replaces only the introductory words of 5(1)(d); 221-223 delete its points', () => {
		const d = byEid.get('art_5__para_1__point_d')!;
		expect(d.text).toBe(
			'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;'
		);
		expect(d.derivedFrom).toEqual([220, 221, 222, 223]);
		expect(['i', 'ii', 'iii'].map((p) => byEid.get(`art_5__para_1__point_d__point_${p}`))).toMatchObject([
			{ deleted: true, text: '', derivedFrom: [221] },
			{ deleted: true, text: '', derivedFrom: [222] },
			{ deleted: true, text: '', derivedFrom: [223] }
		]);
	});

	it('Amendment 228 inserts paragraph 1a after paragraph 1 and all its points, before paragraph 2', () => {
		const para = byEid.get('art_5__para_1a')!;
		expect(para).toMatchObject({ isNew: true, kind: 'paragraph', num: '1 a.', parentEid: 'art_5', derivedFrom: [228] });
		expect(order('art_5__para_1a')).toBe(order('art_5__para_1__point_dd') + 1);
		expect(order('art_5__para_2')).toBe(order('art_5__para_1a') + 1);
		expect(byEid.get('art_5__para_2')).toMatchObject({ deleted: true, derivedFrom: [229] });
	});

	it('puts new points after the point they are numbered after, in order, and into their parent’s text', () => {
		const points = ['point_d', 'point_da', 'point_db', 'point_dc', 'point_dd'].map((p) => order(`art_5__para_1__${p}`));
		expect(points).toEqual([...points].sort((a, b) => a - b));
		expect(order('art_5__para_1__point_ba')).toBe(order('art_5__para_1__point_b') + 1);
		const para1 = byEid.get('art_5__para_1')!.text;
		expect(para1.indexOf('(b a) the placing on the market')).toBeGreaterThan(para1.indexOf('(b) the placing'));
		expect(para1).toContain(
			'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;\n(d a) '
		);
		expect(byEid.get('art_5')!.derivedFrom).toEqual([
			215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231
		]);
	});

	it('keeps the Commission text, word for word, wherever no amendment applies', () => {
		const original = new Map(base.map((n) => [n.eid, n.text]));
		const untouched = result.nodes.filter((n) => n.derivedFrom.length === 0);
		expect(untouched.length).toBeGreaterThan(300);
		for (const n of untouched) expect(n.text).toBe(original.get(n.eid));
		expect(byEid.get('art_5__para_1__point_c__point_ii')!.derivedFrom).toEqual([]);
	});

	it('deletes whole articles (Amendment 212 deletes Article 4)', () => {
		expect(byEid.get('art_4')).toMatchObject({ deleted: true, text: '', derivedFrom: [212] });
	});

	it('inserts new articles with their title and parts (Article 4a, Amendment 213), after the article they follow', () => {
		const art = byEid.get('art_4a')!;
		expect(art).toMatchObject({
			num: 'Article 4 a',
			heading: 'General principles applicable to all AI systems',
			isNew: true,
			derivedFrom: [213]
		});
		expect(art.text.startsWith('1. All operators falling under this Regulation')).toBe(true);
		expect(byEid.get('art_4a__para_1')).toMatchObject({ parentEid: 'art_4a', kind: 'paragraph', num: '1.' });
		expect(order('art_4a')).toBeGreaterThan(order('art_4'));
		expect(order('art_4b')).toBeGreaterThan(order('art_4a__para_1'));
		expect(order('rec_1a')).toBe(order('rec_1') + 1);
	});

	it('takes apart a replaced point that has points of its own (Amendment 255, Article 7(2)(h))', () => {
		expect(byEid.get('art_7__para_2__point_h')!.text).toMatch(
			/^\(h\) the extent to which existing Union law provides for:\n\(i\) effective measures of redress/
		);
		expect(byEid.get('art_7__para_2__point_h__point_i')).toMatchObject({ deleted: false, derivedFrom: [255] });
		expect(byEid.get('art_7__para_2__point_h__point_i')!.text).toMatch(
			/^\(i\) effective measures of redress in relation to the damage caused/
		);
	});

	it('keeps both texts when two amendments insert under one number (235 and 236, printed "2 a" and "2 b")', () => {
		const para = byEid.get('art_6__para_2a')!;
		expect(para.derivedFrom).toEqual([235, 236]);
		expect(para.text).toMatch(/^2 a\. Where providers[^\n]*\n2 b\. Providers that misclassify/);
	});

	it('renames titles (Amendment 299, Article 13)', () => {
		expect(byEid.get('art_13')!.heading).toBe('Transparency and provision of information');
	});
});

describe('small cases', () => {
	const node = (eid: string, parentEid: string | null, text: string) => ({
		eid,
		parentEid,
		kind: 'point',
		num: null,
		heading: null,
		text,
		deleted: false
	});
	const article = [
		{ ...node('art_1', null, '1. Intro:\n(a) first;\n(b) second.\n2. Other.'), kind: 'article' },
		node('art_1__para_1', 'art_1', '1. Intro:\n(a) first;\n(b) second.'),
		node('art_1__para_1__point_a', 'art_1__para_1', '(a) first;'),
		node('art_1__para_1__point_b', 'art_1__para_1', '(b) second.'),
		node('art_1__para_2', 'art_1', '2. Other.')
	];

	it('inserts a point numbered "-a" before point (a)', () => {
		const r = reconstruct(article, [
			{ number: 1, eid: 'art_1__para_1__point_-a', part: 'whole', text: '(-a) zeroth;', deletes: false, isNew: true }
		]);
		expect(r.nodes.find((n) => n.eid === 'art_1')!.text).toBe(
			'1. Intro:\n(-a) zeroth;\n(a) first;\n(b) second.\n2. Other.'
		);
	});

	it('leaves a text without amendments exactly as it was', () => {
		const r = reconstruct(article, []);
		expect(r.nodes.map((n) => n.text)).toEqual(article.map((n) => n.text));
		expect(r.nodes.every((n) => n.derivedFrom.length === 0)).toBe(true);
	});

	it('reports an amendment whose target is not in the text', () => {
		const r = reconstruct(article, [
			{ number: 9, eid: 'art_1__para_7', part: 'whole', text: 'x', deletes: false, isNew: false }
		]);
		expect(r.skipped).toEqual([{ number: 9, reason: 'target art_1__para_7 is not in the text' }]);
	});

	it('reads the label an amended text starts with as the EP prints it', () => {
		expect(labelOf('(d a) the placing')).toBe('(d a)');
		expect(labelOf('1 a. This Article')).toBe('1 a.');
		expect(labelOf('(iii) the detection')).toBe('(iii)');
		expect(labelOf('Having regard to')).toBeNull();
	});

	it('takes apart a new paragraph with points, keeping the printed labels', () => {
		const parts = parseSubtree('art_5__para_1a', '1 a. Member States:\n(a) shall;\n(b) may.');
		expect(parts.map((p) => [p.eid, p.text])).toEqual([
			['art_5__para_1a', '1 a. Member States:\n(a) shall;\n(b) may.'],
			['art_5__para_1a__point_a', '(a) shall;'],
			['art_5__para_1a__point_b', '(b) may.']
		]);
	});
});
