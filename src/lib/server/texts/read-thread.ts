/**
 * Reads Council Word files in a worker thread, so that on first start the reading (about half a second of
 * CPU a file) runs on the second core beside PGlite making its folder, migrating and seeding on the first.
 *
 * The thread is a few lines of plain JavaScript that load `read-council-text` by its URL, as it is in the
 * running code: a chunk of the production build, or the TypeScript source (scripts, Vitest, `vite dev`)
 * through tsx's module API. Where the thread cannot load it, the files are read here instead, one per turn
 * of the event loop: the same reads, on one core.
 */
import { Worker } from 'node:worker_threads';
import {
	readCouncilText,
	readCouncilTextModule,
	type ReadText,
	type ReadTextOptions
} from '$lib/texts/read-council-text';

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
// The TypeScript source (tsx, Vitest) loads through tsx's API; the built code is plain JavaScript.
const loading = workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.tsImport(workerData.module, workerData.module)) : import(workerData.module);
const ready = loading.then(() => {
	const read = globalThis[Symbol.for('trilogue.readCouncilText')];
	if (typeof read !== 'function') throw new Error('read-council-text did not register its reader');
	return read;
});
parentPort.on('message', async ({ id, bytes, options }) => {
	let read;
	try {
		read = await ready;
	} catch (e) {
		return parentPort.postMessage({ id, loaded: false, message: e instanceof Error ? e.message : String(e) });
	}
	// A reader's exception is a bug, not a bad file (those are { ok: false } reads): the caller reads the file
	// again itself, so the exception surfaces there with its stack.
	try {
		parentPort.postMessage({ id, loaded: true, read: read(bytes, options) });
	} catch (e) {
		parentPort.postMessage({ id, loaded: false, message: e instanceof Error ? e.message : String(e) });
	}
});`;

type Reply = { id: number; loaded: true; read: ReadText } | { id: number; loaded: false; message: string };

export interface WordFile {
	bytes: Uint8Array;
	options: ReadTextOptions;
}

/** Reads the files in one worker thread, in order; falls back to reading here what the thread could not. */
export async function readCouncilTextsInThread(files: WordFile[]): Promise<ReadText[]> {
	const reads = await inThread(files).catch((): (ReadText | undefined)[] => []);
	lastThreadReads = {
		inThread: files.filter((_, i) => reads[i]).length,
		here: files.filter((_, i) => !reads[i]).length
	};
	const all: ReadText[] = [];
	for (const [i, file] of files.entries()) {
		if (!reads[i]) await new Promise((resolve) => setImmediate(resolve)); // other work (PGlite's steps) goes on between files
		all.push(reads[i] ?? readCouncilText(file.bytes, file.options));
	}
	return all;
}

/** How many files the last call read in the thread and how many here, for `npm run bench:seed`. */
export let lastThreadReads = { inThread: 0, here: 0 };

function inThread(files: WordFile[]): Promise<(ReadText | undefined)[]> {
	return new Promise((resolve, reject) => {
		const reads: (ReadText | undefined)[] = [];
		if (!files.length) return resolve(reads);
		const worker = new Worker(THREAD, { eval: true, workerData: { module: readCouncilTextModule, tsx: tsxLoader() } });
		let answered = 0;
		worker.on('message', (reply: Reply) => {
			if (reply.loaded) reads[reply.id] = reply.read;
			if (++answered === files.length) void worker.terminate();
		});
		worker.once('error', reject);
		// After the last answer, or if the thread died first: what it did not read is read by the caller.
		worker.once('exit', () => resolve(reads));
		for (const [id, file] of files.entries()) worker.postMessage({ id, bytes: file.bytes, options: file.options });
	});
}

/** tsx's module API, when this runs as TypeScript source (it is a dev dependency: absent from a production install). */
function tsxLoader(): string | null {
	if (!readCouncilTextModule.endsWith('.ts')) return null;
	try {
		return import.meta.resolve('tsx/esm/api');
	} catch {
		return null;
	}
}
