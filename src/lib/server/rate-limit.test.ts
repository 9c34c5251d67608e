import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './db';
import { testDatabase } from './testing/database';
import { accountDelayMs, accountMaxDelayMs, admitLoginAttempt, markAttemptSucceeded } from './rate-limit';

let open: OpenDatabase;
beforeAll(async () => {
	open = await testDatabase();
});
afterAll(() => open?.close());

const minute = 60 * 1000;

describe('sign-in throttling', () => {
	it('limits an address after 10 failures across accounts, until the oldest ages out', async () => {
		const t0 = new Date('2030-06-01T10:00:00Z').getTime();
		for (let i = 0; i < 10; i++)
			expect(
				(
					await admitLoginAttempt(
						open.db,
						{ email: `guess${i}@example.org`, address: '192.0.2.7' },
						new Date(t0 + i * 1000)
					)
				).admitted
			).toBe(true);
		const result = await admitLoginAttempt(
			open.db,
			{ email: 'fresh@example.org', address: '192.0.2.7' },
			new Date(t0 + 60 * 1000)
		);
		expect(result).toEqual({ admitted: false, retryAfterSeconds: 9 * 60 });
		expect(
			(await admitLoginAttempt(open.db, { email: 'fresh@example.org', address: '192.0.2.8' }, new Date(t0 + 60 * 1000)))
				.admitted
		).toBe(true);
		expect(
			(
				await admitLoginAttempt(
					open.db,
					{ email: 'fresh@example.org', address: '192.0.2.7' },
					new Date(t0 + 10 * minute)
				)
			).admitted
		).toBe(true);
	});

	it('a success does not count against the address', async () => {
		const t0 = new Date('2030-07-01T10:00:00Z').getTime();
		for (let i = 0; i < 10; i++) {
			const a = await admitLoginAttempt(
				open.db,
				{ email: 'mine@example.org', address: '192.0.2.30' },
				new Date(t0 + i * 1000)
			);
			if (!a.admitted) throw new Error('expected to be admitted');
			await markAttemptSucceeded(open.db, a.attemptId);
		}
		expect(
			(await admitLoginAttempt(open.db, { email: 'mine@example.org', address: '192.0.2.30' }, new Date(t0 + 20_000)))
				.admitted
		).toBe(true);
	});

	it('parallel guesses beat the throttle: no more, 30 at once from one address admit at most 10', async () => {
		const at = new Date('2030-08-01T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				admitLoginAttempt(open.db, { email: `parallel${i % 3}@example.org`, address: '192.0.2.50' }, at)
			)
		);
		expect(results.filter((r) => r.admitted)).toHaveLength(10);
		expect(results.filter((r) => !r.admitted)).toHaveLength(20);
	});

	it('anyone can lock anyone out: no more, an account with many failures is slowed down, never shut', async () => {
		const t0 = new Date('2030-09-01T10:00:00Z').getTime();
		const delays: number[] = [];
		for (let i = 0; i < 40; i++) {
			const a = await admitLoginAttempt(
				open.db,
				{ email: 'victim@example.org', address: `198.51.100.${i}` },
				new Date(t0 + i * 1000)
			);
			if (!a.admitted) throw new Error(`attempt ${i} from a fresh address was refused`);
			delays.push(a.delayMs);
		}
		expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
		expect(delays.slice(4, 9)).toEqual([250, 500, 1000, 2000, 4000]);
		expect(Math.max(...delays)).toBe(accountMaxDelayMs);
		for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
		expect(accountDelayMs(1_000_000)).toBe(accountMaxDelayMs);
	});
});
