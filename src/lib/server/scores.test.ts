import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { amendment, auditLog, document, provision, textVersion } from './db/schema';
import { useTestDatabase } from './testing/database';
import { banStrengthData, getScoreSlot, saveScore, scoreValues } from './scores';
import { banScoreSeeds } from './seed/scores';
import { banStrength } from '$lib/charts/ban-strength';
import { testUser } from './testing/users';

const seeded = useTestDatabase();

const docKey = {
	proposal: 'commission-proposal',
	generalApproach: 'council-general-approach',
	epAmendments: 'ep-amendments',
	finalAct: 'final-act',
	consolidated: 'consolidated-2026'
};

describe('the seeded ban scores', () => {
	it('score each of the five texts on each of the five criteria, with a source that quotes it', async () => {
		const data = await banStrengthData(seeded.db, seeded.dossierId);
		expect(data.criteria.map((c) => c.key)).toEqual([
			'private-actors',
			'post-rbi',
			'no-exceptions',
			'biometric-categorisation',
			'emotion-recognition'
		]);
		expect(data.scores).toHaveLength(25);
		for (const s of data.scores) {
			expect([0, 0.5, 1]).toContain(s.score);
			expect(s.justification.length).toBeGreaterThan(40);
			expect(s.provisionEid).toBeTruthy();
			expect(s.sources[0].url).toMatch(/^https:\/\//);
			expect(s.sources[0].quote).toBeTruthy();
		}
	});

	it('quote each text verbatim, from the provision they rest on', async () => {
		for (const seed of banScoreSeeds) {
			if (seed.document === 'epAmendments') {
				const rows = await seeded.db
					.select({ text: amendment.proposedText })
					.from(amendment)
					.innerJoin(provision, eq(provision.id, amendment.targetProvisionId))
					.where(and(eq(amendment.dossierId, seeded.dossierId), eq(provision.eid, seed.provisionEid)));
				expect(
					rows.some((r) => r.text.includes(seed.quote)),
					`${seed.criterion} in the EP amendments`
				).toBe(true);
			} else {
				// The quote may sit in the provision or, for a closing subparagraph, in its parent.
				const eids = seed.provisionEid.split('__').map((_, i, parts) => parts.slice(0, i + 1).join('__'));
				const own = await seeded.db
					.select({ text: textVersion.text, eid: provision.eid })
					.from(textVersion)
					.innerJoin(provision, eq(provision.id, textVersion.provisionId))
					.innerJoin(document, eq(document.id, textVersion.documentId))
					.where(eq(document.key, docKey[seed.document]));
				const texts = own.filter((r) => eids.includes(r.eid)).map((r) => r.text);
				expect(texts.length, `${seed.provisionEid} exists in ${seed.document}`).toBeGreaterThan(0);
				expect(
					texts.some((t) => t.includes(seed.quote)),
					`${seed.criterion} in ${seed.document}`
				).toBe(true);
			}
		}
	});

	it('derive the ban’s strength per text: weakest in the proposal and the Council’s text, strongest in the Parliament’s', async () => {
		const data = await banStrengthData(seeded.db, seeded.dossierId);
		const rows = banStrength(data.criteria, data.texts, scoreValues(data));
		expect(rows.map((r) => [r.text.label, r.total])).toEqual([
			['Proposal (2021)', 0],
			['Council (2022)', 0],
			['EP amendments (2023)', 4],
			['Final act (2024)', 1],
			['Unofficial consolidation (2026)', 1]
		]);
		expect(rows.at(-1)!.text.note).toContain('Unofficial consolidation');
	});

	it('score the 2026 text from its own wording: the biometric points are unchanged, and each justification says so', async () => {
		const seeds = banScoreSeeds.filter((s) => s.document === 'consolidated');
		expect(seeds.map((s) => s.criterion).sort()).toEqual([
			'biometric-categorisation',
			'emotion-recognition',
			'no-exceptions',
			'post-rbi',
			'private-actors'
		]);
		for (const s of seeds) expect(s.justification).toMatch(/^Unchanged by Regulation \(EU\) 2026\/1744/);
		const final = new Map(banScoreSeeds.filter((s) => s.document === 'finalAct').map((s) => [s.criterion, s.score]));
		for (const s of seeds) expect(s.score, s.criterion).toBe(final.get(s.criterion));
	});
});

describe('saveScore', () => {
	it('replaces a score and writes the change, before and after, to the audit log', async () => {
		const editor = await testUser(seeded.db, 'editor');
		const slot = (await getScoreSlot(seeded.db, seeded.dossierId, 'emotion-recognition', 'final-act'))!;
		expect(slot.score?.score).toBe(0.5);
		const saved = await saveScore(seeded.db, editor.id, slot, slot.score!.version, {
			score: 0,
			justification: 'A test justification long enough to say why.',
			provisionEid: 'art_5__para_1__point_f',
			sources: [{ title: 'Test source', url: 'https://example.org' }]
		});
		if (!saved.ok) throw new Error('not saved');
		expect(saved.score).toMatchObject({ score: 0, version: slot.score!.version + 1 });
		const [entry] = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'ban_score'), eq(auditLog.entityId, String(saved.score.id))));
		expect(entry.action).toBe('ban_score.update');
		expect(entry.userId).toBe(editor.id);
		expect(entry.details).toMatchObject({
			criterion: 'emotion-recognition',
			document: 'final-act',
			before: { score: 0.5 },
			after: { score: 0 }
		});
	});

	it('refuses a save made from an older version, writing nothing', async () => {
		const editor = await testUser(seeded.db, 'editor');
		const read = (await getScoreSlot(seeded.db, seeded.dossierId, 'post-rbi', 'final-act'))!;
		const input = (justification: string) => ({
			score: 0,
			justification,
			provisionEid: 'art_26__para_10',
			sources: [{ title: 'Test source' }]
		});
		// Both editors read version 1; the second saves after the first.
		expect(read.score!.version).toBe(1);
		expect(await saveScore(seeded.db, editor.id, read, 1, input('First editor’s justification.'))).toMatchObject({
			ok: true,
			score: { version: 2 }
		});
		const now = (await getScoreSlot(seeded.db, seeded.dossierId, 'post-rbi', 'final-act'))!;
		expect(await saveScore(seeded.db, editor.id, now, 1, input('Second editor’s justification.'))).toMatchObject({
			ok: false,
			conflict: { version: 2, record: { justification: 'First editor’s justification.' } }
		});
		const after = (await getScoreSlot(seeded.db, seeded.dossierId, 'post-rbi', 'final-act'))!;
		expect(after.score).toMatchObject({ justification: 'First editor’s justification.', version: 2 });
		const updates = await seeded.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'ban_score.update'), eq(auditLog.entityId, String(read.score!.id))));
		expect(updates).toHaveLength(1);
	});

	it('refuses slots that do not exist', async () => {
		expect(await getScoreSlot(seeded.db, seeded.dossierId, 'no-such-criterion', 'final-act')).toBeUndefined();
		expect(await getScoreSlot(seeded.db, seeded.dossierId, 'post-rbi', 'no-such-text')).toBeUndefined();
	});
});
