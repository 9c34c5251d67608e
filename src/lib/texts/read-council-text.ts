/**
 * A Council compromise text (Word) read and split into provisions with the splitter the seed uses: pure
 * work, no database, so it can be done ahead of the import, or in a worker thread
 * (`src/lib/server/texts/read-thread.ts`).
 */
import { splitDocument } from '../provisions/split';
import { readCouncilDocx, type CouncilCover } from './docx/read';
import { MAX_TEXT_IMPORT_BYTES, councilNodes, type CouncilNode } from './council';

export type ReadText =
	{ ok: false; error: string } | { ok: true; cover: CouncilCover; nodes: CouncilNode[]; warnings: string[] };

export interface ReadTextOptions {
	fileName: string;
	/** The dossier's procedure: a document of another is refused. */
	procedure: string;
}

export function readCouncilText(bytes: Uint8Array, options: ReadTextOptions): ReadText {
	if (bytes.byteLength > MAX_TEXT_IMPORT_BYTES)
		return {
			ok: false,
			error: `${options.fileName} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the import takes Word files up to ${MAX_TEXT_IMPORT_BYTES / 1024 / 1024} MB.`
		};
	const read = readCouncilDocx(bytes, options.fileName, { expectProcedure: options.procedure });
	if (!read.ok) return read;
	const nodes = councilNodes(splitDocument(read.items), read.items);
	if (!nodes.length)
		return { ok: false, error: `${options.fileName}: no articles, recitals or annexes were recognised in it.` };
	return { ok: true, cover: read.cover, nodes, warnings: read.warnings };
}

/**
 * For the worker thread, which loads this module by URL: in the production build this code sits in a chunk
 * whose export names the bundler shortens, so the thread finds the function under a registered symbol.
 */
export const readCouncilTextModule = import.meta.url;
export const readCouncilTextSymbol = Symbol.for('trilogue.readCouncilText');
(globalThis as Record<symbol, unknown>)[readCouncilTextSymbol] = readCouncilText;
