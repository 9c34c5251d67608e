import { describe, expect, it } from 'vitest';
import { groups, nearestIn, orderGroups, ownTexts, type GraphLink, type GraphVersion } from './graph';
import { contentOf, ownText } from './structure';
import { amendmentsLabel, formatNumbers } from './format';

const v = (
	id: number,
	documentId: number,
	eid: string,
	docOrder: number,
	text = eid,
	parentEid: string | null = null
): GraphVersion => ({ id, documentId, eid, parentEid, docOrder, text, deleted: false });
const link = (id: number, from: number, to: number, similarity: number | null = 1): GraphLink => ({
	id,
	fromVersionId: from,
	toVersionId: to,
	method: 'similarity',
	similarity
});

// Documents: 1 proposal, 2 Council, 3 Parliament, 4 final act.
const versions = [
	v(1, 1, 'd', 0),
	v(2, 2, 'd', 0),
	v(3, 3, 'd', 1),
	v(4, 4, 'h', 5),
	v(5, 3, 'b', 0),
	v(6, 3, 'ba', 1),
	v(7, 4, 'g', 4),
	v(8, 4, 'b', 1),
	v(9, 1, 'b', -1)
];
const links = [link(1, 1, 2), link(2, 1, 3), link(3, 1, 4), link(4, 6, 7), link(5, 9, 8), link(6, 9, 5)];

describe('lineage graph', () => {
	it('finds the nearest version in a text, through the proposal when needed', () => {
		expect(nearestIn(1, 4, versions, links)?.version.eid).toBe('h');
		expect(nearestIn(2, 4, versions, links)?.path.map((l) => l.id)).toEqual([1, 3]);
		expect(nearestIn(4, 1, versions, links)?.version.id).toBe(1);
		expect(nearestIn(6, 1, versions, links)).toBeNull();
		expect(nearestIn(1, 1, versions, links)?.path).toEqual([]);
	});

	it('groups connected versions and orders the groups as the texts read', () => {
		const ordered = orderGroups(groups(versions, links), [1, 2, 3, 4]);
		expect(ordered.map((g) => g.map((x) => x.id).sort((a, b) => a - b))).toEqual([
			[5, 8, 9],
			[1, 2, 3, 4],
			[6, 7]
		]);
	});
});

describe('own text', () => {
	it('is a provision’s text without the text of its parts', () => {
		expect(ownText('1. Intro:\n(a) first;\n(b) second.', ['(a) first;', '(b) second.'])).toBe('1. Intro:');
		expect(ownText('(d) x:\n(i) y;\nClosing words.', ['(i) y;'])).toBe('(d) x:\nClosing words.');
		const texts = ownTexts([v(1, 1, 'p', 0, '1. Intro:\n(a) first;', null), v(2, 1, 'p__a', 1, '(a) first;', 'p')]);
		expect(texts.get(1)).toBe('1. Intro:');
		expect(texts.get(2)).toBe('(a) first;');
	});

	it('splits an article into its own lines and its parts', () => {
		const content = contentOf([
			{ eid: 'a', parentEid: null, text: '1. X:\n(a) y;\n2. Z.' },
			{ eid: 'a__1', parentEid: 'a', text: '1. X:\n(a) y;' },
			{ eid: 'a__1__a', parentEid: 'a__1', text: '(a) y;' },
			{ eid: 'a__2', parentEid: 'a', text: '2. Z.' }
		]);
		expect(content.get('a')).toEqual([
			{ type: 'part', eid: 'a__1' },
			{ type: 'part', eid: 'a__2' }
		]);
		expect(content.get('a__1')).toEqual([
			{ type: 'line', text: '1. X:' },
			{ type: 'part', eid: 'a__1__a' }
		]);
	});
});

describe('formatting', () => {
	it('cites amendment numbers with ranges', () => {
		expect(formatNumbers([223, 220, 221, 222, 228])).toBe('220–223, 228');
		expect(formatNumbers([1, 2])).toBe('1, 2');
		expect(amendmentsLabel([221])).toBe('Amendment 221');
		expect(amendmentsLabel([220, 221, 222])).toBe('Amendments 220–222');
	});
});
