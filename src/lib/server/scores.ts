import { and, asc, eq } from 'drizzle-orm';
import type { DbConnection } from './db';
import { atVersion, nextVersion } from './db/version';
import { banCriterion, banScore, document, procedureEvent } from './db/schema';
import { audit } from './audit';
import type { BanScoreValue, ScoredText } from '$lib/charts/ban-strength';
import type { SourceRef } from '$lib/sources';
import { documentNotice } from '$lib/documents/notice';
import type { Saved } from '$lib/stale-edit';

export type BanCriterion = typeof banCriterion.$inferSelect;
export type BanScore = typeof banScore.$inferSelect;

/**
 * Which documents the ban is scored in. The Parliament is scored on the amendments it adopted (the official
 * text); the position Trilogue reconstructs from them ('ep_position') is the same stage, so it is left out
 * rather than shown twice. A consolidation is the act as a later amending act left it, so it stands for
 * that act. Council compromise texts are steps towards the general approach, which is scored.
 */
const scoredKinds = new Set([
	'proposal',
	'general_approach',
	'ep_amendments',
	'final_act',
	'amending_act',
	'consolidated'
]);
const laterKinds = new Set(['amending_act', 'consolidated']);

export interface BanStrengthData {
	criteria: BanCriterion[];
	texts: (ScoredText & { documentKey: string | null })[];
	scores: (BanScore & { criterionKey: string; documentKey: string })[];
}

/**
 * The criteria, the texts in stage order and every score. Later amending acts whose text Trilogue does
 * not hold (procedure events of category 'amendment' with no document) are listed as one unscored text,
 * so the chart says "unknown" rather than leaving them out.
 */
export async function banStrengthData(db: DbConnection, dossierId: number): Promise<BanStrengthData> {
	const [criteria, documents, scores, amendingEvents] = await Promise.all([
		db.select().from(banCriterion).where(eq(banCriterion.dossierId, dossierId)).orderBy(asc(banCriterion.sortOrder)),
		db.select().from(document).where(eq(document.dossierId, dossierId)).orderBy(asc(document.sortOrder)),
		db
			.select({ score: banScore, criterionKey: banCriterion.key, documentKey: document.key })
			.from(banScore)
			.innerJoin(banCriterion, eq(banCriterion.id, banScore.criterionId))
			.innerJoin(document, eq(document.id, banScore.documentId))
			.where(eq(banCriterion.dossierId, dossierId)),
		db
			.select({ title: procedureEvent.title, date: procedureEvent.date })
			.from(procedureEvent)
			.where(
				and(
					eq(procedureEvent.dossierId, dossierId),
					eq(procedureEvent.category, 'amendment'),
					eq(procedureEvent.visibility, 'public')
				)
			)
			.orderBy(asc(procedureEvent.date))
	]);
	const texts: BanStrengthData['texts'] = documents
		.filter((d) => scoredKinds.has(d.kind))
		.map((d) => {
			const notice = documentNotice(d);
			return {
				documentId: d.id,
				documentKey: d.key,
				label: d.date ? `${d.shortTitle} (${d.date.slice(0, 4)})` : d.shortTitle,
				date: d.date,
				...(notice ? { note: `${notice.label}: ${notice.note}` } : {})
			};
		});
	if (amendingEvents.length > 0 && !documents.some((d) => laterKinds.has(d.kind))) {
		texts.push({
			documentId: null,
			documentKey: null,
			label: 'Later amending acts',
			date: amendingEvents.at(-1)!.date,
			note: `Not scored: their text is not in Trilogue’s data (${amendingEvents.map((e) => e.title).join('; ')}).`
		});
	}
	return {
		criteria,
		texts,
		scores: scores.map((s) => ({ ...s.score, criterionKey: s.criterionKey, documentKey: s.documentKey }))
	};
}

export const scoreValues = (data: BanStrengthData): BanScoreValue[] =>
	data.scores.map((s) => ({ criterionId: s.criterionId, documentId: s.documentId, score: s.score }));

export interface ScoreSlot {
	criterion: BanCriterion;
	document: typeof document.$inferSelect;
	score: BanScore | undefined;
}

/** One criterion in one text, scored or not yet. */
export async function getScoreSlot(
	db: DbConnection,
	dossierId: number,
	criterionKey: string,
	documentKey: string
): Promise<ScoreSlot | undefined> {
	const [criterion] = await db
		.select()
		.from(banCriterion)
		.where(and(eq(banCriterion.dossierId, dossierId), eq(banCriterion.key, criterionKey)));
	const [doc] = await db
		.select()
		.from(document)
		.where(and(eq(document.dossierId, dossierId), eq(document.key, documentKey)));
	if (!criterion || !doc || !scoredKinds.has(doc.kind)) return undefined;
	const [score] = await db
		.select()
		.from(banScore)
		.where(and(eq(banScore.criterionId, criterion.id), eq(banScore.documentId, doc.id)));
	return { criterion, document: doc, score };
}

export interface ScoreInput {
	score: number;
	justification: string;
	provisionEid: string | null;
	sources: SourceRef[];
}

/**
 * Sets (creates or replaces) one score, and records the change with its before and after in the audit log.
 * `version` is the one the editor started from (null for a score not set yet): if someone saved the score
 * since, nothing is written and theirs comes back as the conflict (`$lib/stale-edit`).
 */
export async function saveScore(
	db: DbConnection,
	userId: number,
	slot: ScoreSlot,
	version: number | null,
	input: ScoreInput
): Promise<Saved<{ score: BanScore }, BanScore>> {
	return db.transaction(async (tx) => {
		const values = { ...input, updatedAt: new Date() };
		const [row] =
			slot.score && version !== null
				? await tx
						.update(banScore)
						.set({ ...values, version: nextVersion(banScore.version) })
						.where(atVersion(banScore, slot.score.id, version))
						.returning()
				: slot.score
					? []
					: await tx
							.insert(banScore)
							.values({ criterionId: slot.criterion.id, documentId: slot.document.id, ...values })
							.onConflictDoNothing()
							.returning();
		if (!row) {
			const [current] = await tx
				.select()
				.from(banScore)
				.where(and(eq(banScore.criterionId, slot.criterion.id), eq(banScore.documentId, slot.document.id)));
			return { ok: false, conflict: { version: current.version, record: current } };
		}
		const pick = (s: BanScore | undefined) =>
			s && { score: s.score, justification: s.justification, provisionEid: s.provisionEid, sources: s.sources };
		await audit(tx, {
			userId,
			action: slot.score ? 'ban_score.update' : 'ban_score.create',
			entityType: 'ban_score',
			entityId: row.id,
			details: {
				criterion: slot.criterion.key,
				document: slot.document.key,
				fromVersion: version,
				toVersion: row.version,
				before: pick(slot.score) ?? null,
				after: pick(row)
			}
		});
		return { ok: true, score: row };
	});
}
