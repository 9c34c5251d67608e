import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A new PGlite data folder is an empty PostgreSQL cluster: PGlite runs initdb for it, which takes 5-6 s of a
 * first start on a 2-core machine. The result is the same every time for one PGlite version, so
 * `npm install` makes it once (scripts/pglite-template.ts) and new folders are loaded from that dump. It
 * holds no data of ours: migrations and the seed still run on it as on a folder made from scratch.
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

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether PGlite would have to create the cluster in `dataDir`. */
export function isNewDataDir(dataDir: string): boolean {
	return dataDir.startsWith('memory://') || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** Makes the dump if it is missing; returns its path when it made one. */
export async function makePgliteTemplate(): Promise<string | undefined> {
	const file = pgliteTemplatePath();
	if (existsSync(file)) return undefined;
	const { PGlite } = await import('@electric-sql/pglite');
	const pg = await PGlite.create({ dataDir: 'memory://' });
	try {
		const dump = await pg.dumpDataDir('gzip');
		mkdirSync(path.dirname(file), { recursive: true });
		const bytes = Buffer.from(await dump.arrayBuffer());
		writeFileSync(`${file}.sha256`, digest(bytes));
		writeFileSync(`${file}.tmp`, bytes);
		renameSync(`${file}.tmp`, file); // never a half-written template
		return file;
	} finally {
		await pg.close();
	}
}
