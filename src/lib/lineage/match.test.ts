import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitDocument, type SourceItem } from '../provisions/split';
import { matchDocuments, relativeEid, rootOf, type LineageNode, type Match } from './match';

function nodes(file: string, offset: number): LineageNode[] {
	const items = (
		JSON.parse(readFileSync(new URL(`../server/seed/data/ai-act/${file}`, import.meta.url), 'utf8')) as {
			items: SourceItem[];
		}
	).items;
	return splitDocument(items).map((n, i) => ({
		id: offset + i,
		eid: n.eid,
		kind: n.kind,
		text: n.text,
		heading: n.heading,
		deleted: n.deleted
	}));
}

describe('eId helpers', () => {
	it('finds the top-level unit and the path below it', () => {
		expect(rootOf('art_5__para_1__point_d')).toBe('art_5');
		expect(relativeEid('art_5__para_1__point_d')).toBe('para_1__point_d');
		expect(rootOf('title_III__chp_2')).toBe('title_III__chp_2');
		expect(relativeEid('rec_3')).toBe('');
	});
});

describe('matching the proposal with the final act', () => {
	let matches: Match[];
	const to = (eid: string) => matches.find((m) => m.from.eid === eid);
	beforeAll(() => {
		matches = matchDocuments(
			nodes('text-commission-proposal-2021.json', 0),
			nodes('text-regulation-2024-1689.json', 10_000),
			{
				fixed: new Map([['art_5__para_1__point_d', 'art_5__para_1__point_h']])
			}
		);
	});

	it('follows renumbered articles by their text and title', () => {
		expect(to('art_52')).toMatchObject({ to: { eid: 'art_50' }, method: 'similarity' });
		expect(to('art_71')?.to.eid).toBe('art_99');
		expect(to('art_85')?.to.eid).toBe('art_113');
		expect(to('art_5')).toMatchObject({ to: { eid: 'art_5' }, method: 'same_number' });
	});

	it('takes fixed pairs first, then matches the parts of matched articles', () => {
		expect(to('art_5__para_1__point_d')).toMatchObject({
			to: { eid: 'art_5__para_1__point_h' },
			method: 'numbering_map'
		});
		expect(to('art_5__para_1__point_d__point_ii')?.to.eid).toBe('art_5__para_1__point_h__point_ii');
		expect(to('art_52__para_1')?.to.eid).toBe('art_50__para_1');
		expect(to('art_5__para_4')?.to.eid).toBe('art_5__para_5');
	});

	it('links renumbered recitals', () => {
		expect(to('rec_32')?.to.eid).toBe('rec_52');
	});

	it('uses each provision of either text at most once', () => {
		expect(new Set(matches.map((m) => m.to.eid)).size).toBe(matches.length);
		expect(new Set(matches.map((m) => m.from.eid)).size).toBe(matches.length);
	});
});

describe('options', () => {
	const n = (id: number, eid: string, text: string, deleted = false): LineageNode => ({
		id,
		eid,
		kind: eid.includes('__') ? 'point' : 'article',
		text,
		deleted
	});
	const source = [
		n(1, 'art_1', 'Member States shall ensure that the rules apply.\n(a) to everyone'),
		n(2, 'art_1__point_a', '(a) to everyone')
	];
	const target = [
		n(11, 'art_1', 'Member States shall ensure that the rules apply.\n(a) [deleted]'),
		n(12, 'art_1__point_a', '(a) [deleted]', true)
	];

	it('links a deleted slot under its own number', () => {
		const m = matchDocuments(source, target);
		expect(m.map((x) => [x.from.eid, x.to.eid, x.method])).toEqual([
			['art_1', 'art_1', 'same_number'],
			['art_1__point_a', 'art_1__point_a', 'same_number']
		]);
	});

	it('leaves out sources not asked for and targets already taken', () => {
		const m = matchDocuments(source, target, {
			onlySources: new Set(['art_1__point_a']),
			excludeTargets: new Set(['art_1__point_a']),
			knownRoots: new Map([['art_1', 'art_1']])
		});
		expect(m).toEqual([]);
	});
});
