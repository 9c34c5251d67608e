import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from './migrations';

/**
 * A new PGlite data folder is an empty PostgreSQL cluster: PGlite runs initdb for it, which takes 5-6 s of a
 * first start on a 2-core machine, and then the migrations run on it, another 1-2 s. The result is the same
 * every time for one PGlite version and one set of migrations, so `npm install` makes it once
 * (scripts/pglite-template.ts), as a data folder that a new folder on disk is copied from (a native copy,
 * where loading a dump writes each file through PGlite's file system) and as a dump that an in-memory
 * database is loaded from. It holds the schema but no data: `migrate` then applies only the migrations added
 * since (drizzle applies those newer than the last one recorded), and the seed runs on it as on a folder
 * made from scratch.
 */
export function pgliteTemplatePath(): string {
	return path.resolve(
		process.env.PGLITE_TEMPLATE ?? path.join('node_modules', '.cache', 'trilogue', `pglite-${pgliteVersion()}.tar.gz`)
	);
}

function pgliteVersion(): string {
	const require = createRequire(import.meta.url);
	let dir = path.dirname(require.resolve('@electric-sql/pglite'));
	while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
	return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/**
 * The dump for a new data folder, when `npm install` made one for this PGlite version. Checked against the
 * digest written beside it: PGlite given a damaged dump fails later, outside any promise we could catch.
 */
export function pgliteTemplate(): Blob | undefined {
	const file = pgliteTemplatePath();
	if (!existsSync(file)) return undefined;
	if (!isPrefix(templateMigrations(file), migrationHashes())) return undefined; // made from other migrations
	const bytes = readFileSync(file);
	const expected = existsSync(`${file}.sha256`) ? readFileSync(`${file}.sha256`, 'utf8').trim() : '';
	if (digest(bytes) !== expected) {
		console.warn(
			`The PGlite template ${file} is damaged (its SHA-256 does not match); creating the database from scratch.`
		);
		return undefined;
	}
	return new Blob([bytes]);
}

/** The data folder beside the dump. */
export function pgliteTemplateFolder(): string {
	return `${pgliteTemplatePath()}.folder`;
}

/**
 * Copies the template's data folder to `dataDir` (which must not exist yet or be empty) when `npm install`
 * made one from the migrations in `drizzle/` (or fewer); false when there is none to copy.
 */
export function copyPgliteTemplate(dataDir: string): boolean {
	const folder = pgliteTemplateFolder();
	if (!existsSync(folder) || !isPrefix(templateMigrations(pgliteTemplatePath()), migrationHashes())) return false;
	cpSync(folder, dataDir, { recursive: true });
	return true;
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether PGlite would have to create the cluster in `dataDir`. */
export function isNewDataDir(dataDir: string): boolean {
	return dataDir.startsWith('memory://') || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/**
 * Makes the template (the data folder and the dump, migrated) if it is missing or was made from other
 * migrations than `drizzle/` now holds; returns the dump's path when it made one.
 */
export async function makePgliteTemplate(): Promise<string | undefined> {
	const file = pgliteTemplatePath();
	const folder = pgliteTemplateFolder();
	const hashes = migrationHashes();
	if (existsSync(file) && existsSync(folder) && templateMigrations(file).join() === hashes.join()) return undefined;
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	// Made beside the final folder and renamed into place when whole: never a half-made template.
	const making = `${folder}.tmp`;
	rmSync(making, { recursive: true, force: true });
	mkdirSync(path.dirname(file), { recursive: true });
	const pg = await PGlite.create({ dataDir: making });
	let bytes: Buffer;
	try {
		await migrate(drizzle(pg), { migrationsFolder: migrationsFolder() });
		bytes = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
	} finally {
		await pg.close();
	}
	// Each file replaced whole (never written in place: a hard-linked copy of node_modules keeps its own).
	const put = (name: string, data: string | Uint8Array) => {
		writeFileSync(`${name}.tmp`, data);
		renameSync(`${name}.tmp`, name);
	};
	rmSync(file, { force: true }); // the dump and folder of other migrations go first
	rmSync(folder, { recursive: true, force: true });
	put(`${file}.sha256`, digest(bytes));
	put(`${file}.migrations`, hashes.join('\n'));
	renameSync(making, folder);
	put(file, bytes); // last: never a template without its digest and list
	return file;
}

/** The migrations in `drizzle/`, in order, each by the digest drizzle records for it. */
function migrationHashes(): string[] {
	return readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.hash);
}

/** The migrations the dump holds (none for a dump made before dumps were migrated). */
function templateMigrations(file: string): string[] {
	const list = `${file}.migrations`;
	return existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : [];
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((hash, i) => hash === b[i]);
