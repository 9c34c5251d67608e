import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../db';
import { actor, amendment, amendmentAuthor, provision } from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { parseFilters } from '$lib/amendments/filters';
import { csvColumns } from '$lib/amendments/record';
import { toCsv } from '$lib/amendments/csv';
import { PUBLIC_VIEWER, exportStream, importAmendments, listAmendments } from '../amendments';
import { testUser } from '../testing/users';

const seeded = useTestDatabase();
let userId: number;

const ep = { tablingContext: 'EP plenary, 14 June 2023', tabledOn: '2023-06-14', status: 'plenary_adopted' as const };
const epFile = readFileSync('src/lib/server/seed/data/ai-act/ep-amendments-2023-06-14.json');
const bytes = (text: string) => new TextEncoder().encode(text);
const run = (file: Uint8Array, dryRun = false) =>
	importAmendments(seeded.db, seeded.dossierId, file, { dryRun, userId, fileName: 'test', ep });

/** Everything an import could touch, to prove a refused one touched nothing. */
async function snapshot() {
	const [row] = rowsOf<{ n: number; versions: number; changes: number; authors: number; audits: number }>(
		await seeded.db.execute(
			sql`select (select count(*) from amendment)::int as n, (select coalesce(sum(version), 0) from amendment)::int as versions,
			(select count(*) from amendment_status_change)::int as changes, (select count(*) from amendment_author)::int as authors,
			(select count(*) from audit_log)::int as audits`
		)
	);
	return row;
}

const header = 'tabling_context,number,provision,target,base_text,proposed_text,status,authors';
const row = (n: string, extra = '') =>
	`LIBE draft report,${n},art_5__para_1__point_d,Article 5 – paragraph 1 – point d,"(d) the use of ‘real-time’ systems","(d) the use of any remote biometric identification system",tabled,greens-efa${extra}`;

async function exportCsv(query: string): Promise<Uint8Array> {
	const stream = exportStream(
		seeded.db,
		seeded.dossierId,
		parseFilters(new URLSearchParams(query)).filters,
		PUBLIC_VIEWER,
		'csv'
	);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
	userId = (await testUser(seeded.db, 'editor', 'Importer')).id;
});

describe('import', () => {
	it('re-importing the Parliament file changes nothing', async () => {
		const before = await snapshot();
		const result = await run(epFile);
		expect(result).toMatchObject({
			ok: true,
			applied: true,
			plan: { format: 'ep-json', created: [], updated: [], unchanged: 771, refused: [] }
		});
		expect(await snapshot()).toEqual({ ...before, audits: before.audits + 1 });
	});

	it('creates from CSV with a dry run first, then is idempotent', async () => {
		const file = bytes(`${header}\n${row('1')}\n${row('2')}\n`);
		const before = await snapshot();
		const dry = await run(file, true);
		expect(dry).toMatchObject({
			ok: true,
			applied: false,
			plan: { created: [{ number: '1', where: 'line 2' }, { number: '2' }], updated: [], refused: [] }
		});
		expect(await snapshot()).toEqual(before);
		const real = await run(file);
		expect(real).toMatchObject({ ok: true, applied: true });
		const after = await snapshot();
		expect(after.n).toBe(before.n + 2);
		const again = await run(file);
		expect(again).toMatchObject({ ok: true, plan: { created: [], updated: [], unchanged: 2 } });
		const edited = await run(bytes(`${header}\n${row('1').replace('tabled,', 'withdrawn,')}\n${row('2')}\n`));
		expect(edited).toMatchObject({
			ok: true,
			applied: true,
			plan: { updated: [{ number: '1', fields: ['status'] }], unchanged: 1 }
		});
	});

	it('round-trips its own CSV export (formulas neutralised and restored) without a change', async () => {
		await run(bytes(`${header}\n${row('=1+1')}\n`));
		const file = await exportCsv('provision=art_5');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file);
		expect(text.startsWith('\uFEFF' + csvColumns.join(','))).toBe(true);
		expect(text).toContain("'=1+1");
		const before = await snapshot();
		const result = await run(file);
		expect(result).toMatchObject({ ok: true, plan: { created: [], updated: [], refused: [] } });
		if (result.ok) expect(result.plan.unchanged).toBeGreaterThan(10);
		expect((await snapshot()).versions).toBe(before.versions);
		const listed = await listAmendments(
			seeded.db,
			seeded.dossierId,
			parseFilters(new URLSearchParams('q=1')).filters,
			PUBLIC_VIEWER
		);
		expect(listed.total).toBeGreaterThanOrEqual(0);
	});

	it('imports 300 rows with line numbers counted across multi-line cells', async () => {
		const rows = Array.from({ length: 300 }, (_, i) => [
			'Bulk context',
			String(i + 1),
			'art_5',
			'Article 5',
			`Base\nline ${i}`,
			`Proposed\nline ${i}`
		]);
		rows[149][2] = 'art_999';
		const file = bytes(toCsv(['tabling_context', 'number', 'provision', 'target', 'base_text', 'proposed_text'], rows));
		const before = await snapshot();
		const result = await run(file);
		expect(result).toMatchObject({
			ok: true,
			applied: false,
			plan: {
				refused: [{ line: 2 + 149 * 3, number: '150', reason: expect.stringContaining('Unknown provision “art_999”') }]
			}
		});
		expect(await snapshot()).toEqual(before);
	});
});

describe('a broken file gets a clear error and leaves the database as it was', () => {
	const cases: [string, Uint8Array, RegExp][] = [
		['malformed CSV', bytes(`${header}\n${row('1')}\nLIBE,"unclosed,art_5\n`), /malformed/],
		['malformed JSON', bytes('{"items": [ {"number": 1,'), /JSON is malformed/],
		[
			'wrong encoding',
			Uint8Array.from([
				...bytes(`${header}\n`),
				...Buffer.from(row('1').replace('‘real-time’', 'caf\u00e9'), 'latin1')
			]),
			/not UTF-8.*line 2/
		],
		[
			'missing column',
			bytes('tabling_context,number,target,base_text\nA,1,Article 5,x\n'),
			/Missing column: proposed_text/
		],
		['unknown column', bytes(`${header},colour\n${row('1')},red\n`), /Unknown column: colour/],
		['50 MB upload', new Uint8Array(50 * 1024 * 1024).fill(65), /50\.0 MB.*up to 20\.0 MB/],
		['empty file', new Uint8Array(0), /empty/]
	];
	for (const [name, file, message] of cases) {
		it(name, async () => {
			const before = await snapshot();
			const result = await run(file);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error).toMatch(message);
			expect(await snapshot()).toEqual(before);
		});
	}

	const refusals: [string, string, RegExp][] = [
		['unknown provision', row('7').replace('art_5__para_1__point_d', 'art_5__para_99'), /Unknown provision/],
		[
			'unresolvable target',
			row('7').replace('art_5__para_1__point_d,Article 5 – paragraph 1 – point d', ',Article 999'),
			/matches no provision/
		],
		['bad status', row('7').replace(',tabled,', ',approved,'), /Status: one of/],
		['unknown author', row('7').replace('greens-efa', 'nobody-here'), /Unknown author: nobody-here/],
		['duplicate row', `${row('7')}\n${row('7')}`, /already on line 3/]
	];
	for (const [name, rows, reason] of refusals) {
		it(`${name}: the row is refused with its line and nothing is written`, async () => {
			const before = await snapshot();
			const result = await run(bytes(`${header}\n${row('8')}\n${rows}\n`));
			expect(result).toMatchObject({ ok: true, applied: false });
			if (result.ok) {
				expect(result.plan.refused).toHaveLength(1);
				expect(result.plan.refused[0].where).toMatch(/^line [34]$/);
				expect(result.plan.refused[0].reason).toMatch(reason);
			}
			expect(await snapshot()).toEqual(before);
		});
	}

	// Sources are links on the public amendment page: a javascript: or data: address would run script there.
	for (const url of [
		'javascript:alert(document.domain)',
		'data:text/html,<script>alert(1)</script>',
		'JavaScript:alert(1)'
	]) {
		it(`a source address that is not http(s) (${url.slice(0, 11)}…) is refused and nothing is written`, async () => {
			const before = await snapshot();
			const sources = JSON.stringify([{ title: 'Evil', url }]).replace(/"/g, '""');
			const result = await run(bytes(`${header},sources\n${row('8')},\n${row('7')},"${sources}"\n`));
			expect(result).toMatchObject({ ok: true, applied: false });
			if (result.ok) {
				expect(result.plan.refused).toHaveLength(1);
				expect(result.plan.refused[0].where).toBe('line 3');
			}
			expect(await snapshot()).toEqual(before);
		});
	}
});

describe('targets that create provisions, and authors by name', () => {
	const sortKeys = async (eids: string[]) => {
		const rows = await seeded.db
			.select({ eid: provision.eid, sortKey: provision.sortKey, parentId: provision.parentId, id: provision.id })
			.from(provision)
			.where(and(eq(provision.dossierId, seeded.dossierId), inArray(provision.eid, eids)));
		return new Map(rows.map((r) => [r.eid, r]));
	};

	it('a "(new)" target creates its provision after the one it is numbered after; the dry run lists it', async () => {
		const file = bytes(
			'tabling_context,number,target,base_text,proposed_text,new_provision\n' +
				'New-provision test,1,Article 5 – paragraph 1 – point d x (new),,(dx) the use of emotion recognition systems in the workplace,true\n' +
				'New-provision test,2,Article 4 d (new) – paragraph 1,,1. A brand new paragraph.,true\n'
		);
		const dry = await run(file, true);
		expect(dry).toMatchObject({ ok: true, applied: false, plan: { refused: [] } });
		if (!dry.ok) return;
		expect(dry.plan.provisions.map((p) => p.eid)).toEqual(['art_5__para_1__point_dx', 'art_4d', 'art_4d__para_1']);
		expect((await sortKeys(['art_5__para_1__point_dx'])).size).toBe(0);

		expect(await run(file)).toMatchObject({ ok: true, applied: true });
		const keys = await sortKeys([
			'art_5__para_1',
			'art_5__para_1__point_dd',
			'art_5__para_1__point_dx',
			'art_5__para_2',
			'art_4c',
			'art_4d',
			'art_4d__para_1',
			'art_5'
		]);
		const de = keys.get('art_5__para_1__point_dx')!;
		expect(de.parentId).toBe(keys.get('art_5__para_1')!.id);
		expect(de.sortKey).toBeGreaterThan(keys.get('art_5__para_1__point_dd')!.sortKey);
		expect(de.sortKey).toBeLessThan(keys.get('art_5__para_2')!.sortKey);
		expect(keys.get('art_4d')!.sortKey).toBeGreaterThan(keys.get('art_4c')!.sortKey);
		expect(keys.get('art_4d')!.sortKey).toBeLessThan(keys.get('art_5')!.sortKey);
		expect(keys.get('art_4d__para_1')!.parentId).toBe(keys.get('art_4d')!.id);

		const again = await run(file, true);
		expect(again).toMatchObject({ ok: true, plan: { provisions: [], created: [], unchanged: 2 } });
	});

	it('takes authors as printed names: Members matched, groups as co-authors, the unknown kept and listed', async () => {
		const file = bytes(
			'tabling_context,number,provision,target,base_text,proposed_text,authors\n' +
				'Authors test,1,art_5,Article 5,Old,New,"Dace MELBĀRDE;Andrey Slabakov;on behalf of the ECR Group;Jane Nobody-Known"\n'
		);
		const dry = await run(file, true);
		expect(dry).toMatchObject({
			ok: true,
			plan: { refused: [], newActors: [{ slug: 'jane-nobody-known', name: 'Jane Nobody-Known', where: 'line 2' }] }
		});
		expect(await run(file)).toMatchObject({ ok: true, applied: true });
		const rows = await seeded.db
			.select({ slug: actor.slug, kind: actor.kind, unmatched: actor.unmatched, position: amendmentAuthor.position })
			.from(amendmentAuthor)
			.innerJoin(actor, eq(actor.id, amendmentAuthor.actorId))
			.innerJoin(amendment, eq(amendment.id, amendmentAuthor.amendmentId))
			.where(eq(amendment.tablingContext, 'Authors test'))
			.orderBy(amendmentAuthor.position);
		expect(rows.map((r) => [r.kind, r.unmatched])).toEqual([
			['member', false],
			['member', false],
			['political_group', false],
			['member', true]
		]);
		expect(rows[2].slug).toBe('ecr');
		expect(rows[3].slug).toBe('jane-nobody-known');
		expect(await run(file, true)).toMatchObject({ ok: true, plan: { newActors: [], created: [], unchanged: 1 } });
	});

	it('the Parliament JSON format reads an authors list of names', async () => {
		const file = bytes(
			JSON.stringify({
				items: [
					{
						number: 1,
						target: 'Article 5',
						commissionText: 'Old',
						amendmentText: 'New',
						deleted: false,
						newProvision: false,
						authors: ['Brando Benifei']
					}
				]
			})
		);
		const result = await importAmendments(seeded.db, seeded.dossierId, file, {
			dryRun: false,
			userId,
			fileName: 'test',
			ep: { ...ep, tablingContext: 'JSON authors test' }
		});
		expect(result).toMatchObject({ ok: true, applied: true, plan: { newActors: [] } });
	});
});

/** Imports one of the seed's committee PDFs again, for real, as a document of the given procedure. */
const importCommitteePdf = (name: string, procedure: string) =>
	importAmendments(
		seeded.db,
		seeded.dossierId,
		new Uint8Array(readFileSync(`src/lib/server/seed/data/ai-act/documents/ep-committee-amendments/${name}`)),
		{ dryRun: false, userId, fileName: name, ep, procedure }
	);

describe('a committee amendment document (PDF)', () => {
	it('was loaded by the seed, and importing the same file again changes nothing', async () => {
		const name = 'AIA-CULT-Rule-57-Opinion-Amendments-1-April.pdf';
		const before = await snapshot();
		const result = await importCommitteePdf(name, '2021/0106(COD)');
		expect(result).toMatchObject({
			ok: true,
			plan: { format: 'pdf', created: [], updated: [], unchanged: 217, refused: [], provisions: [], newActors: [] }
		});
		if (result.ok)
			expect(result.plan.documents.map((d) => [d.officialReference, d.id !== null])).toEqual([
				['PE730.175v01-00', true]
			]);
		expect((await snapshot()).versions).toBe(before.versions);
		const [a54] = await seeded.db
			.select({
				id: amendment.id,
				target: amendment.targetLabel,
				status: amendment.status,
				tabledOn: amendment.tabledOn,
				sources: amendment.sources
			})
			.from(amendment)
			.where(and(eq(amendment.tablingContext, 'CULT'), eq(amendment.number, '54')));
		expect(a54).toMatchObject({ target: 'Recital 1', status: 'tabled', tabledOn: '2022-04-01' });
		expect(a54.sources[0]).toMatchObject({ locator: 'Amendment 54, page 3' });
		const authors = await seeded.db
			.select({ name: actor.name })
			.from(amendmentAuthor)
			.innerJoin(actor, eq(actor.id, amendmentAuthor.actorId))
			.where(eq(amendmentAuthor.amendmentId, a54.id))
			.orderBy(amendmentAuthor.position);
		expect(authors.map((a) => a.name)).toEqual(['Dace MELBĀRDE', 'Andrey SLABAKOV']);
	});

	it('of another procedure is refused, naming the file, and nothing is written', async () => {
		const name = 'AIA-TRAN-Rule-56-Opinion-Amendments-4-May.pdf';
		const before = await snapshot();
		const result = await importCommitteePdf(name, '2020/0374(COD)');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain(name);
		expect(await snapshot()).toEqual(before);
	});
});
