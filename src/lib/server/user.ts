import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbConnection } from './db';
import { roles, user, type Role } from './db/schema';
import { audit } from './audit';
import type { SessionUser } from './authorization';
import { hashPassword, passwordMaxLength, passwordProblem, verifyAgainstDummy, verifyPasswordHash } from './password';
import { admitLoginAttempt, markAttemptSucceeded, pruneLoginAttempts } from './rate-limit';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	type Session
} from './session';

export type User = typeof user.$inferSelect;
/** A user as pages may show it: never the password hash. */
export type UserSummary = Omit<User, 'passwordHash'>;

/** Emails are stored trimmed and lower-cased, so sign-in is case-insensitive. */
export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'That email address is too long.')
	.pipe(z.email('Enter an email address like name@example.org.'));
export const roleField = z.enum(roles, 'Choose a role.');
/** A password as typed: any string up to a bound; whether it is acceptable is `passwordProblem`'s call. */
export const passwordField = z.string().max(4 * passwordMaxLength, 'That password is too long.');

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; field?: string; message: string };

const summaryColumns = {
	id: user.id,
	email: user.email,
	name: user.name,
	role: user.role,
	active: user.active,
	createdAt: user.createdAt,
	updatedAt: user.updatedAt
};

export async function listUsers(db: DbConnection): Promise<UserSummary[]> {
	return db.select(summaryColumns).from(user).orderBy(asc(user.email));
}

export async function getUserByEmail(db: DbConnection, email: string): Promise<User | undefined> {
	const [row] = await db.select().from(user).where(eq(user.email, email.trim().toLowerCase()));
	return row;
}

async function getUserById(db: DbConnection, id: number): Promise<User | undefined> {
	const [row] = await db.select().from(user).where(eq(user.id, id));
	return row;
}

/** Creates an account with a password. `actorId` is the admin who did it (null from the command line). */
export async function createUser(
	db: DbConnection,
	input: { email: string; name: string; role: Role; password: string },
	actorId: number | null
): Promise<Outcome<{ user: UserSummary }>> {
	const email = input.email.trim().toLowerCase();
	const problem = passwordProblem(input.password, email);
	if (problem) return { ok: false, field: 'password', message: problem };
	if (await getUserByEmail(db, email))
		return { ok: false, field: 'email', message: 'There is already an account with this email.' };
	const passwordHash = await hashPassword(input.password);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(user)
			.values({ email, name: input.name.trim(), role: input.role, passwordHash })
			.onConflictDoNothing({ target: user.email })
			.returning(summaryColumns);
		if (!row) return undefined;
		await audit(tx, {
			userId: actorId,
			action: 'user.create',
			entityType: 'user',
			entityId: row.id,
			details: { email, role: row.role, name: row.name }
		});
		return row;
	});
	if (!created) return { ok: false, field: 'email', message: 'There is already an account with this email.' };
	return { ok: true, user: created };
}

export type SignInResult =
	| { kind: 'signed-in'; user: SessionUser; token: string; session: Session }
	| { kind: 'refused' }
	| { kind: 'throttled'; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password and starts a new session. Unknown email, wrong password and a
 * deactivated account all give the same 'refused' after the same argon2 work. The attempt is admitted
 * and recorded in one step before the check (`admitLoginAttempt`), and an account with recent failures
 * is answered more slowly (`wait`, the delay; injectable so tests need not sleep). `replacesSessionId`,
 * the session the browser already holds, ends when the new one starts. Every outcome but 'throttled'
 * is in the audit log.
 */
export async function signIn(
	db: DbConnection,
	input: { email: string; password: string; address: string; replacesSessionId?: string | null },
	now = new Date(),
	wait: (ms: number) => Promise<void> = sleep
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const admission = await admitLoginAttempt(db, { email, address: input.address }, now);
	if (!admission.admitted) return { kind: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
	if (admission.delayMs > 0) await wait(admission.delayMs);
	const found = await getUserByEmail(db, email);
	const valid = found?.passwordHash
		? await verifyPasswordHash(found.passwordHash, input.password)
		: await verifyAgainstDummy(input.password);
	const reason = !found ? 'unknown_email' : !valid ? 'wrong_password' : !found.active ? 'inactive' : null;
	return db.transaction(async (tx) => {
		if (reason || !found) {
			await audit(tx, {
				userId: found?.id ?? null,
				action: 'auth.sign_in_failed',
				entityType: 'user',
				entityId: found?.id,
				details: { email, reason, address: input.address }
			});
			return { kind: 'refused' as const };
		}
		await markAttemptSucceeded(tx, admission.attemptId);
		if (input.replacesSessionId) await invalidateSession(tx, input.replacesSessionId);
		const token = generateSessionToken();
		const session = await createSession(tx, token, found.id, now);
		await audit(tx, {
			userId: found.id,
			action: 'auth.sign_in',
			entityType: 'user',
			entityId: found.id,
			details: { address: input.address }
		});
		await pruneLoginAttempts(tx, now);
		return {
			kind: 'signed-in' as const,
			user: { id: found.id, email: found.email, name: found.name, role: found.role },
			token,
			session
		};
	});
}

/**
 * Changes one's own password after checking the current one; ends all of the user's sessions and
 * starts a fresh one for the browser that made the change.
 */
export async function changeOwnPassword(
	db: DbConnection,
	userId: number,
	input: { current: string; next: string }
): Promise<Outcome<{ token: string; session: Session }>> {
	const found = await getUserById(db, userId);
	if (!found?.passwordHash || !(await verifyPasswordHash(found.passwordHash, input.current)))
		return { ok: false, field: 'current', message: 'That is not your current password.' };
	const problem = passwordProblem(input.next, found.email);
	if (problem) return { ok: false, field: 'next', message: problem };
	const passwordHash = await hashPassword(input.next);
	return db.transaction(async (tx) => {
		await tx.update(user).set({ passwordHash, updatedAt: new Date() }).where(eq(user.id, userId));
		await invalidateUserSessions(tx, userId);
		const token = generateSessionToken();
		const session = await createSession(tx, token, userId);
		await audit(tx, {
			userId,
			action: 'user.password_change',
			entityType: 'user',
			entityId: userId,
			details: { by: 'self' }
		});
		return { ok: true as const, token, session };
	});
}

type AdminChange = { role: Role } | { active: boolean } | { password: string } | { name: string };

/** The acting admin's own password, typed again, and where the request came from (for the throttle). */
export interface Confirmation {
	password: string;
	address: string;
}

/**
 * Checks the acting admin's password again before a change that could take over or shut out an account.
 * Wrong guesses count against the sign-in throttle like sign-ins, so a stolen session cannot be used to
 * guess the admin's password here.
 */
async function confirmAdmin(db: DbConnection, actor: SessionUser, confirm: Confirmation | undefined): Promise<Outcome> {
	const refused = {
		ok: false as const,
		field: 'adminPassword',
		message: 'Enter your own password to confirm this change.'
	};
	if (!confirm?.password) return refused;
	const admission = await admitLoginAttempt(db, { email: actor.email, address: confirm.address });
	if (!admission.admitted) return { ...refused, message: 'Too many wrong passwords from here; try again later.' };
	const me = await getUserById(db, actor.id);
	if (!me?.passwordHash || !(await verifyPasswordHash(me.passwordHash, confirm.password))) return refused;
	await markAttemptSucceeded(db, admission.attemptId);
	return { ok: true };
}

/**
 * An admin's change to another account: role, active flag, a new password or the name. Role, active and
 * password changes need the admin's own password again (`confirm`) and end all of that user's sessions.
 * Admins cannot change their own role or deactivate themselves, so the last admin cannot lock everyone
 * out, and set their own password only on /account, which asks for the current one.
 */
export async function changeUser(
	db: DbConnection,
	actor: SessionUser,
	userId: number,
	change: AdminChange,
	confirm?: Confirmation
): Promise<Outcome> {
	const found = await getUserById(db, userId);
	if (!found) return { ok: false, message: 'There is no such user.' };
	if (found.id === actor.id && ('role' in change || 'active' in change))
		return { ok: false, message: 'You cannot change your own role or deactivate yourself; ask another admin.' };
	if (found.id === actor.id && 'password' in change)
		return {
			ok: false,
			field: 'password',
			message: 'Change your own password on your account page, which asks for the current one.'
		};
	if (!('name' in change)) {
		const confirmed = await confirmAdmin(db, actor, confirm);
		if (!confirmed.ok) return confirmed;
	}
	let set: Partial<User>;
	let details: Record<string, unknown>;
	let action: string;
	if ('role' in change) {
		set = { role: change.role };
		details = { email: found.email, from: found.role, to: change.role };
		action = 'user.role_change';
	} else if ('active' in change) {
		set = { active: change.active };
		details = { email: found.email, from: found.active, to: change.active };
		action = change.active ? 'user.reactivate' : 'user.deactivate';
	} else if ('password' in change) {
		const problem = passwordProblem(change.password, found.email);
		if (problem) return { ok: false, field: 'password', message: problem };
		set = { passwordHash: await hashPassword(change.password) };
		details = { email: found.email, by: 'admin' };
		action = 'user.password_change';
	} else {
		set = { name: change.name.trim() };
		details = { email: found.email, from: found.name, to: change.name.trim() };
		action = 'user.update';
	}
	await db.transaction(async (tx) => {
		await tx
			.update(user)
			.set({ ...set, updatedAt: new Date() })
			.where(eq(user.id, userId));
		if (!('name' in change)) await invalidateUserSessions(tx, userId);
		await audit(tx, { userId: actor.id, action, entityType: 'user', entityId: userId, details });
	});
	return { ok: true };
}
