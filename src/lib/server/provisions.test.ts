import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './testing/database';
import { getProvisionPage, listTopLevel } from './provisions';

const seeded = useTestDatabase();

describe('getProvisionPage', () => {
	it('gives Article 5 in the proposal, the general approach, the Parliament position and the final act, with its paragraphs', async () => {
		const page = (await getProvisionPage(seeded.db, seeded.dossierId, 'art_5'))!;
		// The Council's compromise texts (from Word) sit between the proposal and the general approach.
		const main = page.versions.filter((v) => v.documentKind !== 'council_text');
		expect(main.map((v) => v.documentKey)).toEqual([
			'commission-proposal',
			'council-general-approach',
			'ep-position',
			'final-act',
			'consolidated-2026'
		]);
		expect(page.versions.every((v) => v.officialReference.length > 0)).toBe(true);
		expect(main.map((v) => v.notice?.label ?? null)).toEqual([null, null, null, null, 'Unofficial consolidation']);
		expect(page.children.map((c) => c.eid)).toContain('art_5__para_1');
		expect(page.parent).toBeUndefined();
	});

	it('gives final point 5(1)(h) its own text and parent, and the proposal its point (d)', async () => {
		const h = (await getProvisionPage(seeded.db, seeded.dossierId, 'art_5__para_1__point_h'))!;
		expect(h.parent?.eid).toBe('art_5__para_1');
		const final = h.versions.find((v) => v.documentKey === 'final-act')!;
		expect(final.text).toMatch(/^\(h\) the use of ‘real-time’ remote biometric identification systems/);
		expect(h.children.map((c) => c.eid)).toEqual([
			'art_5__para_1__point_h__point_i',
			'art_5__para_1__point_h__point_ii',
			'art_5__para_1__point_h__point_iii'
		]);
		const d = (await getProvisionPage(seeded.db, seeded.dossierId, 'art_5__para_1__point_d'))!;
		expect(d.versions.find((v) => v.documentKey === 'commission-proposal')!.text).toMatch(
			/^\(d\) the use of ‘real-time’ remote biometric/
		);
	});

	it('returns nothing for an unknown provision', async () => {
		expect(await getProvisionPage(seeded.db, seeded.dossierId, 'art_999')).toBeUndefined();
	});
});

describe('listTopLevel', () => {
	it('lists articles in order with the latest title', async () => {
		const list = await listTopLevel(seeded.db, seeded.dossierId);
		const art5 = list.find((p) => p.eid === 'art_5')!;
		expect(art5.heading).toBe('Prohibited AI practices');
		const articles = list.filter((p) => p.kind === 'article').map((p) => p.eid);
		expect(articles.indexOf('art_4')).toBeLessThan(articles.indexOf('art_5'));
	});
});
