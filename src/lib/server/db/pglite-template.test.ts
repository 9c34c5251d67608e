import { afterEach, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase } from './index';
import {
	copyPgliteTemplate,
	isNewDataDir,
	makePgliteTemplate,
	pgliteTemplate,
	pgliteTemplateFolder,
	pgliteTemplatePath
} from './pglite-template';

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
	it('is made once by npm install, per PGlite version and set of migrations, and a new folder made from it migrates and works', async () => {
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

	it('holds the schema, so a new folder migrates with nothing left to do', async () => {
		const open = await openDatabase({ dataDir: 'memory://' });
		try {
			const applied = await open.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
			const journal = JSON.parse(readFileSync(path.resolve('drizzle/meta/_journal.json'), 'utf8'));
			expect(JSON.stringify(applied)).toContain(`"n":${journal.entries.length}`);
			await migrate(open);
			expect(
				JSON.stringify(await open.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))
			).toContain(`"n":${journal.entries.length}`);
		} finally {
			await open.close();
		}
	});

	it('made before a migration was added, is used and the new migration runs on it; made from other migrations, is not used', async () => {
		// A drizzle/ folder without its last migration, and a template made from it.
		const older = folder();
		cpSync(path.resolve('drizzle'), older, { recursive: true });
		const journalFile = path.join(older, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
		const last = journal.entries.pop();
		writeFileSync(journalFile, JSON.stringify(journal));
		vi.stubEnv('MIGRATIONS_DIR', older);
		vi.stubEnv('PGLITE_TEMPLATE', path.join(folder(), 'older.tar.gz'));
		expect(await makePgliteTemplate()).toBe(pgliteTemplatePath());
		expect(await makePgliteTemplate()).toBeUndefined(); // made already, from these migrations

		vi.stubEnv('MIGRATIONS_DIR', path.resolve('drizzle'));
		expect(pgliteTemplate()).toBeDefined();
		const open = await openDatabase({ dataDir: 'memory://' });
		try {
			const count = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
			expect(JSON.stringify(await open.db.execute(count))).toContain(`"n":${journal.entries.length}`);
			await migrate(open);
			expect(JSON.stringify(await open.db.execute(count))).toContain(`"n":${journal.entries.length + 1}`);
		} finally {
			await open.close();
		}

		// The other way round (the template knows a migration drizzle/ does not): made afresh by npm install,
		// and until then not used.
		vi.stubEnv('MIGRATIONS_DIR', older);
		writeFileSync(
			`${pgliteTemplatePath()}.migrations`,
			readFileSync(`${pgliteTemplatePath()}.migrations`, 'utf8') + `\n${last.tag}-unknown`
		);
		expect(pgliteTemplate()).toBeUndefined();
		expect(await makePgliteTemplate()).toBe(pgliteTemplatePath());
		expect(pgliteTemplate()).toBeDefined();
	});

	it('is copied as a data folder for a new folder on disk, and a damaged copy is made from scratch with a warning', async () => {
		const file = path.join(folder(), 'copy.tar.gz');
		vi.stubEnv('PGLITE_TEMPLATE', file);
		await makePgliteTemplate();
		const dataDir = path.join(folder(), 'pglite');
		expect(copyPgliteTemplate(dataDir)).toBe(true);
		expect(readdirSync(dataDir)).toContain('PG_VERSION');
		rmSync(dataDir, { recursive: true });

		writeFileSync(path.join(pgliteTemplateFolder(), 'global', 'pg_control'), 'not a control file');
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const open = await openDatabase({ dataDir });
		const warnings = warn.mock.calls.join(' ');
		try {
			await migrate(open);
			expect(JSON.stringify(await open.db.execute(sql`select count(*)::int as n from data_version`))).toContain(
				'"n":1'
			);
		} finally {
			await open.close();
			warn.mockRestore();
		}
		expect(warnings).toContain('could not be loaded');
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
