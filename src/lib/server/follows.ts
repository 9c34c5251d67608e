import { and, asc, eq } from 'drizzle-orm';
import type { DbConnection } from './db';
import { actor, dossier as dossierTable, follow, followTargets, topic } from './db/schema';
import { audit } from './audit';
import type { Dossier } from './dossiers';
import {
	countryPath,
	findMemberState,
	positionItems,
	provisionExists,
	provisionItems,
	topicItems,
	topicsBySlug
} from './feeds';
import { sortItems, type FeedItem } from '$lib/feeds/items';
import { provisionLabel } from '$lib/provisions/label';
import { isEid } from '$lib/validators';

export type FollowTarget = (typeof followTargets)[number];
export type Follow = typeof follow.$inferSelect;

/**
 * What a follow's key holds: provisions and topics belong to a dossier ('ai-act/art_5', 'ai-act/emotion-recognition'),
 * countries do not ('DE').
 */
export function followKey(type: FollowTarget, dossierSlug: string, key: string): string {
	return type === 'country' ? key.toUpperCase() : `${dossierSlug}/${key}`;
}

export interface FollowView extends Follow {
	/** What the user sees: 'Article 5(1)(h)', 'Germany', 'Emotion recognition'. */
	label: string;
	/** None for a country when no dossier is chosen: a country's positions are per dossier. */
	link: string | null;
}

/** The user's follows with labels and links; countries link to their positions in `dossierSlug`. */
export async function listFollows(db: DbConnection, userId: number, dossierSlug: string | null): Promise<FollowView[]> {
	const rows = await db
		.select()
		.from(follow)
		.where(eq(follow.userId, userId))
		.orderBy(asc(follow.targetType), asc(follow.createdAt));
	const [states, topics] = await Promise.all([
		db
			.select({ code: actor.countryCode, name: actor.name, slug: actor.slug })
			.from(actor)
			.where(eq(actor.kind, 'member_state')),
		db
			.select({ slug: topic.slug, name: topic.name, dossierSlug: dossierTable.slug })
			.from(topic)
			.innerJoin(dossierTable, eq(dossierTable.id, topic.dossierId))
	]);
	return rows.map((f) => {
		const [ownSlug, key] = f.targetType === 'country' ? ['', f.targetKey] : splitKey(f.targetKey);
		if (f.targetType === 'provision')
			return { ...f, label: provisionLabel(key), link: `/dossiers/${ownSlug}/provisions/${key}` };
		if (f.targetType === 'topic') {
			// Slugs are unique per dossier only: another dossier may have a topic of the same slug.
			const t = topics.find((x) => x.dossierSlug === ownSlug && x.slug === key);
			return {
				...f,
				label: t?.name ?? key,
				link: `/dossiers/${ownSlug}/charts?topic=${encodeURIComponent(key)}#stances`
			};
		}
		const state = states.find((s) => s.code === key);
		const link = dossierSlug ? countryPath(dossierSlug, state?.slug ?? key.toLowerCase()) : null;
		return { ...f, label: state?.name ?? key, link };
	});
}

function splitKey(targetKey: string): [dossierSlug: string, key: string] {
	const at = targetKey.indexOf('/');
	return at < 0 ? ['', targetKey] : [targetKey.slice(0, at), targetKey.slice(at + 1)];
}

export type FollowResult = { ok: true; follow: Follow; created: boolean } | { ok: false; message: string };

/** Follows a provision, country or topic after checking that it exists; following twice is a no-op. */
export async function addFollow(
	db: DbConnection,
	userId: number,
	dossier: Pick<Dossier, 'id' | 'slug'>,
	type: FollowTarget,
	key: string
): Promise<FollowResult> {
	if (type === 'provision' && !(isEid(key) && (await provisionExists(db, dossier.id, key))))
		return { ok: false, message: `There is no provision “${key}” in this dossier.` };
	if (type === 'country' && !(await findMemberState(db, key)))
		return { ok: false, message: `“${key}” is not a member state.` };
	if (type === 'topic' && (await topicsBySlug(db, dossier.id, [key])).length === 0)
		return { ok: false, message: `There is no topic “${key}”.` };
	const targetKey =
		type === 'country' ? (await findMemberState(db, key))!.countryCode! : followKey(type, dossier.slug, key);
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select()
			.from(follow)
			.where(and(eq(follow.userId, userId), eq(follow.targetType, type), eq(follow.targetKey, targetKey)));
		if (existing) return { ok: true as const, follow: existing, created: false };
		const [row] = await tx.insert(follow).values({ userId, targetType: type, targetKey }).returning();
		await audit(tx, {
			userId,
			action: 'follow.create',
			entityType: 'follow',
			entityId: row.id,
			details: { targetType: type, targetKey }
		});
		return { ok: true as const, follow: row, created: true };
	});
}

/** Stops following; only the user's own follows can be removed. Returns whether one was removed. */
export async function removeFollow(db: DbConnection, userId: number, followId: number): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.delete(follow)
			.where(and(eq(follow.id, followId), eq(follow.userId, userId)))
			.returning();
		if (!row) return false;
		await audit(tx, {
			userId,
			action: 'follow.delete',
			entityType: 'follow',
			entityId: row.id,
			details: { targetType: row.targetType, targetKey: row.targetKey }
		});
		return true;
	});
}

/** What changed in everything the user follows in one dossier, newest first (public items only). */
export async function personalFeed(
	db: DbConnection,
	dossier: Pick<Dossier, 'id' | 'slug'>,
	follows: Follow[],
	today: string,
	limit = 100
): Promise<FeedItem[]> {
	const inDossier = (type: FollowTarget) =>
		follows
			.filter((f) => f.targetType === type && f.targetKey.startsWith(`${dossier.slug}/`))
			.map((f) => splitKey(f.targetKey)[1]);
	const codes = follows.filter((f) => f.targetType === 'country').map((f) => f.targetKey);
	const stateIds = codes.length
		? (await Promise.all(codes.map((c) => findMemberState(db, c)))).filter((s) => s !== undefined).map((s) => s.id)
		: [];
	const topics = await topicsBySlug(db, dossier.id, inDossier('topic'));
	const groups = await Promise.all([
		provisionItems(db, dossier, inDossier('provision')),
		stateIds.length ? positionItems(db, dossier, { actorIds: stateIds }) : Promise.resolve([]),
		topicItems(db, dossier, topics)
	]);
	return sortItems(groups.flat(), today, limit);
}
