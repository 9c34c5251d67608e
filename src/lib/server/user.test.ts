import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { OpenDatabase } from './db';
import { auditLog, session, user } from './db/schema';
import { testDatabase } from './testing/database';
import { changeOwnPassword, changeUser, createUser, getUserByEmail, signIn } from './user';
import { validateSessionToken } from './session';

let open: OpenDatabase;
beforeAll(async () => {
	open = await testDatabase();
});
afterAll(() => open?.close());

async function lastAudit(action: string) {
	const [row] = await open.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.action, action))
		.orderBy(desc(auditLog.id))
		.limit(1);
	return row;
}

async function make(email: string, role: 'reviewer' | 'editor' | 'admin', password = 'a long passphrase here') {
	const result = await createUser(open.db, { email, name: email.split('@')[0], role, password }, null);
	if (!result.ok) throw new Error(result.message);
	return result.user;
}

describe('accounts', () => {
	it('creates users with a lower-cased unique email, a hashed password and an audit entry', async () => {
		const created = await make('  Ada@Example.org ', 'editor');
		expect(created.email).toBe('ada@example.org');
		const stored = await getUserByEmail(open.db, 'ADA@example.org');
		expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await lastAudit('user.create')).toMatchObject({
			entityType: 'user',
			entityId: String(created.id),
			details: { email: 'ada@example.org', role: 'editor' }
		});
		expect(
			await createUser(
				open.db,
				{ email: 'ada@example.org', name: '', role: 'admin', password: 'another passphrase' },
				null
			)
		).toMatchObject({ ok: false, field: 'email' });
		expect(
			await createUser(open.db, { email: 'bob@example.org', name: '', role: 'admin', password: 'password1' }, null)
		).toMatchObject({ ok: false, field: 'password' });
	});

	it('signs in with a new session each time, and refuses unknown email, wrong password and deactivated users alike', async () => {
		const u = await make('sign@example.org', 'reviewer');
		const first = await signIn(open.db, {
			email: 'SIGN@example.org',
			password: 'a long passphrase here',
			address: '203.0.113.1'
		});
		const second = await signIn(open.db, {
			email: 'sign@example.org',
			password: 'a long passphrase here',
			address: '203.0.113.1'
		});
		if (first.kind !== 'signed-in' || second.kind !== 'signed-in') throw new Error('expected to sign in');
		expect(first.session.id).not.toBe(second.session.id);
		expect(first.user).toEqual({ id: u.id, email: 'sign@example.org', name: 'sign', role: 'reviewer' });
		expect(await lastAudit('auth.sign_in')).toMatchObject({ userId: u.id, details: { address: '203.0.113.1' } });

		expect(
			await signIn(open.db, { email: 'nobody@example.org', password: 'whatever it is', address: '203.0.113.2' })
		).toEqual({ kind: 'refused' });
		expect(await lastAudit('auth.sign_in_failed')).toMatchObject({
			userId: null,
			details: { email: 'nobody@example.org', reason: 'unknown_email' }
		});
		expect(
			await signIn(open.db, { email: 'sign@example.org', password: 'wrong passphrase', address: '203.0.113.2' })
		).toEqual({ kind: 'refused' });
		expect(await lastAudit('auth.sign_in_failed')).toMatchObject({
			userId: u.id,
			details: { reason: 'wrong_password' }
		});
		const admin = await make('deactivator@example.org', 'admin');
		await changeUser(
			open.db,
			{ id: admin.id, email: admin.email, name: admin.name, role: 'admin' },
			u.id,
			{ active: false },
			{ password: 'a long passphrase here', address: '203.0.113.3' }
		);
		expect(await lastAudit('user.deactivate')).toMatchObject({ userId: admin.id, entityId: String(u.id) });
		expect(
			await signIn(open.db, { email: 'sign@example.org', password: 'a long passphrase here', address: '203.0.113.2' })
		).toEqual({ kind: 'refused' });
		expect(await lastAudit('auth.sign_in_failed')).toMatchObject({ details: { reason: 'inactive' } });
	});

	it('parallel guesses beat the throttle: no more, 30 parallel wrong sign-ins from one address, at most 10 get past the limit', async () => {
		await make('parallel@example.org', 'editor');
		const noWait = async () => {};
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				signIn(
					open.db,
					{ email: 'parallel@example.org', password: `wrong ${i} guess`, address: '198.51.100.77' },
					new Date(),
					noWait
				)
			)
		);
		expect(results.filter((r) => r.kind === 'refused').length).toBeLessThanOrEqual(10);
		expect(results.filter((r) => r.kind === 'throttled').length).toBeGreaterThanOrEqual(20);
		const next = await signIn(
			open.db,
			{ email: 'parallel@example.org', password: 'a long passphrase here', address: '198.51.100.77' },
			new Date(),
			noWait
		);
		expect(next.kind).toBe('throttled');
		if (next.kind === 'throttled') expect(next.retryAfterSeconds).toBeGreaterThan(590);
	});

	it('anyone can lock anyone out: no more, the owner still gets in from a clean address, only more slowly', async () => {
		await make('target@example.org', 'admin');
		const waited: number[] = [];
		const wait = async (ms: number) => void waited.push(ms);
		for (let i = 0; i < 30; i++)
			expect(
				(
					await signIn(
						open.db,
						{ email: 'target@example.org', password: `wrong ${i} guess`, address: `198.51.100.${100 + i}` },
						new Date(),
						wait
					)
				).kind
			).toBe('refused');
		expect(Math.max(...waited)).toBeGreaterThan(0);
		waited.length = 0;
		const owner = await signIn(
			open.db,
			{ email: 'target@example.org', password: 'a long passphrase here', address: '203.0.113.250' },
			new Date(),
			wait
		);
		expect(owner.kind).toBe('signed-in');
		expect(waited).toHaveLength(1);
		expect(waited[0]).toBeGreaterThan(0);
	});

	it('a new sign-in from a browser that holds a valid session ends that old session', async () => {
		await make('twice@example.org', 'reviewer');
		const first = await signIn(open.db, {
			email: 'twice@example.org',
			password: 'a long passphrase here',
			address: '203.0.113.40'
		});
		if (first.kind !== 'signed-in') throw new Error('expected to sign in');
		const second = await signIn(open.db, {
			email: 'twice@example.org',
			password: 'a long passphrase here',
			address: '203.0.113.40',
			replacesSessionId: first.session.id
		});
		if (second.kind !== 'signed-in') throw new Error('expected to sign in');
		expect(await validateSessionToken(open.db, first.token)).toBeNull();
		expect((await validateSessionToken(open.db, second.token))?.user.email).toBe('twice@example.org');
	});

	it('changing one’s own password ends every session and starts a fresh one', async () => {
		const u = await make('change@example.org', 'editor');
		const a = await signIn(open.db, {
			email: 'change@example.org',
			password: 'a long passphrase here',
			address: '203.0.113.9'
		});
		if (a.kind !== 'signed-in') throw new Error('expected to sign in');
		expect(await changeOwnPassword(open.db, u.id, { current: 'wrong one!', next: 'a new passphrase' })).toMatchObject({
			ok: false,
			field: 'current'
		});
		expect(
			await changeOwnPassword(open.db, u.id, { current: 'a long passphrase here', next: 'iloveyou' })
		).toMatchObject({ ok: false, field: 'next' });
		const changed = await changeOwnPassword(open.db, u.id, {
			current: 'a long passphrase here',
			next: 'a new passphrase'
		});
		if (!changed.ok) throw new Error(changed.message);
		expect(await validateSessionToken(open.db, a.token)).toBeNull();
		expect((await validateSessionToken(open.db, changed.token))?.user.id).toBe(u.id);
		expect(await lastAudit('user.password_change')).toMatchObject({
			userId: u.id,
			entityId: String(u.id),
			details: { by: 'self' }
		});
		expect(
			(await signIn(open.db, { email: 'change@example.org', password: 'a new passphrase', address: '203.0.113.9' }))
				.kind
		).toBe('signed-in');
	});

	it('an admin’s role, active and password changes end the user’s sessions and are audited; not on oneself', async () => {
		const admin = await make('boss@example.org', 'admin');
		const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
		const u = await make('staff@example.org', 'reviewer');
		const login = async () => {
			const r = await signIn(open.db, {
				email: 'staff@example.org',
				password: 'a long passphrase here',
				address: '203.0.113.20'
			});
			if (r.kind !== 'signed-in') throw new Error('expected to sign in');
			return r.token;
		};
		const confirm = { password: 'a long passphrase here', address: '203.0.113.21' };
		let token = await login();
		expect(await changeUser(open.db, actor, u.id, { role: 'editor' }, confirm)).toEqual({ ok: true });
		expect(await validateSessionToken(open.db, token)).toBeNull();
		expect(await lastAudit('user.role_change')).toMatchObject({
			userId: admin.id,
			entityId: String(u.id),
			details: { from: 'reviewer', to: 'editor' }
		});

		token = await login();
		expect(await changeUser(open.db, actor, u.id, { name: 'Staff Member' })).toEqual({ ok: true });
		expect(await validateSessionToken(open.db, token)).not.toBeNull();
		expect(await lastAudit('user.update')).toMatchObject({ details: { to: 'Staff Member' } });

		expect(await changeUser(open.db, actor, u.id, { password: 'a fresh passphrase' }, confirm)).toEqual({ ok: true });
		expect(await validateSessionToken(open.db, token)).toBeNull();
		expect(await lastAudit('user.password_change')).toMatchObject({ userId: admin.id, details: { by: 'admin' } });

		expect(await changeUser(open.db, actor, admin.id, { role: 'reviewer' }, confirm)).toMatchObject({ ok: false });
		expect(await changeUser(open.db, actor, admin.id, { active: false }, confirm)).toMatchObject({ ok: false });
		expect(await changeUser(open.db, actor, 999_999, { role: 'editor' }, confirm)).toMatchObject({ ok: false });
		const [me] = await open.db.select().from(user).where(eq(user.id, admin.id));
		expect(me).toMatchObject({ role: 'admin', active: true });
		expect(
			await open.db
				.select()
				.from(session)
				.where(and(eq(session.userId, u.id)))
		).toHaveLength(0);
	});

	it('admins set their own password only on /account, and confirm role, password and active changes of others with theirs', async () => {
		const admin = await make('careful@example.org', 'admin');
		const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
		const u = await make('managed@example.org', 'reviewer');
		const right = { password: 'a long passphrase here', address: '203.0.113.60' };
		const wrong = { password: 'not my password', address: '203.0.113.60' };
		expect(await changeUser(open.db, actor, admin.id, { password: 'a self-set passphrase' }, right)).toMatchObject({
			ok: false,
			field: 'password'
		});
		for (const change of [{ role: 'editor' as const }, { active: false }, { password: 'another passphrase' }]) {
			expect(await changeUser(open.db, actor, u.id, change)).toMatchObject({ ok: false, field: 'adminPassword' });
			expect(await changeUser(open.db, actor, u.id, change, wrong)).toMatchObject({
				ok: false,
				field: 'adminPassword'
			});
		}
		const [unchanged] = await open.db.select().from(user).where(eq(user.id, u.id));
		expect(unchanged).toMatchObject({ role: 'reviewer', active: true });
		expect(
			(
				await signIn(open.db, {
					email: 'careful@example.org',
					password: 'a long passphrase here',
					address: '203.0.113.61'
				})
			).kind
		).toBe('signed-in');
		expect(await changeUser(open.db, actor, u.id, { role: 'editor' }, right)).toEqual({ ok: true });
	});

	it('the database refuses a role the app does not know (CHECK constraint on user.role)', async () => {
		await expect(
			open.db.insert(user).values({ email: 'root@example.org', name: 'Root', role: 'root' as never })
		).rejects.toThrow();
		expect(await getUserByEmail(open.db, 'root@example.org')).toBeUndefined();
	});
});
