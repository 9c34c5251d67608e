import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase } from './index';
import { isNewDataDir, makePgliteTemplate, pgliteTemplate, pgliteTemplatePath } from './pglite-template';

const folders: string[] = [];
const folder = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'trilogue-template-'));
	folders.push(dir);
	return dir;
};
afterEach(() => {
	vi.unstubAllEnvs();
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the PGlite template for new data folders', () => {
	it('is made once by npm install, per PGlite version, and a new folder made from it migrates and works', async () => {
		await makePgliteTemplate(); // a no-op when npm install made it
		expect(pgliteTemplatePath()).toMatch(/pglite-\d+\.\d+\.\d+\.tar\.gz$/);
		expect(pgliteTemplate()?.size).toBeGreaterThan(1_000_000);
		const dataDir = path.join(folder(), 'pglite');
		expect(isNewDataDir(dataDir)).toBe(true);
		const open = await openDatabase({ dataDir });
		try {
			await migrate(open);
			const result = await open.db.execute(sql`select count(*)::int as n from data_version`);
			expect(JSON.stringify(result)).toContain('"n":1');
		} finally {
			await open.close();
		}
		expect(isNewDataDir(dataDir)).toBe(false);
	});

	it('does not stop the app when damaged: the folder is made from scratch, with a warning', async () => {
		const bad = path.join(folder(), 'damaged.tar.gz');
		writeFileSync(bad, readFileSync(pgliteTemplatePath()).subarray(0, 200_000)); // cut short
		writeFileSync(`${bad}.sha256`, readFileSync(`${pgliteTemplatePath()}.sha256`));
		vi.stubEnv('PGLITE_TEMPLATE', bad);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const open = await openDatabase({ dataDir: path.join(folder(), 'pglite') });
		const warnings = warn.mock.calls.join(' ');
		try {
			await migrate(open);
			expect(JSON.stringify(await open.db.execute(sql`select 1 as one`))).toContain('"one":1');
		} finally {
			await open.close();
			warn.mockRestore();
		}
		expect(warnings).toContain('is damaged');
	});
});
