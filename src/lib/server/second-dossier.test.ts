import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setAppDatabase, type OpenDatabase } from './db';
import { amendment, auditLog, procedureEvent, user } from './db/schema';
import { testDatabase } from './testing/database';
import { endpointModules, formBody, layoutServerModules, outcomeOf, pageServerModules, requestEvent, routeFile, type Outcome } from './testing/route-event';
import { routeAccess } from './access';
import { publicParamSamples } from './access-matrix';
import { createDossier, dossierForm, getDossier, readDossierForm, type DossierInput } from './dossiers';
import type { SessionUser } from './authorization';

let open: OpenDatabase;
let admin: SessionUser;
const SLUG = 'empty-dossier';
const input: DossierInput = {
	title: 'Regulation on something not yet proposed',
	shortTitle: 'Empty',
	procedureRef: '2030/0001(COD)',
	summary: 'A dossier with no stages, texts, amendments, positions or scores yet.',
	slug: SLUG
};

beforeAll(async () => {
	open = await testDatabase();
	setAppDatabase(open);
	const [row] = await open.db.insert(user).values({ email: 'second-dossier-admin@example.org', name: 'Admin', role: 'admin' }).returning();
	admin = { id: row.id, email: row.email, name: row.name, role: 'admin' };
});
afterAll(async () => {
	setAppDatabase(undefined);
	await open?.close();
});

describe('createDossier', () => {
	it('opens an empty dossier, audited', async () => {
		const result = await createDossier(open.db, input, admin.id);
		expect(result.ok).toBe(true);
		const dossier = (await getDossier(open.db, SLUG))!;
		expect(dossier).toMatchObject({ shortTitle: 'Empty', procedureRef: '2030/0001(COD)', sources: [] });
		const [entry] = await open.db.select().from(auditLog).where(eq(auditLog.action, 'dossier.create'));
		expect(entry).toMatchObject({ userId: admin.id, entityType: 'dossier', entityId: String(dossier.id) });
		expect(await open.db.select().from(procedureEvent).where(eq(procedureEvent.dossierId, dossier.id))).toEqual([]);
	});

	it('refuses a taken address or procedure, naming the field', async () => {
		expect(await createDossier(open.db, input, admin.id)).toMatchObject({ ok: false, field: 'slug' });
		expect(await createDossier(open.db, { ...input, slug: 'another-one', procedureRef: '2021/0106(COD)' }, admin.id)).toMatchObject({ ok: false, field: 'procedureRef' });
	});

	it('validates the form: procedure reference, address, required fields', async () => {
		const bad = dossierForm.safeParse({ ...input, procedureRef: '2021/106(COD)', slug: 'Not A Slug', title: ' ' });
		expect(Object.keys(bad.error!.flatten().fieldErrors).sort()).toEqual(['procedureRef', 'slug', 'title']);
		expect(dossierForm.safeParse({ ...input, procedureRef: '2023/0212(CNS)' }).success).toBe(true);
		const request = new Request('http://localhost/admin/dossiers', { method: 'POST', body: formBody({ title: 'x' }) });
		const read = await readDossierForm(request);
		expect(read.ok).toBe(false);
	});
});

/** Runs a route's layouts from the root down and its page load, as SvelteKit would, or its GET handler. */
async function load(routeId: string, params: Record<string, string>, who: SessionUser | null): Promise<Outcome> {
	const pageLoad = pageServerModules[routeFile(routeId, '+page.server.ts')];
	if (!pageLoad) {
		const get = (await endpointModules[routeFile(routeId, '+server.ts')]?.())?.GET as ((e: unknown) => unknown) | undefined;
		if (!get) throw new Error(`${routeId} has neither a page load nor a GET handler`);
		return outcomeOf(() => get(requestEvent({ routeId, params, user: who })));
	}
	const segments = routeId === '/' ? [''] : routeId.split('/');
	const chain = segments.map((_, i) => layoutServerModules[routeFile(segments.slice(0, i + 1).join('/') || '/', '+layout.server.ts')]).filter(Boolean);
	let data: Record<string, unknown> = {};
	let last: Outcome = { kind: 'ok', status: 200 };
	for (const module of [...chain, pageLoad]) {
		const fn = (await module()).load as ((e: unknown) => unknown) | undefined;
		if (!fn) continue;
		const parentData = data;
		const event = { ...requestEvent({ routeId, params, user: who }), parent: async () => parentData, depends: () => {}, untrack: <T>(f: () => T) => f() };
		last = await outcomeOf(() => fn(event));
		if (last.kind !== 'ok') return last;
		data = { ...data, ...(last.body as object) };
	}
	return { kind: 'ok', status: 200, body: data };
}

describe('a second, empty dossier', () => {
	const routes = Object.keys(routeAccess).filter((id) => id.startsWith('/dossiers/[slug]') || id.startsWith('/api/dossiers/[slug]'));
	/** Routes that name a record (a provision, an amendment, a stage, an actor) may answer 404: it is not in this dossier. */
	const namesRecord = (id: string) => /\[(eid|id|country|actor)\]/.test(id);

	for (const routeId of routes) {
		it(`${routeId} loads for the public and an admin without a server error`, async () => {
			const names = [...routeId.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]).filter((n) => n !== 'slug');
			const params = { slug: SLUG, ...Object.fromEntries(names.map((n) => [n, publicParamSamples[n]])) };
			for (const who of [null, admin]) {
				const rule = routeAccess[routeId];
				if (!who && rule.read !== 'public') continue;
				const outcome = await load(routeId, params, who);
				const label = `${routeId} as ${who?.role ?? 'public'}: ${JSON.stringify(outcome).slice(0, 300)}`;
				const allowed404 = namesRecord(routeId) || routeId.startsWith('/dossiers/[slug]/compare/');
				expect(outcome.kind === 'ok' || (allowed404 && outcome.kind === 'error' && outcome.status === 404), label).toBe(true);
			}
		});
	}

	it('does not show another dossier’s records under its address', async () => {
		const [first] = await open.db.select({ id: amendment.id }).from(amendment).limit(1);
		const outcome = await load('/dossiers/[slug]/amendments/[id]', { slug: SLUG, id: String(first.id) }, admin);
		expect(outcome).toMatchObject({ kind: 'error', status: 404 });
	});

	it('the header follows the dossier being read, and the first dossier elsewhere', async () => {
		const body = (outcome: Outcome) => (outcome.kind === 'ok' ? (outcome.body as { defaultDossier: { slug: string }; dossier?: { slug: string } }) : null);
		expect(body(await load('/', {}, null))?.defaultDossier.slug).toBe('ai-act');
		expect(body(await load('/dossiers/[slug]/timeline', { slug: SLUG }, null))?.dossier?.slug).toBe(SLUG);
	});

	it('the admin form opens it and sends the admin to its page', async () => {
		const action = ((await pageServerModules[routeFile('/admin/dossiers', '+page.server.ts')]()).actions as Record<string, (e: unknown) => unknown>).default;
		const post = (fields: Record<string, string>) =>
			outcomeOf(() => action(requestEvent({ routeId: '/admin/dossiers', user: admin, method: 'POST', body: formBody(fields) })));
		expect(await post({ ...input, slug: 'from-the-form', procedureRef: '2030/0002(COD)' })).toEqual({ kind: 'redirect', status: 303, location: '/dossiers/from-the-form' });
		const refused = await post({ ...input, slug: 'Bad Slug' });
		expect(refused).toMatchObject({ kind: 'fail', status: 400, data: { values: { slug: 'Bad Slug' } } });
	});
});
