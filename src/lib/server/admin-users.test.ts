import { beforeAll, describe, expect, it } from 'vitest';
import {} from './db/schema';
import { useTestDatabase } from './testing/database';
import { pageServerModules, requestEvent } from './testing/route-event';
import type { SessionUser } from './authorization';
import { testUser } from './testing/users';

const seeded = useTestDatabase({ app: true });
let admin: SessionUser;

beforeAll(async () => {
	admin = await testUser(seeded.db, 'admin', 'Saved');
});

describe('/admin/users', () => {
	it('/admin/users?saved=constructor answers the page, not a 500: a prototype key is no message key', async () => {
		const mod = await pageServerModules['/src/routes/admin/users/+page.server.ts']();
		const load = mod.load as (event: unknown) => Promise<{ saved: string | null }>;
		for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
			expect(
				(await load(requestEvent({ routeId: '/admin/users', user: admin, search: `?saved=${key}` }))).saved,
				key
			).toBeNull();
		expect((await load(requestEvent({ routeId: '/admin/users', user: admin, search: '?saved=created' }))).saved).toBe(
			'The account was created.'
		);
	});
});
