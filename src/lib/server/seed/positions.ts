import type { DbConnection } from '../db';
import { position } from '../db/schema';
import type { AiActData } from './load';
import { toSourceRefs } from './sources';
import { slugify } from './actors';

/**
 * Seeds the sourced national positions and presidency notes. Their stance on our scale is 'unknown'
 * until mapped by hand: the source's own label is kept in `stanceAsReported`, and nothing is guessed.
 */
export async function seedPositions(
	tx: DbConnection,
	data: AiActData,
	ctx: { dossierId: number; memberStates: Map<string, number>; presidencyIds: number[] }
) {
	const catalogue = data.dossier.meta.sources;
	const confidenceOf = (sources: { kind?: string }[] | undefined) =>
		sources?.some((s) => s.kind?.startsWith('official')) ? ('official' as const) : ('reported' as const);
	const national = data.dossier.nationalPositions.map((p) => {
		const actorId = ctx.memberStates.get(p.country);
		if (!actorId) throw new Error(`Unknown member state in dossier.json: ${p.country}`);
		return {
			dossierId: ctx.dossierId,
			actorId,
			date: p.date,
			dateNote: p.dateNote ?? null,
			stance: 'unknown' as const,
			stanceAsReported: p.stance,
			summary: p.summary,
			evidence: toSourceRefs(p.source, catalogue),
			confidence: confidenceOf(p.source),
			visibility: 'public' as const,
			reviewState: 'approved' as const,
			seedKey: `national:${p.country}:${p.date ?? 'undated'}:${p.stance}`
		};
	});
	const presidencies = data.dossier.councilPresidencies.map((p, i) => ({
		dossierId: ctx.dossierId,
		actorId: ctx.presidencyIds[i],
		date: p.date,
		stance: 'unknown' as const,
		stanceAsReported: null,
		summary: p.summary,
		evidence: toSourceRefs(p.source, catalogue),
		confidence: confidenceOf(p.source),
		visibility: 'public' as const,
		reviewState: 'approved' as const,
		seedKey: `presidency:${slugify(p.presidency)}`
	}));
	await tx.insert(position).values([...national, ...presidencies]);
	return national.length + presidencies.length;
}
