import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type OpenDatabase } from './db';
import { dossier } from './db/schema';
import { testDatabase, urlOf } from './testing/database';
import { sharedReads, watchDataVersion, type Peers } from './data-version';

let open: OpenDatabase;
beforeAll(async () => {
	open = await testDatabase();
});
afterAll(() => open?.close());

// Tables that change on every sign-in or rate-limited request and appear on no page; all else must raise the version.
const untracked = ['data_version', 'login_attempt', 'request_hit', 'session'];

describe('the data version', () => {
	it('is raised by a trigger on every table the pages read', async () => {
		const list = rowsOf<{ table: string; triggered: boolean }>(
			await open.db.execute(sql`
			select t.tablename as table,
				exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
					where c.relname = t.tablename and g.tgname = t.tablename || '_data_version') as triggered
			from pg_tables t where t.schemaname = current_schema() order by 1`)
		);
		const missing = list.filter((r) => !r.triggered && !untracked.includes(r.table));
		expect(missing.map((r) => r.table)).toEqual([]);
		expect(list.length).toBeGreaterThan(15);
	});

	it('changes when a write commits (once the writer says so), not before, and not on reads', async () => {
		const watch = await watchDataVersion(open);
		try {
			const before = await watch.current();
			await open.db.select().from(dossier).limit(1);
			expect(await watch.current()).toBe(before);
			let inside = -1;
			await open.db.transaction(async (tx) => {
				await tx
					.update(dossier)
					.set({ title: sql`${dossier.title}` })
					.where(eq(dossier.slug, 'ai-act'));
				inside = await watch.current(); // PGlite: no notification yet; PostgreSQL: another connection
			});
			expect(inside).toBe(before);
			await watch.afterWrite(); // as the app does after every request that may have written
			const after = await watch.current();
			expect(after).not.toBe(before);
			// A rolled-back write leaves it as it was.
			await open.db
				.transaction(async (tx) => {
					await tx.update(dossier).set({ title: sql`${dossier.title}` });
					tx.rollback();
				})
				.catch(() => {});
			await watch.afterWrite();
			expect(await watch.current()).toBe(after);
		} finally {
			await watch.stop();
		}
	});

	it.runIf(process.env.DATABASE_URL)(
		'is seen by another process once the notification arrives (PostgreSQL)',
		async () => {
			const other = await openDatabase({ url: await urlOf(open) });
			const watch = await watchDataVersion(other, null);
			try {
				const before = await watch.current();
				await open.db
					.update(dossier)
					.set({ title: sql`${dossier.title}` })
					.where(eq(dossier.slug, 'ai-act'));
				await expect.poll(() => watch.current(), { timeout: 2000 }).toBeGreaterThan(before);
			} finally {
				await watch.stop();
				await other.close();
			}
		}
	);

	it.runIf(process.env.DATABASE_URL)(
		'is known to the other workers before a write answers, without waiting for a notification (PostgreSQL)',
		async () => {
			const url = await urlOf(open);
			const [writer, reader, alone] = await Promise.all([1, 2, 3].map(() => openDatabase({ url })));
			// The reader and the lone process hear no notifications: only the announcement can tell them.
			const deaf = (o: OpenDatabase): OpenDatabase => ({ ...o, listen: async () => async () => {} });
			const takers: ((v: number) => void)[] = [];
			let announcements = 0;
			const linked: Peers = {
				announce: async (v) => {
					announcements++;
					takers.forEach((take) => take(v));
				},
				onAnnounce: (t) => takers.push(t)
			};
			// No re-read for age during the test: what they know, they were told.
			const writing = await watchDataVersion(writer, linked, 60_000);
			const reading = await watchDataVersion(deaf(reader), linked, 60_000);
			const lone = await watchDataVersion(deaf(alone), null, 60_000);
			try {
				const before = await reading.current();
				expect(await lone.current()).toBe(before);
				await writer.db
					.update(dossier)
					.set({ title: sql`${dossier.title}` })
					.where(eq(dossier.slug, 'ai-act'));
				await writing.afterWrite();
				expect(await reading.current()).toBeGreaterThan(before);
				expect(announcements).toBe(1);
				// Told nothing, and its last read younger than its maximum age: it still answers the old version.
				expect(await lone.current()).toBe(before);
				// A request that wrote nothing (a refused form) announces nothing new.
				await writing.afterWrite();
				expect(announcements).toBe(1);
			} finally {
				await Promise.all([writing, reading, lone].map((w) => w.stop()));
				await Promise.all([writer, reader, alone].map((o) => o.close()));
			}
		}
	);
});

describe('shared reads', () => {
	it('lets callers arriving together share one read, and never answers with a read begun before the call', async () => {
		let value = 0;
		let reads = 0;
		const gates: (() => void)[] = [];
		const read = sharedReads(async () => {
			reads++;
			const seen = value;
			await new Promise<void>((resolve) => gates.push(resolve));
			return seen;
		});
		const first = read();
		value = 1; // a commit after the first read began
		const second = read();
		const third = read();
		gates.shift()!();
		expect(await first).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 0));
		gates.shift()!();
		expect(await second).toBe(1);
		expect(await third).toBe(1);
		expect(reads).toBe(2);
	});
});
