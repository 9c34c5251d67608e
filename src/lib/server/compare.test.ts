import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabase, type OpenDatabase } from './db';
import { testDatabase } from './testing/database';
import { getDossier, type Dossier } from './dossiers';
import { articleColumns, defaultColumns, listTextDocuments, type CompareDocument } from './compare';
import { outcomeOf, pageServerModules, requestEvent, routeFile } from './testing/route-event';

let open: OpenDatabase;
let dossier: Dossier;
let documents: CompareDocument[];
beforeAll(async () => {
	open = await testDatabase();
	setAppDatabase(open);
	dossier = (await getDossier(open.db, 'ai-act'))!;
	documents = await listTextDocuments(open.db, dossier.id);
});
afterAll(async () => {
	setAppDatabase(undefined);
	await open?.close();
});

describe('the texts a reader can compare', () => {
	it('are every text of the act, Council compromise texts and the 2026 consolidation included, in date order', () => {
		const dates = documents.map((d) => d.date ?? '9999');
		expect(dates).toEqual([...dates].sort());
		expect(documents.map((d) => d.kind)).not.toContain('ep_amendments');
		expect(documents.at(-1)).toMatchObject({ key: 'consolidated-2026', notice: { label: 'Unofficial consolidation' } });
		expect(documents.filter((d) => d.notice).map((d) => d.key)).toEqual(['consolidated-2026']);
	});

	it('default to the proposal, the general approach, the Parliament and the final act as columns', () => {
		expect(defaultColumns(documents).map((d) => d.key)).toEqual([
			'commission-proposal',
			'council-general-approach',
			'ep-position',
			'final-act'
		]);
	});

	it('can be any two texts: the final act against the consolidation shows the new points as new', async () => {
		const ids = documents.filter((d) => d.key === 'final-act' || d.key === 'consolidated-2026').map((d) => d.id);
		const view = (await articleColumns(open.db, dossier.id, 'art_5', undefined, ids))!;
		expect(view.documents.map((d) => d.key)).toEqual(['final-act', 'consolidated-2026']);
		const ba = view.rows.find((r) => r.cells[1]?.version.eid === 'art_5__para_1__point_ba')!;
		expect(ba.cells[0]).toBeNull();
		const h = view.rows.find((r) => r.cells[0]?.version.eid === 'art_5__para_1__point_h')!;
		expect(h.cells[1]!.diff).toMatchObject({ added: 0, removed: 0 });
	});
});

describe('the column view’s address', () => {
	const load = async (search: string) => {
		const mod = await pageServerModules[routeFile('/dossiers/[slug]/compare/articles/[eid=eid]', '+page.server.ts')]();
		const event = {
			...requestEvent({
				routeId: '/dossiers/[slug]/compare/articles/[eid=eid]',
				params: { slug: 'ai-act', eid: 'art_5' },
				user: null,
				search
			}),
			parent: async () => ({ dossier })
		};
		return outcomeOf(() => (mod.load as (e: unknown) => unknown)(event));
	};
	const body = (o: Awaited<ReturnType<typeof load>>) =>
		o.kind === 'ok' ? (o.body as { chosen: string[]; columnsError: string | null }) : null;

	it('takes cols comma-separated or repeated, as the form sends them', async () => {
		expect(body(await load('?cols=final-act,consolidated-2026'))?.chosen).toEqual(['final-act', 'consolidated-2026']);
		expect(body(await load('?cols=consolidated-2026&cols=commission-proposal&cols=final-act'))?.chosen).toEqual([
			'commission-proposal',
			'final-act',
			'consolidated-2026'
		]);
	});

	it('says so when too few texts are ticked, and refuses a text the dossier does not have', async () => {
		const one = body(await load('?cols=final-act'))!;
		expect(one.columnsError).toMatch(/between 2 and 6/);
		expect(one.chosen).toEqual(['commission-proposal', 'council-general-approach', 'ep-position', 'final-act']);
		expect(await load('?cols=final-act,no-such-text')).toMatchObject({ kind: 'error', status: 400 });
		expect(await load('?cols=final-act,<script>')).toMatchObject({ kind: 'error', status: 400 });
	});
});
