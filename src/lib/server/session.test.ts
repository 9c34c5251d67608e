import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { OpenDatabase } from './db';
import { session, user } from './db/schema';
import { testDatabase } from './testing/database';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionCookieName,
	sessionIdFromToken,
	setSessionTokenCookie,
	validateSessionToken
} from './session';
import type { Cookies } from '@sveltejs/kit';
import type { SessionUser } from './authorization';
import { testUser } from './testing/users';

const day = 24 * 60 * 60 * 1000;
let open: OpenDatabase;
let userId: number;
let editor: SessionUser;

beforeAll(async () => {
	open = await testDatabase();
	editor = await testUser(open.db, 'editor', 'S');
	userId = editor.id;
});
afterAll(() => open?.close());

describe('sessions', () => {
	it('stores only the SHA-256 of a token of at least 120 bits', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 20 bytes = 160 bits in base32
		expect(generateSessionToken()).not.toBe(token);
		const created = await createSession(open.db, token, userId);
		expect(created.id).toBe(sessionIdFromToken(token));
		expect(created.id).toMatch(/^[0-9a-f]{64}$/);
		expect(created.id).not.toContain(token);
		const valid = await validateSessionToken(open.db, token);
		expect(valid?.user).toEqual(editor);
		expect(valid?.renewed).toBe(false);
		expect(await validateSessionToken(open.db, generateSessionToken())).toBeNull();
	});

	it('slides: renewed for 30 days when used in its last 15, ended after 30 days unused', async () => {
		const start = new Date('2030-01-01T00:00:00Z');
		const token = generateSessionToken();
		await createSession(open.db, token, userId, start);
		const early = await validateSessionToken(open.db, token, new Date(start.getTime() + 10 * day));
		expect(early?.renewed).toBe(false);
		expect(early?.session.expiresAt.getTime()).toBe(start.getTime() + 30 * day);
		const late = new Date(start.getTime() + 20 * day);
		const renewed = await validateSessionToken(open.db, token, late);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(late.getTime() + 30 * day);
		expect(await validateSessionToken(open.db, token, new Date(late.getTime() + 30 * day))).toBeNull();
		expect(
			await open.db
				.select()
				.from(session)
				.where(eq(session.id, sessionIdFromToken(token)))
		).toHaveLength(0);
	});

	it('ends 90 days after sign-in however often it is used', async () => {
		const start = new Date('2031-01-01T00:00:00Z');
		const token = generateSessionToken();
		await createSession(open.db, token, userId, start);
		for (let d = 20; d < 90; d += 20)
			expect(await validateSessionToken(open.db, token, new Date(start.getTime() + d * day))).not.toBeNull();
		const nearEnd = await validateSessionToken(open.db, token, new Date(start.getTime() + 89 * day));
		expect(nearEnd?.session.expiresAt.getTime()).toBe(start.getTime() + 90 * day);
		expect(await validateSessionToken(open.db, token, new Date(start.getTime() + 90 * day))).toBeNull();
	});

	it('ends with sign-out, with all of a user’s sessions, and when the user is deactivated', async () => {
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		for (const t of [a, b, c]) await createSession(open.db, t, userId);
		await invalidateSession(open.db, sessionIdFromToken(a));
		expect(await validateSessionToken(open.db, a)).toBeNull();
		expect(await validateSessionToken(open.db, b)).not.toBeNull();
		await invalidateUserSessions(open.db, userId);
		expect(await validateSessionToken(open.db, b)).toBeNull();
		expect(await validateSessionToken(open.db, c)).toBeNull();

		const d = generateSessionToken();
		await createSession(open.db, d, userId);
		await open.db.update(user).set({ active: false }).where(eq(user.id, userId));
		expect(await validateSessionToken(open.db, d)).toBeNull();
		await open.db.update(user).set({ active: true }).where(eq(user.id, userId));
	});

	it('the cookie is __Host- prefixed and Secure when served over https, plain session over http', () => {
		const set: { name: string; options: Record<string, unknown> }[] = [];
		const cookies = {
			set: (name: string, _value: string, options: Record<string, unknown>) => set.push({ name, options })
		} as unknown as Cookies;
		setSessionTokenCookie(
			{ cookies, url: new URL('https://trilogue.example.org/login') },
			'token',
			new Date(Date.now() + day)
		);
		setSessionTokenCookie(
			{ cookies, url: new URL('http://localhost:5173/login') },
			'token',
			new Date(Date.now() + day)
		);
		expect(set[0]).toMatchObject({
			name: '__Host-session',
			options: { secure: true, path: '/', httpOnly: true, sameSite: 'lax' }
		});
		expect(set[0].options.domain).toBeUndefined();
		expect(set[1]).toMatchObject({ name: 'session', options: { secure: false } });
		expect(sessionCookieName(new URL('https://trilogue.example.org/'))).toBe('__Host-session');
	});
});
