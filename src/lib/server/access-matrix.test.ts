import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbConnection } from './db';
import { user, type Role } from './db/schema';
import { useTestDatabase } from './testing/database';
import {
	endpointModules,
	formBody,
	outcomeOf,
	pageServerModules,
	requestEvent,
	routeFile,
	type Outcome
} from './testing/route-event';
import { accessMatrix, matrixExempt, type MatrixRow } from './testing/access-matrix';
import { enforceRouteAccess, routeAccess } from './access';
import type { SessionUser } from './authorization';
import { testUser } from './testing/users';

const mutatingMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const rank = { public: 0, reviewer: 1, editor: 2, admin: 3 } as const;
const isMethod = (action: string) => (mutatingMethods as readonly string[]).includes(action);

const seeded = useTestDatabase({ app: true });
const people: Record<'public' | Role, SessionUser | null> = { public: null, reviewer: null, editor: null, admin: null };

beforeAll(async () => {
	for (const role of ['reviewer', 'editor', 'admin'] as const)
		people[role] = await testUser(seeded.db, role, `Matrix ${role}`);
});

/** One number per table: its row count and an order-independent hash of every row's text. */
async function fingerprint(db: DbConnection): Promise<Record<string, string>> {
	const rows = rowsOf<{ tablename: string }>(
		await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)
	);
	const out: Record<string, string> = {};
	for (const { tablename } of rows) {
		const r = await db.execute(
			sql.raw(
				`select count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text as f from "${tablename}" t`
			)
		);
		out[tablename] = rowsOf<{ f: string }>(r)[0].f;
	}
	return out;
}

let counter = 0;

/** Runs one row as one role through the route's real action or handler (the hook is checked separately). */
async function attempt(row: MatrixRow, who: SessionUser | null) {
	const sample = await row.sample({ db: seeded.db, user: who, n: ++counter });
	const endpoint = isMethod(row.action);
	const file = routeFile(row.route, endpoint ? '+server.ts' : '+page.server.ts');
	const load = (endpoint ? endpointModules : pageServerModules)[file];
	if (!load) throw new Error(`${file} does not exist (matrix row ${row.route} ${row.action})`);
	const mod = await load();
	const body = sample.json !== undefined ? JSON.stringify(sample.json) : formBody(sample.form ?? {});
	const headers: Record<string, string> = sample.json !== undefined ? { 'content-type': 'application/json' } : {};
	const search =
		endpoint || row.action === 'default'
			? (sample.search ?? '')
			: `?/${row.action}${sample.search ? '&' + sample.search.slice(1) : ''}`;
	const event = requestEvent({
		routeId: row.route,
		params: sample.params,
		user: who,
		method: endpoint ? row.action : 'POST',
		search,
		body,
		headers
	});
	const handler = endpoint ? mod[row.action] : (mod.actions as Record<string, unknown> | undefined)?.[row.action];
	if (typeof handler !== 'function')
		throw new Error(`${file} has no ${endpoint ? row.action + ' handler' : `action “${row.action}”`}`);
	const before = await fingerprint(seeded.db);
	const outcome = await outcomeOf(() => handler(event));
	return { outcome, before, event };
}

function refused(outcome: Outcome, who: SessionUser | null): boolean {
	if (!who)
		return (
			(outcome.kind === 'error' && outcome.status === 401) ||
			(outcome.kind === 'redirect' && outcome.location.startsWith('/login'))
		);
	return outcome.kind === 'error' && outcome.status === 403;
}

function hookRefuses(row: MatrixRow, event: Parameters<typeof enforceRouteAccess>[0]): boolean {
	try {
		enforceRouteAccess(event);
		return false;
	} catch {
		return true;
	}
}

describe('the authorization matrix', () => {
	it('notices any change to the database', async () => {
		const before = await fingerprint(seeded.db);
		await seeded.db.update(user).set({ name: 'changed' }).where(eq(user.id, people.reviewer!.id));
		const after = await fingerprint(seeded.db);
		expect(after.user).not.toBe(before.user);
		// The data version counts write statements, so even a write that changes nothing shows.
		expect(after.data_version).not.toBe(before.data_version);
		expect({ ...after, user: before.user, data_version: before.data_version }).toEqual(before);
		await seeded.db.update(user).set({ name: 'Matrix reviewer' }).where(eq(user.id, people.reviewer!.id));
		expect({ ...(await fingerprint(seeded.db)), data_version: before.data_version }).toEqual(before);
	});

	it('has a row for every form action and mutating endpoint', async () => {
		const listed = new Set(accessMatrix.map((r) => `${r.route} ${r.action}`));
		const missing: string[] = [];
		for (const [file, load] of Object.entries(pageServerModules)) {
			const route = file.slice('/src/routes'.length, -'/+page.server.ts'.length) || '/';
			for (const name of Object.keys(((await load()).actions as object | undefined) ?? {}))
				if (!listed.has(`${route} ${name}`) && !matrixExempt[`${route} ${name}`]) missing.push(`${route} ${name}`);
		}
		for (const [file, load] of Object.entries(endpointModules)) {
			const route = file.slice('/src/routes'.length, -'/+server.ts'.length) || '/';
			const mod = await load();
			for (const method of mutatingMethods)
				if (mod[method] && !listed.has(`${route} ${method}`) && !matrixExempt[`${route} ${method}`])
					missing.push(`${route} ${method}`);
		}
		expect(
			missing,
			`add rows for these to accessMatrix in src/lib/server/testing/access-matrix.ts: ${missing.join(', ')}`
		).toEqual([]);
	});

	for (const row of accessMatrix) {
		it(`${row.route} ${row.action}: refused below ${row.minimum} with the database unchanged, allowed from ${row.minimum} up`, async () => {
			expect(routeAccess[row.route], `${row.route} is not in routeAccess`).toBeDefined();
			for (const role of ['public', 'reviewer', 'editor', 'admin'] as const) {
				const who = people[role];
				const { outcome, before, event } = await attempt(row, who);
				const label = `${row.route} ${row.action} as ${role}: ${JSON.stringify(outcome)}`;
				if (rank[role] < rank[row.minimum]) {
					expect(refused(outcome, who), label).toBe(true);
					expect(await fingerprint(seeded.db), `${label} changed the database`).toEqual(before);
				} else {
					expect(refused(outcome, who), label).toBe(false);
					if ((row.expect ?? 'success') === 'success')
						expect(
							outcome.kind === 'ok' || (outcome.kind === 'redirect' && !outcome.location.startsWith('/login')),
							label
						).toBe(true);
					// The hook's coarse table must not refuse what the action allows.
					expect(hookRefuses(row, event), `routeAccess refuses ${label}`).toBe(false);
				}
			}
		});
	}
});
