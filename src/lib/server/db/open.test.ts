import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index';

describe('a new PGlite data folder', () => {
	const parent = mkdtempSync(path.join(tmpdir(), 'trilogue-open-'));
	const dataDir = path.join(parent, 'data', 'pglite');
	afterAll(() => rmSync(parent, { recursive: true, force: true }));

	it('is made in a worker thread and renamed into place, leaving nothing beside it', async () => {
		const open = await openDatabase({ dataDir });
		const rows = await open.db.execute(sql`select 41 + 1 as answer`);
		await open.close();
		expect((rows as unknown as { rows: { answer: number }[] }).rows[0].answer).toBe(42);
		expect(readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
		expect(readdirSync(dataDir)).toContain('PG_VERSION');
	});

	it('is opened as it is the next time, with what was written to it', async () => {
		const first = await openDatabase({ dataDir });
		await first.db.execute(sql`create table kept (n int)`);
		await first.db.execute(sql`insert into kept values (7)`);
		await first.close();
		const again = await openDatabase({ dataDir });
		const rows = await again.db.execute(sql`select n from kept`);
		await again.close();
		expect((rows as unknown as { rows: { n: number }[] }).rows).toEqual([{ n: 7 }]);
	});
});
