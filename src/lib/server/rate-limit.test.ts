import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './db';
import { testDatabase } from './testing/database';
import { loginThrottle, recordLoginAttempt } from './rate-limit';

let open: OpenDatabase;
beforeAll(async () => {
	open = await testDatabase();
});
afterAll(() => open?.close());

const minute = 60 * 1000;

describe('sign-in throttling', () => {
	it('limits an account after 10 failures in 10 minutes, from any address, until the oldest ages out', async () => {
		const t0 = new Date('2030-05-01T10:00:00Z').getTime();
		for (let i = 0; i < 9; i++) await recordLoginAttempt(open.db, { email: 'victim@example.org', address: `10.0.0.${i}`, success: false }, new Date(t0 + i * minute));
		const key = { email: 'victim@example.org', address: '10.9.9.9' };
		expect((await loginThrottle(open.db, key, new Date(t0 + 9 * minute))).limited).toBe(false);
		await recordLoginAttempt(open.db, { email: 'victim@example.org', address: '10.0.0.99', success: true }, new Date(t0 + 9 * minute));
		await recordLoginAttempt(open.db, { ...key, success: false }, new Date(t0 + 9 * minute));
		const limited = await loginThrottle(open.db, key, new Date(t0 + 9.5 * minute));
		expect(limited).toEqual({ limited: true, retryAfterSeconds: 30 });
		// Another account from another address is not affected.
		expect((await loginThrottle(open.db, { email: 'other@example.org', address: '10.8.8.8' }, new Date(t0 + 9.5 * minute))).limited).toBe(false);
		expect((await loginThrottle(open.db, key, new Date(t0 + 10 * minute))).limited).toBe(false);
	});

	it('limits an address after 10 failures across accounts', async () => {
		const t0 = new Date('2030-06-01T10:00:00Z').getTime();
		for (let i = 0; i < 10; i++) await recordLoginAttempt(open.db, { email: `guess${i}@example.org`, address: '192.0.2.7', success: false }, new Date(t0 + i * 1000));
		const result = await loginThrottle(open.db, { email: 'fresh@example.org', address: '192.0.2.7' }, new Date(t0 + 60 * 1000));
		expect(result.limited).toBe(true);
		expect(result.retryAfterSeconds).toBe(9 * 60);
		expect((await loginThrottle(open.db, { email: 'fresh@example.org', address: '192.0.2.8' }, new Date(t0 + 60 * 1000))).limited).toBe(false);
	});
});
