import { beforeAll, describe, expect, it } from 'vitest';
import { user } from './db/schema';
import { useTestDatabase } from './testing/database';
import { pageServerModules, requestEvent } from './testing/route-event';
import type { SessionUser } from './authorization';

const seeded = useTestDatabase({ app: true });
let admin: SessionUser;

beforeAll(async () => {
	const [row] = await seeded.db
		.insert(user)
		.values({ email: 'saved-admin@example.org', name: 'Saved', role: 'admin' })
		.returning();
	admin = { id: row.id, email: row.email, name: row.name, role: 'admin' };
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
