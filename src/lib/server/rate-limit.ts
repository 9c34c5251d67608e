import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbConnection } from './db';
import { loginAttempt, requestHit } from './db/schema';

/** After this many failed sign-ins from one address within the window… */
export const maxFailures = 10;
/** …further attempts from it are refused until the oldest failure in the window ages out. */
export const failureWindowMs = 10 * 60 * 1000;
/** An account's failures (from any address) up to this many cost no delay… */
export const accountFreeFailures = 3;
/** …each one past it doubles the wait before the password is checked, from 250 ms up to this cap. */
export const accountMaxDelayMs = 8_000;

export interface Throttle {
	limited: boolean;
	/** Whole seconds until an attempt is accepted again (0 when not limited). */
	retryAfterSeconds: number;
}

export type Admission =
	| { admitted: false; retryAfterSeconds: number }
	/** `attemptId` is recorded as a failure until `markAttemptSucceeded`; `delayMs` is the account's slow-down. */
	| { admitted: true; attemptId: number; delayMs: number };

/**
 * The growing delay for an account with `failures` recent failures: none for the first few, then 250 ms
 * doubling to `accountMaxDelayMs`. A delay rather than a lock-out, so that nobody can lock the real owner
 * out by guessing wrong on purpose; guessing stays bounded by the per-address limit.
 */
export function accountDelayMs(failures: number): number {
	if (failures <= accountFreeFailures) return 0;
	return Math.min(accountMaxDelayMs, 250 * 2 ** (failures - accountFreeFailures - 1));
}

/**
 * Counts the address's failures and records this attempt as one in a single step: the transaction holds
 * an advisory lock on the address (PostgreSQL; PGlite runs one transaction at a time anyway), so parallel
 * attempts are admitted one after another and at most `maxFailures` get past the limit. The attempt is
 * recorded before the password is checked and marked a success afterwards, so in-flight guesses count.
 * Only failures count: succeeding does not reset an address, so an attacker cannot clear their count by
 * signing in to an account of their own.
 */
export async function admitLoginAttempt(
	db: DbConnection,
	key: { email: string; address: string },
	now = new Date()
): Promise<Admission> {
	const since = new Date(now.getTime() - failureWindowMs);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'login:' + key.address}))`);
		const fromAddress = await tx
			.select({ at: loginAttempt.at })
			.from(loginAttempt)
			.where(and(eq(loginAttempt.success, false), gt(loginAttempt.at, since), eq(loginAttempt.address, key.address)))
			.orderBy(asc(loginAttempt.at));
		if (fromAddress.length >= maxFailures) {
			// The count drops below the limit when the failure `maxFailures` places before the newest ages out.
			const freeAt = fromAddress[fromAddress.length - maxFailures].at.getTime() + failureWindowMs;
			return { admitted: false as const, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
		}
		const [account] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(loginAttempt)
			.where(and(eq(loginAttempt.success, false), gt(loginAttempt.at, since), eq(loginAttempt.email, key.email)));
		const [row] = await tx
			.insert(loginAttempt)
			.values({ ...key, success: false, at: now })
			.returning({ id: loginAttempt.id });
		return { admitted: true as const, attemptId: row.id, delayMs: accountDelayMs(Number(account?.n ?? 0)) };
	});
}

/** The attempt turned out to be a successful sign-in: it no longer counts as a failure. */
export async function markAttemptSucceeded(db: DbConnection, attemptId: number): Promise<void> {
	await db.update(loginAttempt).set({ success: true }).where(eq(loginAttempt.id, attemptId));
}

/** Drops attempts older than a day: they no longer count for anything. */
export async function pruneLoginAttempts(db: DbConnection, now = new Date()): Promise<void> {
	await db.delete(loginAttempt).where(lt(loginAttempt.at, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}

export interface RequestLimit {
	/** At most this many requests… */
	max: number;
	/** …in this sliding window. */
	windowMs: number;
}

/** The own-text comparison: about 300 ms of CPU for two long texts, so 20 a minute from one address. */
export const compareTextLimit: RequestLimit = { max: 20, windowMs: 60 * 1000 };

/**
 * Counts a request against `key`'s limit and records it, in one locked step as sign-ins are, so parallel
 * requests cannot pass the limit. Refused requests are not recorded. Hits older than the window are
 * dropped on the way.
 */
export async function admitRequest(
	db: DbConnection,
	key: string,
	limit: RequestLimit,
	now = new Date()
): Promise<Throttle> {
	const since = new Date(now.getTime() - limit.windowMs);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'request:' + key}))`);
		await tx.delete(requestHit).where(and(eq(requestHit.key, key), lt(requestHit.at, since)));
		const hits = await tx
			.select({ at: requestHit.at })
			.from(requestHit)
			.where(and(eq(requestHit.key, key), gt(requestHit.at, since)))
			.orderBy(asc(requestHit.at));
		if (hits.length >= limit.max) {
			const freeAt = hits[hits.length - limit.max].at.getTime() + limit.windowMs;
			return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
		}
		await tx.insert(requestHit).values({ key, at: now });
		return { limited: false, retryAfterSeconds: 0 };
	});
}
