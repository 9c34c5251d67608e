import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { DbConnection } from './db';
import { session, user } from './db/schema';
import type { SessionUser } from './authorization';

export type Session = typeof session.$inferSelect;

const day = 24 * 60 * 60 * 1000;
/** Sliding expiry: a session lasts 30 days from its last renewal… */
export const sessionLifetime = 30 * day;
/** …and is renewed when used in its last 15 days… */
export const sessionRenewWithin = 15 * day;
/** …but never outlives 90 days from sign-in. */
export const sessionAbsoluteLifetime = 90 * day;

/**
 * `__Host-session` when the site is served over https: browsers then accept the cookie only if it is
 * Secure, has path '/' and no Domain, so a sibling subdomain or a plain-http page cannot plant or
 * overwrite it. Over plain http (`npm run dev`, the browser tests) the prefix is not allowed: `session`.
 */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-session' : 'session';
}

/** 20 random bytes (160 bits), base32: the token only the browser holds. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored session id: SHA-256 of the token, hex. A database leak does not reveal usable tokens. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: DbConnection,
	token: string,
	userId: number,
	now = new Date()
): Promise<Session> {
	const [row] = await db
		.insert(session)
		.values({
			id: sessionIdFromToken(token),
			userId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + sessionLifetime)
		})
		.returning();
	return row;
}

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** True when the expiry moved forward, so the cookie must be sent again. */
	renewed: boolean;
}

/**
 * The session and user a token stands for, or null when there is none, it has expired (sliding or
 * absolute), or its user is deactivated; dead sessions are deleted on the way.
 */
export async function validateSessionToken(
	db: DbConnection,
	token: string,
	now = new Date()
): Promise<ValidSession | null> {
	const id = sessionIdFromToken(token);
	const [row] = await db
		.select({
			session,
			user: { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active }
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id));
	if (!row) return null;
	const absoluteEnd = row.session.createdAt.getTime() + sessionAbsoluteLifetime;
	if (!row.user.active || now.getTime() >= row.session.expiresAt.getTime() || now.getTime() >= absoluteEnd) {
		await db.delete(session).where(eq(session.id, id));
		return null;
	}
	let renewed = false;
	if (now.getTime() >= row.session.expiresAt.getTime() - sessionRenewWithin) {
		const expiresAt = new Date(Math.min(now.getTime() + sessionLifetime, absoluteEnd));
		if (expiresAt.getTime() > row.session.expiresAt.getTime()) {
			await db.update(session).set({ expiresAt }).where(eq(session.id, id));
			row.session.expiresAt = expiresAt;
			renewed = true;
		}
	}
	const { active: _active, ...sessionUser } = row.user;
	return { session: row.session, user: sessionUser, renewed };
}

export async function invalidateSession(db: DbConnection, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of a user: after a password, role or active change. */
export async function invalidateUserSessions(db: DbConnection, userId: number): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}

/**
 * HttpOnly, SameSite=Lax, path '/', and Secure with the `__Host-` prefix whenever the site is served over
 * https (adapter-node takes the protocol from ORIGIN), so production gets both while `npm run dev` and
 * the browser tests on http://localhost still work.
 */
export function setSessionTokenCookie(event: { cookies: Cookies; url: URL }, token: string, expiresAt: Date): void {
	event.cookies.set(sessionCookieName(event.url), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionTokenCookie(event: { cookies: Cookies; url: URL }): void {
	event.cookies.delete(sessionCookieName(event.url), {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/'
	});
}
