import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders of original documents the seed imports (see data/ai-act/documents/README.md). */
export type SeedDocumentFolder = 'ep-committee-amendments' | 'council-compromise-texts';

/**
 * Where the original PDF and Word files are. Next to this module when it runs from source (dev, tests,
 * scripts); the production build bundles the code but not binary files, so there it falls back to the
 * checkout the server is started from.
 */
function documentsDir(): string {
	const candidates = [
		fileURLToPath(new URL('./data/ai-act/documents/', import.meta.url)),
		resolve('src/lib/server/seed/data/ai-act/documents')
	];
	const found = candidates.find((dir) => existsSync(join(dir, 'README.md')));
	if (!found)
		throw new Error(
			`The seed's original documents are missing: looked in ${candidates.join(' and ')}. Start the server from the project's folder.`
		);
	return found;
}

/** The files of one folder, by name. */
export async function readSeedDocuments(folder: SeedDocumentFolder): Promise<{ name: string; bytes: Uint8Array }[]> {
	const dir = join(documentsDir(), folder);
	const names = (await readdir(dir)).filter((n) => /\.(pdf|docx)$/i.test(n)).sort();
	return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}
