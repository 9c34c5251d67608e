import { eq, inArray } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, position, topic } from '../db/schema';
import { audit } from '../audit';
import type { AiActData } from './load';
import { toSourceRefs, type RawSource } from './sources';
import { slugify } from './actors';
import { positionMapping, type MappedPosition } from './position-mapping';
import { WHOLE_BAN } from '../../positions/stance';
import { matrixFigures, type MatrixFigures } from '../../positions/matrix';
import { positionMatrix } from '../positions';
import { PUBLIC_VIEWER } from '../authorization';

/** A record of dossier.json (national position or presidency note) or of national-positions-2026-12.json, before mapping. */
export interface PositionRecord {
	/** Key into `positionMapping`. */
	mappingKey: string;
	/** Stable prefix of the seed keys of the positions made from this record. */
	seedKey: string;
	actorId: number;
	date: string | null;
	dateNote: string | null;
	stanceAsReported: string | null;
	summary: string;
	source: RawSource[] | undefined;
}

export const nationalMappingKey = (p: { country: string; date: string | null }) =>
	`${p.country} ${p.date ?? 'undated'}`;
/** The seed keys of the records of national-positions-2026-12.json start with this. */
export const MORE_NATIONAL_SEED = 'national-2026-12';
export const presidencySlug = (presidency: string) => `presidency-${slugify(presidency)}`;

/**
 * Seeds the sourced national positions (dossier.json's and national-positions-2026-12.json's) and the
 * presidency notes, each put on our scale by the hand-made table in `position-mapping.ts` (a record
 * missing from the table stays 'unknown' and topic-less). The 2026 records keep their verbatim quote
 * in their evidence.
 * Every position is approved and public, since it only restates a published source, and its
 * creation is written to the audit log so its history starts with where it came from.
 */
export async function seedPositions(
	tx: DbConnection,
	data: AiActData,
	ctx: { dossierId: number; memberStates: Map<string, number>; presidencyIds: number[] }
): Promise<{ count: number; matrix: MatrixFigures }> {
	const catalogue = data.dossier.meta.sources;
	const records: PositionRecord[] = [
		...data.dossier.nationalPositions.map((p) => {
			const actorId = ctx.memberStates.get(p.country);
			if (!actorId) throw new Error(`Unknown member state in dossier.json: ${p.country}`);
			return {
				mappingKey: nationalMappingKey(p),
				seedKey: `national:${p.country}:${p.date ?? 'undated'}:${p.stance}`,
				actorId,
				date: p.date,
				dateNote: p.dateNote ?? null,
				stanceAsReported: p.stance,
				summary: p.summary,
				source: p.source
			};
		}),
		...data.moreNationalPositions.records.map((p) => {
			const actorId = ctx.memberStates.get(p.country);
			if (!actorId) throw new Error(`Unknown member state in national-positions-2026-12.json: ${p.country}`);
			const { publisher, ...source } = p.source;
			const checked = p.verified ? 'quote re-read in the source in a second pass' : 'quote read once in the source';
			return {
				mappingKey: nationalMappingKey(p),
				seedKey: `${MORE_NATIONAL_SEED}:${p.country}:${p.date}`,
				actorId,
				date: p.date,
				dateNote: null,
				stanceAsReported: p.stanceAsReported,
				summary: p.summary,
				source: [
					{
						...source,
						published: source.published ?? undefined,
						quote: p.quote,
						note: `Published by ${publisher}; ${checked}.`
					}
				]
			};
		}),
		...data.dossier.councilPresidencies.map((p, i) => ({
			mappingKey: presidencySlug(p.presidency),
			seedKey: `presidency:${slugify(p.presidency)}`,
			actorId: ctx.presidencyIds[i],
			date: p.date,
			dateNote: null,
			stanceAsReported: null,
			summary: p.summary,
			source: p.source
		}))
	];

	const topics = await tx
		.select({ id: topic.id, slug: topic.slug })
		.from(topic)
		.where(eq(topic.dossierId, ctx.dossierId));
	const topicIds = new Map(topics.map((t) => [t.slug, t.id]));
	const otherActors = [
		...new Set(Object.values(positionMapping).flatMap((m) => m.positions.flatMap((p) => (p.actor ? [p.actor] : []))))
	];
	const actorIds = new Map(
		otherActors.length
			? (await tx.select({ id: actor.id, slug: actor.slug }).from(actor).where(inArray(actor.slug, otherActors))).map(
					(a) => [a.slug, a.id]
				)
			: []
	);

	const rows = records.flatMap((r) => {
		const mapping = positionMapping[r.mappingKey];
		const mapped: MappedPosition[] = mapping?.positions ?? [{ topic: null, stance: 'unknown' }];
		const evidence = toSourceRefs(r.source, catalogue);
		const sourced = r.source?.some((s) => s.kind?.startsWith('official'))
			? ('official' as const)
			: ('reported' as const);
		return mapped.map((m) => {
			const topicId = m.topic === null ? null : topicIds.get(m.topic);
			if (topicId === undefined)
				throw new Error(`Unknown topic in the position mapping of ${r.mappingKey}: ${m.topic}`);
			const actorId = m.actor ? actorIds.get(m.actor) : r.actorId;
			if (!actorId) throw new Error(`Unknown actor in the position mapping of ${r.mappingKey}: ${m.actor}`);
			return {
				dossierId: ctx.dossierId,
				actorId,
				topicId,
				date: r.date,
				dateNote: r.dateNote ?? mapping?.dateNote ?? null,
				stance: m.stance,
				stanceAsReported: r.stanceAsReported,
				stanceBasis: m.basis ?? mapping?.basis ?? null,
				summary: r.summary,
				evidence,
				confidence: m.confidence ?? sourced,
				visibility: 'public' as const,
				reviewState: 'approved' as const,
				seedKey: `${r.seedKey}#${m.actor ? `${m.actor}/` : ''}${m.topic ?? WHOLE_BAN}`
			};
		});
	});
	const inserted = await tx.insert(position).values(rows).returning({ id: position.id, seedKey: position.seedKey });
	for (const p of inserted) {
		await audit(tx, {
			userId: null,
			action: 'position.seed',
			entityType: 'position',
			entityId: p.id,
			details: {
				seedKey: p.seedKey,
				from: p.seedKey?.startsWith(MORE_NATIONAL_SEED) ? 'national-positions-2026-12.json' : 'dossier.json',
				note: 'Loaded from the dossier’s sources; stance mapped by the table in seed/position-mapping.ts.'
			}
		});
	}
	const matrix = await positionMatrix(tx, ctx.dossierId, { asOf: null, viewer: PUBLIC_VIEWER });
	return { count: inserted.length, matrix: matrixFigures(matrix.memberStates) };
}
