import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { setAppDatabase, type OpenDatabase } from './db';
import { actor, amendment, assessment, comment, dossier, position, procedureEvent } from './db/schema';
import { testDatabase } from './testing/database';
import {
	endpointModules,
	loadPage,
	outcomeOf,
	pageServerModules,
	requestEvent,
	routeFile
} from './testing/route-event';
import { routeAccess } from './access';
import { publicParamSamples } from './testing/access-matrix';
import { latestEvents, procedureStatus, timeline } from './dossiers';

/**
 * Internal content never reaches the public: internal records (and internal fields of public ones)
 * carry a marker, and every public page's server data and every public GET endpoint's answer is
 * searched for it.
 */
const marker = 'INTERNAL-MARKER-7f3a';
let open: OpenDatabase;
let dossierId: number;

beforeAll(async () => {
	open = await testDatabase();
	setAppDatabase(open);
	const db = open.db;
	[{ id: dossierId }] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	// The actor whose page the test reads, so its internal positions are where they would show.
	const [{ id: actorId }] = await db
		.select({ id: actor.id })
		.from(actor)
		.orderBy(sql`${actor.slug} = ${publicParamSamples.country} desc`, asc(actor.id))
		.limit(1);
	await db.insert(procedureEvent).values({
		dossierId,
		key: 'internal-marker-event',
		kind: 'event',
		category: 'campaign',
		title: `${marker} internal event`,
		date: '2024-01-15',
		summary: marker,
		verified: false,
		visibility: 'internal'
	});
	await db.insert(procedureEvent).values({
		dossierId,
		key: 'internal-marker-stage',
		kind: 'stage',
		category: 'stage',
		title: `${marker} internal stage`,
		date: '2024-02-01',
		stageOrder: 99,
		verified: false,
		visibility: 'internal'
	});
	await db.insert(position).values([
		{
			dossierId,
			actorId,
			date: '2024-01-10',
			stance: 'opposes',
			summary: `${marker} draft position`,
			confidence: 'reported',
			visibility: 'internal'
		},
		{
			dossierId,
			actorId,
			date: '2024-01-11',
			stance: 'full_ban',
			summary: 'A published position',
			confidence: 'official',
			visibility: 'public',
			reviewState: 'approved',
			internalNote: `${marker} note on a public position`,
			reviewComment: `${marker} review comment`
		}
	]);
	const [internalAmendment] = await db
		.insert(amendment)
		.values({
			dossierId,
			number: '9999',
			tablingContext: 'internal draft',
			targetLabel: 'Article 5',
			baseText: marker,
			proposedText: `${marker} proposed`,
			status: 'draft',
			visibility: 'internal'
		})
		.returning({ id: amendment.id });
	const [publicAmendment] = await db
		.select({ id: amendment.id })
		.from(amendment)
		.where(eq(amendment.visibility, 'public'))
		.limit(1);
	await db
		.insert(assessment)
		.values({ amendmentId: internalAmendment.id, direction: 'weakens', note: marker, visibility: 'internal' });
	if (publicAmendment)
		await db
			.insert(comment)
			.values({ targetType: 'amendment', targetId: publicAmendment.id, body: `${marker} comment` });
});
afterAll(async () => {
	setAppDatabase(undefined);
	await open?.close();
});

describe('internal content', () => {
	it('is left out of the public timeline queries', async () => {
		const today = '2030-01-01';
		// The markers are there to be found…
		const all = await open.db.select().from(procedureEvent).where(eq(procedureEvent.dossierId, dossierId));
		expect(JSON.stringify(all)).toContain(marker);
		// …but not by the public queries.
		expect(JSON.stringify(await timeline(open.db, dossierId, today))).not.toContain(marker);
		expect(JSON.stringify(await latestEvents(open.db, dossierId, today, 100))).not.toContain(marker);
		expect(JSON.stringify(await procedureStatus(open.db, dossierId, today))).not.toContain(marker);
	});

	const publicRoutes = Object.entries(routeAccess)
		.filter(([, rule]) => rule.read === 'public')
		.map(([id]) => id);

	for (const routeId of publicRoutes) {
		it(`never reaches ${routeId} for the public`, async () => {
			const names = [...routeId.matchAll(/\[\[?(?:\.\.\.)?([^\]=]+)/g)].map((m) => m[1]);
			const missing = names.filter((n) => !(n in publicParamSamples));
			expect(
				missing,
				`add sample values for [${missing.join('], [')}] to publicParamSamples in src/lib/server/testing/access-matrix.ts`
			).toEqual([]);
			const params = Object.fromEntries(names.map((n) => [n, publicParamSamples[n]]));
			const seen: string[] = [];

			if (pageServerModules[routeFile(routeId, '+page.server.ts')]) {
				const outcome = await loadPage({ routeId, params, user: null });
				expect(outcome.kind, `${routeId} load: ${JSON.stringify(outcome).slice(0, 300)}`).toBe('ok');
				if (outcome.kind === 'ok') seen.push(JSON.stringify(outcome.body));
			}
			const endpoint = endpointModules[routeFile(routeId, '+server.ts')];
			if (endpoint) {
				const get = (await endpoint()).GET as ((e: unknown) => unknown) | undefined;
				if (get) {
					const outcome = await outcomeOf(() => get(requestEvent({ routeId, params, user: null })));
					expect(outcome.kind, `${routeId} GET`).toBe('ok');
					seen.push(JSON.stringify(outcome));
				}
			}
			for (const text of seen) expect(text).not.toContain(marker);
		});
	}

	// The list's own filters must not reopen the door: a search that matches only internal text, asking
	// for internal amendments, or filtering by an internal assessment finds nothing for the public.
	const probes = [
		'q=INTERNAL-MARKER-7f3a',
		'visibility=internal',
		'assessment=weakens&visibility=internal',
		'q=INTERNAL-MARKER-7f3a&sort=relevance'
	];
	for (const route of [
		'/api/dossiers/[slug]/amendments',
		'/dossiers/[slug]/amendments/export.csv',
		'/dossiers/[slug]/amendments/export.json'
	])
		it(`never reaches ${route} for the public, whatever its filters`, async () => {
			const get = (await endpointModules[routeFile(route, '+server.ts')]()).GET as (e: unknown) => unknown;
			for (const probe of probes) {
				const outcome = await outcomeOf(() =>
					get(requestEvent({ routeId: route, params: { slug: 'ai-act' }, user: null, search: `?${probe}` }))
				);
				expect(outcome.kind, `${route}?${probe}`).toBe('ok');
				expect(JSON.stringify(outcome), `${route}?${probe}`).not.toContain(marker);
			}
		});
});
