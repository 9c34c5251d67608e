import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, document } from './db/schema';
import { useTestDatabase } from './testing/database';
import {
	articleColumns,
	compareDocuments,
	compareProvision,
	findProvisionInput,
	findVersion,
	listTextDocuments
} from './compare';
import { correctLink, provisionLineage, removeLink } from './lineage';
import { testUser } from './testing/users';

const seeded = useTestDatabase();
let docs: Record<string, number>;
let editorId: number;
beforeAll(async () => {
	docs = Object.fromEntries((await listTextDocuments(seeded.db, seeded.dossierId)).map((d) => [d.key, d.id]));
	editorId = (await testUser(seeded.db, 'editor', 'Lineage Editor')).id;
});

const counterpart = async (eid: string, from: string, to: string) =>
	(await compareProvision(seeded.db, seeded.dossierId, { eid, fromDocumentId: docs[from], toDocumentId: docs[to] }))?.to
		?.eid ?? null;

describe('the Parliament position', () => {
	it('is a document of its own between the amendments and the final act, marked as reconstructed', async () => {
		const list = await listTextDocuments(seeded.db, seeded.dossierId);
		// Council compromise texts (imported from Word) come between the proposal and the general approach.
		expect(list.filter((d) => d.kind !== 'council_text').map((d) => d.key)).toEqual([
			'commission-proposal',
			'council-general-approach',
			'ep-position',
			'final-act',
			'consolidated-2026'
		]);
		const ep = list.find((d) => d.key === 'ep-position')!;
		expect(ep.title).toBe('Parliament position (reconstructed from the amendments of 14 June 2023)');
		expect(ep.officialReference).toBe('P9_TA(2023)0236');
		expect(ep.reconstructed).toMatch(/Reconstructed by Trilogue/);
		const [row] = await seeded.db.select().from(document).where(eq(document.key, 'ep-amendments'));
		expect(row.sortOrder).toBeLessThan(
			(await seeded.db.select().from(document).where(eq(document.key, 'ep-position')))[0].sortOrder
		);
	});

	it('applies Amendments 220-223 to Article 5(1)(d): the introductory words replaced, points (i)-(iii) deleted', async () => {
		const d = (await findVersion(seeded.db, seeded.dossierId, docs['ep-position'], 'art_5__para_1__point_d'))!;
		expect(d.text).toBe(
			'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;'
		);
		expect(d.derivedFrom).toEqual([220, 221, 222, 223]);
		for (const [point, number] of [
			['i', 221],
			['ii', 222],
			['iii', 223]
		] as const) {
			const v = (await findVersion(
				seeded.db,
				seeded.dossierId,
				docs['ep-position'],
				`art_5__para_1__point_d__point_${point}`
			))!;
			expect(v.deleted).toBe(true);
			expect(v.derivedFrom).toEqual([number]);
		}
	});

	it('inserts the new paragraph 5(1a) of Amendment 228 after paragraph 1 and its new points after (d)', async () => {
		const para1a = (await findVersion(seeded.db, seeded.dossierId, docs['ep-position'], 'art_5__para_1a'))!;
		expect(para1a.text).toMatch(/^1 a\. This Article shall not affect the prohibitions/);
		expect(para1a.derivedFrom).toEqual([228]);
		const article = (await findVersion(seeded.db, seeded.dossierId, docs['ep-position'], 'art_5'))!;
		const at = (s: string) => article.text.indexOf(s);
		expect(at('(d) the use of ‘real-time’')).toBeGreaterThan(0);
		expect(at('(d a) the placing on the market')).toBeGreaterThan(at('(d) the use of ‘real-time’'));
		expect(at('1 a. This Article')).toBeGreaterThan(at('(d d) the putting into service'));
		expect(article.text).not.toContain('targeted search for specific potential victims');
		expect(para1a.docOrder).toBeGreaterThan(
			(await findVersion(seeded.db, seeded.dossierId, docs['ep-position'], 'art_5__para_1__point_dd'))!.docOrder
		);
	});

	it('keeps the Commission text where no amendment applies', async () => {
		const proposal = (await findVersion(
			seeded.db,
			seeded.dossierId,
			docs['commission-proposal'],
			'art_5__para_1__point_c__point_ii'
		))!;
		const ep = (await findVersion(
			seeded.db,
			seeded.dossierId,
			docs['ep-position'],
			'art_5__para_1__point_c__point_ii'
		))!;
		expect(ep.text).toBe(proposal.text);
		expect(ep.derivedFrom).toEqual([]);
	});
});

describe('lineage', () => {
	it('follows proposal 5(1)(d) to general approach 5(1)(d) and final 5(1)(h), and back', async () => {
		expect(await counterpart('art_5__para_1__point_d', 'commission-proposal', 'council-general-approach')).toBe(
			'art_5__para_1__point_d'
		);
		expect(await counterpart('art_5__para_1__point_d', 'commission-proposal', 'final-act')).toBe(
			'art_5__para_1__point_h'
		);
		expect(await counterpart('art_5__para_1__point_h', 'final-act', 'commission-proposal')).toBe(
			'art_5__para_1__point_d'
		);
		expect(await counterpart('art_5__para_1__point_d', 'council-general-approach', 'final-act')).toBe(
			'art_5__para_1__point_h'
		);
	});

	it('finds renumbered articles by their text (proposal Article 52 is final Article 50, 71 is 99)', async () => {
		expect(await counterpart('art_52', 'commission-proposal', 'final-act')).toBe('art_50');
		expect(await counterpart('art_71', 'commission-proposal', 'final-act')).toBe('art_99');
		expect(await counterpart('art_52__para_1', 'commission-proposal', 'final-act')).toBe('art_50__para_1');
	});

	it('links the points the Parliament added to those of the final act (numbering map)', async () => {
		expect(await counterpart('art_5__para_1__point_ba', 'ep-position', 'final-act')).toBe('art_5__para_1__point_g');
		expect(await counterpart('art_5__para_1__point_da', 'ep-position', 'final-act')).toBe('art_5__para_1__point_d');
	});

	it('reads citations typed by a visitor', async () => {
		expect(await findProvisionInput(seeded.db, seeded.dossierId, docs['final-act'], 'Article 5(1)(h)')).toBe(
			'art_5__para_1__point_h'
		);
		expect(await findProvisionInput(seeded.db, seeded.dossierId, docs['commission-proposal'], '3(33)')).toBe(
			'art_3__point_33'
		);
		expect(await findProvisionInput(seeded.db, seeded.dossierId, docs['commission-proposal'], 'art_5')).toBe('art_5');
		expect(await findProvisionInput(seeded.db, seeded.dossierId, docs['commission-proposal'], 'nonsense')).toBeNull();
	});

	it('lets an editor correct a link, replacing the automatic one, with an audit entry', async () => {
		const from = (await findVersion(seeded.db, seeded.dossierId, docs['commission-proposal'], 'art_5__para_4'))!;
		const result = await correctLink(seeded.db, editorId, {
			dossierId: seeded.dossierId,
			versionId: from.id,
			toDocumentId: docs['final-act'],
			toEid: 'art_5__para_6',
			note: 'test correction'
		});
		expect(result).toEqual({ ok: true });
		expect(await counterpart('art_5__para_4', 'commission-proposal', 'final-act')).toBe('art_5__para_6');
		const view = (await provisionLineage(seeded.db, seeded.dossierId, 'art_5__para_4'))!;
		const links = view.versions.find((v) => v.id === from.id)!.links.filter((l) => l.other.documentKey === 'final-act');
		expect(links).toHaveLength(1);
		expect(links[0]).toMatchObject({ method: 'manual', note: 'test correction', createdBy: 'Lineage Editor' });
		const [entry] = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'provision_link.correct'), eq(auditLog.entityId, String(links[0].id))));
		expect(entry.userId).toBe(editorId);
		expect((entry.details.replaced as unknown[]).length).toBe(1);

		expect(
			await removeLink(seeded.db, editorId, { dossierId: seeded.dossierId, linkId: links[0].id, note: 'undo' })
		).toEqual({ ok: true });
		expect(await counterpart('art_5__para_4', 'commission-proposal', 'final-act')).toBeNull();
		expect(await seeded.db.select().from(auditLog).where(eq(auditLog.action, 'provision_link.delete'))).toHaveLength(1);
	});

	it('refuses a correction to a provision the text does not have, changing nothing', async () => {
		const from = (await findVersion(seeded.db, seeded.dossierId, docs['commission-proposal'], 'art_5'))!;
		const result = await correctLink(seeded.db, editorId, {
			dossierId: seeded.dossierId,
			versionId: from.id,
			toDocumentId: docs['final-act'],
			toEid: 'art_999',
			note: ''
		});
		expect(result).toMatchObject({ ok: false, field: 'toEid' });
		expect(await counterpart('art_5', 'commission-proposal', 'final-act')).toBe('art_5');
	});
});

describe('comparisons', () => {
	it('diffs proposal 5(1)(d) against final 5(1)(h)', async () => {
		const c = (await compareProvision(seeded.db, seeded.dossierId, {
			eid: 'art_5__para_1__point_d',
			fromDocumentId: docs['commission-proposal'],
			toDocumentId: docs['final-act']
		}))!;
		expect(c.to?.eid).toBe('art_5__para_1__point_h');
		expect(c.path.map((p) => p.method)).toEqual(['numbering_map']);
		expect(c.diff!.added).toBeGreaterThan(0);
		expect(c.diff!.removed).toBeGreaterThan(0);
	});

	it('puts Article 5 in four columns, later columns diffed against the Commission text', async () => {
		const view = (await articleColumns(seeded.db, seeded.dossierId, 'art_5'))!;
		expect(view.documents.map((d) => d.key)).toEqual([
			'commission-proposal',
			'council-general-approach',
			'ep-position',
			'final-act'
		]);
		const row = view.rows.find((r) => r.cells[0]?.version.eid === 'art_5__para_1__point_d')!;
		expect(row.cells.map((c) => c?.version.eid ?? null)).toEqual([
			'art_5__para_1__point_d',
			'art_5__para_1__point_d',
			'art_5__para_1__point_d',
			'art_5__para_1__point_h'
		]);
		expect(row.cells[0]!.own).toMatch(/^\(d\) .*objectives:$/);
		expect(row.cells[2]!.own).toBe(
			'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;'
		);
		expect(row.cells[2]!.diff!.removed).toBeGreaterThan(0);
		// The Parliament's new point (b a) comes after (b), with its counterpart final (g).
		const ba = view.rows.findIndex((r) => r.cells[2]?.version.eid === 'art_5__para_1__point_ba');
		const b = view.rows.findIndex((r) => r.cells[0]?.version.eid === 'art_5__para_1__point_b');
		expect(ba).toBe(b + 1);
		expect(view.rows[ba].cells[0]).toBeNull();
		expect(view.rows[ba].cells[3]?.version.eid).toBe('art_5__para_1__point_g');
		expect(view.totals[3].added).toBeGreaterThan(0);
	});

	it('compares two whole texts article by article, sortable by how much changed', async () => {
		const rows = await compareDocuments(seeded.db, seeded.dossierId, {
			fromDocumentId: docs['commission-proposal'],
			toDocumentId: docs['final-act'],
			kind: 'article',
			sort: 'changes',
			descending: true
		});
		expect(rows.length).toBeGreaterThan(100);
		const total = (r: (typeof rows)[number]) => r.added + r.removed;
		expect(rows.every((r, i) => i === 0 || total(rows[i - 1]) >= total(r))).toBe(true);
		const art52 = rows.find((r) => r.from?.eid === 'art_52')!;
		expect(art52.to?.eid).toBe('art_50');
		expect(rows.some((r) => r.from === null && r.to?.eid === 'art_4')).toBe(true); // AI literacy: new in the final act
		const inOrder = await compareDocuments(seeded.db, seeded.dossierId, {
			fromDocumentId: docs['commission-proposal'],
			toDocumentId: docs['final-act'],
			kind: 'article',
			sort: 'order',
			descending: false
		});
		expect(inOrder[0].from?.eid).toBe('art_1');
	});
});
