import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { amendment, auditLog, document, procedureEvent, provision, provisionLink, textVersion } from './db/schema';
import { importTextDocument } from './texts/import';
import { compareProvision, listTextDocuments } from './compare';
import { councilFileBytes } from '$lib/server/testing/council-files';
import { useTestDatabase } from './testing/database';
import {
	endpointModules,
	formBody,
	loadPage,
	outcomeOf,
	pageServerModules,
	requestEvent,
	routeFile,
	type Outcome
} from './testing/route-event';
import { routeAccess } from './access';
import { publicParamSamples } from './testing/access-matrix';
import { createDossier, dossierForm, getDossier, readDossierForm, type DossierInput } from './dossiers';
import type { SessionUser } from './authorization';
import { testUser } from './testing/users';

const seeded = useTestDatabase({ app: true });
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
	admin = await testUser(seeded.db, 'admin', 'Admin');
});

describe('createDossier', () => {
	it('opens an empty dossier, audited', async () => {
		const result = await createDossier(seeded.db, input, admin.id);
		expect(result.ok).toBe(true);
		const dossier = (await getDossier(seeded.db, SLUG))!;
		expect(dossier).toMatchObject({ shortTitle: 'Empty', procedureRef: '2030/0001(COD)', sources: [] });
		const [entry] = await seeded.db.select().from(auditLog).where(eq(auditLog.action, 'dossier.create'));
		expect(entry).toMatchObject({ userId: admin.id, entityType: 'dossier', entityId: String(dossier.id) });
		expect(await seeded.db.select().from(procedureEvent).where(eq(procedureEvent.dossierId, dossier.id))).toEqual([]);
	});

	it('refuses a taken address or procedure, naming the field', async () => {
		expect(await createDossier(seeded.db, input, admin.id)).toMatchObject({ ok: false, field: 'slug' });
		expect(
			await createDossier(seeded.db, { ...input, slug: 'another-one', procedureRef: '2021/0106(COD)' }, admin.id)
		).toMatchObject({ ok: false, field: 'procedureRef' });
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

/** Runs a route's layouts and page load, as SvelteKit would, or its GET handler. */
async function load(routeId: string, params: Record<string, string>, who: SessionUser | null): Promise<Outcome> {
	if (pageServerModules[routeFile(routeId, '+page.server.ts')]) return loadPage({ routeId, params, user: who });
	const get = (await endpointModules[routeFile(routeId, '+server.ts')]?.())?.GET as
		((e: unknown) => unknown) | undefined;
	if (!get) throw new Error(`${routeId} has neither a page load nor a GET handler`);
	return outcomeOf(() => get(requestEvent({ routeId, params, user: who })));
}

const dossierRoutes = Object.keys(routeAccess).filter(
	(id) => id.startsWith('/dossiers/[slug]') || id.startsWith('/api/dossiers/[slug]')
);

/**
 * Loads every page and GET endpoint of the dossier at `slug` for the public and an admin. Routes that name a
 * record (a provision, an amendment, a stage, an actor) may answer 404 where `allow404` says so: it is not in
 * this dossier.
 */
function everyRouteLoads(slug: string, allow404: (routeId: string) => boolean) {
	for (const routeId of dossierRoutes) {
		it(`${routeId} loads for the public and an admin without a server error`, async () => {
			const names = [...routeId.matchAll(/\[([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]).filter((n) => n !== 'slug');
			const params = { slug, ...Object.fromEntries(names.map((n) => [n, publicParamSamples[n]])) };
			for (const who of [null, admin]) {
				const rule = routeAccess[routeId];
				if (!who && rule.read !== 'public') continue;
				const outcome = await load(routeId, params, who);
				const label = `${routeId} as ${who?.role ?? 'public'}: ${JSON.stringify(outcome).slice(0, 300)}`;
				expect(
					outcome.kind === 'ok' || (allow404(routeId) && outcome.kind === 'error' && outcome.status === 404),
					label
				).toBe(true);
			}
		});
	}
}

describe('a second, empty dossier', () => {
	everyRouteLoads(
		SLUG,
		(id) => /\[(eid|id|country|actor)(=\w+)?\]/.test(id) || id.startsWith('/dossiers/[slug]/compare/')
	);

	it('does not show another dossier’s records under its address', async () => {
		const [first] = await seeded.db.select({ id: amendment.id }).from(amendment).limit(1);
		const outcome = await load('/dossiers/[slug]/amendments/[id=id]', { slug: SLUG, id: String(first.id) }, admin);
		expect(outcome).toMatchObject({ kind: 'error', status: 404 });
	});

	it('the header follows the dossier being read, and elsewhere picks none of the two', async () => {
		const body = (outcome: Outcome) =>
			outcome.kind === 'ok'
				? (outcome.body as { onlyDossier: { slug: string } | null; dossier?: { slug: string } })
				: null;
		expect(body(await load('/', {}, null))?.onlyDossier).toBeNull();
		expect(body(await load('/dossiers/[slug]/timeline', { slug: SLUG }, null))?.dossier?.slug).toBe(SLUG);
	});

	it('the admin form opens it and sends the admin to its page', async () => {
		const action = (
			(await pageServerModules[routeFile('/admin/dossiers', '+page.server.ts')]()).actions as Record<
				string,
				(e: unknown) => unknown
			>
		).default;
		const post = (fields: Record<string, string>) =>
			outcomeOf(() =>
				action(requestEvent({ routeId: '/admin/dossiers', user: admin, method: 'POST', body: formBody(fields) }))
			);
		expect(await post({ ...input, slug: 'from-the-form', procedureRef: '2030/0002(COD)' })).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/dossiers/from-the-form'
		});
		const refused = await post({ ...input, slug: 'Bad Slug' });
		expect(refused).toMatchObject({ kind: 'fail', status: 400, data: { values: { slug: 'Bad Slug' } } });
	});
});

/** What /following and /review/positions/new load, as far as the dossier goes. */
type FollowingData = { dossier: { slug: string } | null; dossiers: { slug: string }[]; topics: unknown[] };

describe('the pages outside a dossier, with two dossiers', () => {
	const following = async () =>
		(await pageServerModules[routeFile('/following', '+page.server.ts')]()) as {
			actions: Record<string, (e: unknown) => unknown>;
		};
	const view = async (search: string) => {
		const outcome = await loadPage({ routeId: '/following', user: admin, search });
		return outcome.kind === 'ok' ? (outcome.body as FollowingData) : null;
	};

	it('asks which dossier to follow things in when none is named, instead of taking the first', async () => {
		const none = await view('');
		expect(none).toMatchObject({ dossier: null, topics: [] });
		expect(none?.dossiers.map((d) => d.slug)).toEqual(expect.arrayContaining(['ai-act', SLUG]));
		expect((await view(`?dossier=${SLUG}`))?.dossier?.slug).toBe(SLUG);
		expect((await view('?dossier=ai-act'))?.topics.length).toBeGreaterThan(0);
	});

	it('drafting a position asks which dossier when none is named', async () => {
		const draft = async (search: string) => {
			const outcome = await loadPage({ routeId: '/review/positions/new', user: admin, search });
			return outcome.kind === 'ok' ? (outcome.body as FollowingData) : null;
		};
		const none = await draft('');
		expect(none?.dossier).toBeNull();
		expect(none?.dossiers.map((d) => d.slug)).toEqual(expect.arrayContaining(['ai-act', SLUG]));
		expect((await draft(`?dossier=${SLUG}`))?.dossier?.slug).toBe(SLUG);
	});

	it('following something sends the user back to the dossier it was followed in', async () => {
		const body = formBody({ dossier: SLUG, type: 'country', key: 'DE' });
		const outcome = await outcomeOf(async () =>
			(await following()).actions.follow(requestEvent({ routeId: '/following', user: admin, method: 'POST', body }))
		);
		expect(outcome).toEqual({ kind: 'redirect', status: 303, location: `/following?dossier=${SLUG}` });
	});
});

describe('a second dossier whose only text is a Council compromise text (no proposal, stages, amendments or positions)', () => {
	const slug = 'worded-dossier';
	const procedure = '2030/0003(COD)';
	let dossierId: number;
	beforeAll(async () => {
		const created = await createDossier(
			seeded.db,
			{ ...input, slug, procedureRef: procedure, shortTitle: 'Worded' },
			admin.id
		);
		expect(created.ok).toBe(true);
		dossierId = (await getDossier(seeded.db, slug))!.id;
	});

	it('imports a real Word file rewritten to its procedure: no lineage to a missing proposal, and the text keeps its order', async () => {
		const file = '2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx';
		const bytes = withProcedure(councilFileBytes(file), '2021/0106(COD)', procedure);
		const options = { userId: admin.id, fileName: file, procedure };
		expect(
			await importTextDocument(seeded.db, dossierId, councilFileBytes(file), { ...options, dryRun: true })
		).toMatchObject({ ok: false, error: expect.stringContaining('belongs to procedure 2021/0106(COD)') });
		const dry = await importTextDocument(seeded.db, dossierId, bytes, { ...options, dryRun: true });
		expect(dry).toMatchObject({
			ok: true,
			applied: false,
			plan: { document: { id: null, key: 'council-st-14278-21', previous: null } }
		});
		const done = await importTextDocument(seeded.db, dossierId, bytes, { ...options, dryRun: false });
		expect(done.ok && done.applied).toBe(true);
		const [doc] = await seeded.db.select().from(document).where(eq(document.dossierId, dossierId));
		expect(doc).toMatchObject({ key: 'council-st-14278-21', kind: 'council_text', previousId: null });
		const links = await seeded.db
			.select({ id: provisionLink.id })
			.from(provisionLink)
			.innerJoin(textVersion, eq(textVersion.id, provisionLink.toVersionId))
			.where(eq(textVersion.documentId, doc.id));
		expect(links).toEqual([]);

		// Provisions new to an empty dossier follow the document: Article 2 after Article 1's parts, Article 10 after Article 9.
		const order = (
			await seeded.db
				.select({ eid: provision.eid })
				.from(provision)
				.where(eq(provision.dossierId, dossierId))
				.orderBy(asc(provision.sortKey))
		).map((p) => p.eid);
		const articles = order.filter((e) => /^art_\d+$/.test(e)).map((e) => Number(e.slice(4)));
		expect(articles.length).toBeGreaterThan(10);
		expect(articles).toEqual([...articles].sort((a, b) => a - b));
		expect(order.indexOf('art_1__para_1')).toBeLessThan(order.indexOf('art_2'));

		const again = await importTextDocument(seeded.db, dossierId, bytes, { ...options, dryRun: true });
		expect(again).toMatchObject({
			ok: true,
			plan: { document: { id: doc.id }, provisions: [], versions: { created: 0, updated: [] } }
		});
	});

	it('links a later Council text to the earlier one, there being no proposal, so compare follows its provisions', async () => {
		const file = '2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx';
		const done = await importTextDocument(
			seeded.db,
			dossierId,
			withProcedure(councilFileBytes(file), '2021/0106(COD)', procedure),
			{ userId: admin.id, fileName: file, procedure, dryRun: false }
		);
		expect(done.ok && done.applied).toBe(true);
		const texts = await listTextDocuments(seeded.db, dossierId);
		expect(texts.map((d) => d.date)).toEqual(['2021-11-29', '2022-06-15']);
		const compared = await compareProvision(seeded.db, dossierId, {
			eid: 'art_5__para_1__point_d',
			fromDocumentId: texts[0].id,
			toDocumentId: texts[1].id
		});
		expect(compared?.to?.eid).toBe('art_5__para_1__point_d');
		expect(compared?.path.length).toBeGreaterThan(0);
	});

	everyRouteLoads(slug, (id) => /\[(id|country|actor)(=\w+)?\]/.test(id));
});

/** A Word file with every mention of one procedure in its body replaced by another. */
function withProcedure(bytes: Uint8Array, from: string, to: string): Uint8Array {
	const parts = unzipSync(bytes);
	parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replaceAll(from, to));
	return zipSync(parts);
}
