import { and, asc, eq, gte, lt, or } from 'drizzle-orm';
import type { DbConnection } from './db';
import { loginAttempt } from './db/schema';

/** After this many failed sign-ins for one account or from one address within the window… */
export const maxFailures = 10;
/** …further attempts are refused until the oldest failure in the window ages out. */
export const failureWindowMs = 10 * 60 * 1000;

export interface Throttle {
	limited: boolean;
	/** Whole seconds until an attempt is accepted again (0 when not limited). */
	retryAfterSeconds: number;
}

/**
 * Whether a sign-in for `email` from `address` must be refused now. Counted in the database, so the
 * limit holds across server processes. Only failures count: succeeding does not reset an address,
 * so an attacker cannot clear their count by signing in to an account of their own.
 */
export async function loginThrottle(db: DbConnection, key: { email: string; address: string }, now = new Date()): Promise<Throttle> {
	const since = new Date(now.getTime() - failureWindowMs);
	const failures = await db
		.select({ email: loginAttempt.email, address: loginAttempt.address, at: loginAttempt.at })
		.from(loginAttempt)
		.where(
			and(
				eq(loginAttempt.success, false),
				gte(loginAttempt.at, since),
				or(eq(loginAttempt.email, key.email), eq(loginAttempt.address, key.address))
			)
		)
		.orderBy(asc(loginAttempt.at));
	let freeAt = 0;
	for (const times of [failures.filter((f) => f.email === key.email), failures.filter((f) => f.address === key.address)]) {
		// The count drops below the limit when the failure `maxFailures` places before the newest ages out.
		if (times.length >= maxFailures) freeAt = Math.max(freeAt, times[times.length - maxFailures].at.getTime() + failureWindowMs);
	}
	if (freeAt <= now.getTime()) return { limited: false, retryAfterSeconds: 0 };
	return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
}

export async function recordLoginAttempt(
	db: DbConnection,
	attempt: { email: string; address: string; success: boolean },
	now = new Date()
): Promise<void> {
	await db.insert(loginAttempt).values({ ...attempt, at: now });
}

/** Drops attempts older than a day: they no longer count for anything. */
export async function pruneLoginAttempts(db: DbConnection, now = new Date()): Promise<void> {
	await db.delete(loginAttempt).where(lt(loginAttempt.at, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
