import { and, eq, sql } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { actor, amendment, amendmentAuthor, amendmentStatusChange, assessment } from '../db/schema';
import type { AmendmentStatus } from '$lib/amendments/statuses';
import { chunked } from '../seed/batch';

/**
 * Benchmark data only: N amendments shaped like Parliament's committee stage, built from the 771 real
 * ones (their targets and texts, reworded), tabled by made-up members of the real political groups.
 * Never loaded by the app; `scripts/bench-seed.ts --amendments N` puts them in a throw-away database.
 */
export const SYNTHETIC_CONTEXTS = [
	'IMCO-LIBE draft report (benchmark)',
	'IMCO-LIBE amendments 1–3312 (benchmark)',
	'IMCO-LIBE compromise amendments (benchmark)',
	'JURI opinion (benchmark)',
	'ITRE opinion (benchmark)',
	'CULT opinion (benchmark)',
	'EP plenary amendments (benchmark)'
];

const MEMBERS = 300;

/** Status mix of a committee stage where most amendments are rejected or fall. */
const statusWeights: [AmendmentStatus, number][] = [
	['draft', 3],
	['tabled', 22],
	['committee_adopted', 8],
	['committee_rejected', 30],
	['committee_fell', 12],
	['withdrawn', 5],
	['plenary_adopted', 6],
	['plenary_rejected', 4],
	['in_trilogue', 4],
	['final_fully', 2],
	['final_partly', 3],
	['final_not', 1]
];

/** A small, seeded PRNG (mulberry32) so every run builds the same data. */
export function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
	const weighted = <T>(xs: readonly [T, number][]) => {
		let r = next() * xs.reduce((s, [, w]) => s + w, 0);
		for (const [x, w] of xs) if ((r -= w) < 0) return x;
		return xs[xs.length - 1][0];
	};
	return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof random>;

/** Rewords a text the way competing amendments do: swap, drop or add a few words and phrases. */
export function reword(text: string, vocabulary: readonly string[], rnd: Random): string {
	const words = text.split(' ');
	const edits = 1 + rnd.int(Math.max(2, Math.ceil(words.length / 25)));
	for (let i = 0; i < edits && words.length > 3; i++) {
		const at = rnd.int(words.length);
		const op = rnd.int(3);
		if (op === 0) words[at] = rnd.pick(vocabulary);
		else if (op === 1) words.splice(at, 1);
		else words.splice(at, 0, rnd.pick(vocabulary), rnd.pick(vocabulary));
	}
	return words.join(' ');
}

export interface SyntheticReport {
	created: number;
	members: number;
	ms: number;
}

/** Adds `count` synthetic amendments (and their authors, status histories and some assessments) to a dossier. */
export async function addSyntheticAmendments(
	db: DbConnection,
	dossierId: number,
	count: number,
	seed = 2021_0106
): Promise<SyntheticReport> {
	const started = performance.now();
	const rnd = random(seed);
	const real = await db
		.select({
			targetProvisionId: amendment.targetProvisionId,
			targetLabel: amendment.targetLabel,
			targetPart: amendment.targetPart,
			baseText: amendment.baseText,
			proposedText: amendment.proposedText,
			deletesProvision: amendment.deletesProvision,
			newProvision: amendment.newProvision
		})
		.from(amendment)
		.where(and(eq(amendment.dossierId, dossierId), eq(amendment.status, 'plenary_adopted')));
	if (!real.length) throw new Error('No real amendments to build from: seed the dossier first.');
	const vocabulary = [...new Set(real.flatMap((r) => r.proposedText.split(' ')).filter((w) => /^[a-z]{4,}$/.test(w)))];

	const groups = await db
		.select({ id: actor.id, slug: actor.slug })
		.from(actor)
		.where(eq(actor.kind, 'political_group'));
	const bodies = await db
		.select({ id: actor.id })
		.from(actor)
		.where(sql`${actor.kind} in ('committee', 'institution')`);
	const members = await ensureMembers(db, groups);
	const authorPool = [
		...members.map((id) => [id, 8] as [number, number]),
		...groups.map((g) => [g.id, 3] as [number, number]),
		...bodies.map((b) => [b.id, 1] as [number, number])
	];

	const numbers = new Map<string, number>();
	let created = 0;
	for (const batch of chunked(
		Array.from({ length: count }, (_, i) => i),
		500
	)) {
		const rows = batch.map(() => {
			const template = rnd.pick(real);
			const tablingContext = rnd.pick(SYNTHETIC_CONTEXTS);
			const number = (numbers.get(tablingContext) ?? 0) + 1;
			numbers.set(tablingContext, number);
			const status = rnd.weighted(statusWeights);
			const day = new Date(Date.UTC(2022, 2, 1) + rnd.int(457) * 86_400_000).toISOString().slice(0, 10);
			return {
				dossierId,
				number: String(number),
				tablingContext,
				tabledOn: status === 'draft' ? null : day,
				targetProvisionId: template.targetProvisionId,
				targetLabel: template.targetLabel,
				targetPart: template.targetPart,
				baseText: template.baseText,
				// One in five repeats the Parliament's wording exactly: several groups tabling the same text.
				proposedText: template.deletesProvision
					? ''
					: rnd.next() < 0.2
						? template.proposedText
						: reword(template.proposedText, vocabulary, rnd),
				deletesProvision: template.deletesProvision,
				newProvision: template.newProvision,
				status,
				visibility: rnd.next() < 0.05 ? ('internal' as const) : ('public' as const),
				sources: []
			};
		});
		const ids = await db
			.insert(amendment)
			.values(rows)
			.returning({ id: amendment.id, status: amendment.status, tabledOn: amendment.tabledOn });
		const authors = ids.flatMap(({ id }) => {
			const picked = new Set(Array.from({ length: 1 + rnd.int(3) }, () => rnd.weighted(authorPool)));
			return [...picked].map((actorId) => ({ amendmentId: id, actorId }));
		});
		await db.insert(amendmentAuthor).values(authors);
		await db.insert(amendmentStatusChange).values(
			ids.flatMap(
				({ id, status, tabledOn }): { amendmentId: number; status: AmendmentStatus; date: string | null }[] => {
					const tabled = { amendmentId: id, status: 'tabled' as const, date: tabledOn };
					if (status === 'draft') return [{ amendmentId: id, status, date: null }];
					return status === 'tabled' ? [tabled] : [tabled, { amendmentId: id, status, date: null }];
				}
			)
		);
		const assessed = ids.filter(() => rnd.next() < 0.05);
		if (assessed.length)
			await db.insert(assessment).values(
				assessed.map(({ id }) => ({
					amendmentId: id,
					direction: rnd.pick(['strengthens', 'weakens', 'neutral'] as const),
					note: 'Benchmark assessment.',
					visibility: rnd.next() < 0.5 ? ('public' as const) : ('internal' as const)
				}))
			);
		created += ids.length;
	}
	return { created, members: members.length, ms: Math.round(performance.now() - started) };
}

/** Made-up members of the real groups (benchmark databases only), so group filters go through members. */
async function ensureMembers(db: DbConnection, groups: { id: number; slug: string }[]): Promise<number[]> {
	const existing = await db
		.select({ id: actor.id })
		.from(actor)
		.where(sql`${actor.slug} like 'bench-member-%'`);
	if (existing.length) return existing.map((e) => e.id);
	const rows = Array.from({ length: MEMBERS }, (_, i) => {
		const group = groups[i % groups.length];
		return {
			kind: 'member' as const,
			slug: `bench-member-${i + 1}`,
			name: `Benchmark member ${i + 1} (${group.slug})`,
			parentId: group.id
		};
	});
	const ids = await db.insert(actor).values(rows).returning({ id: actor.id });
	return ids.map((r) => r.id);
}
