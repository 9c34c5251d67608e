/**
 * pdfjs's text extraction, run in a worker thread. In Node pdfjs has no worker of its own: it runs its parser
 * in the calling thread and structured-clones every message it sends itself, which for a 260-page committee
 * document is about a second of blocked event loop. Here it runs in one long-lived worker thread instead, so
 * that an upload does not stall every other request, and the seed reads the committee PDFs on the second
 * core while it loads the rest. Jobs run one after the other, in the order they were given.
 *
 * The worker is a few lines of plain JavaScript evaluated by Node (no build step can lose it) that loads
 * pdfjs-dist's legacy build from node_modules and sends back, per page, the text items with their positions:
 * all our code needs from pdfjs. The layout itself stays in layout.ts.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** One text item: its text, baseline origin and advance width (PDF points), and its font size. */
export interface PdfTextItem {
	text: string;
	x: number;
	y: number;
	width: number;
	size: number;
}

export interface PdfPageText {
	/** 1-based. */
	number: number;
	width: number;
	items: PdfTextItem[];
}

/** What went wrong in pdfjs: opening the file (password, not a PDF…) or reading a page of it. */
export class PdfjsError extends Error {
	constructor(
		readonly stage: 'open' | 'read',
		readonly pdfjsName: string,
		message: string
	) {
		super(message);
	}
}

type Reply =
	| { id: number; ok: true; pages: PdfPageText[] }
	| { id: number; ok: false; stage: 'open' | 'read'; name: string; message: string };

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let pdfjs = null;
let queue = Promise.resolve();
async function extract(data) {
	pdfjs ??= await import(workerData.pdfjs);
	const task = pdfjs.getDocument({
		data,
		// Text positions need the fonts' metrics, not their glyphs: no FontFace, no system or standard fonts.
		disableFontFace: true,
		useSystemFonts: false,
		isEvalSupported: false,
		// A file cut short is refused, rather than read up to where pdfjs's repair mode gives up.
		stopAtErrors: true,
		verbosity: 0
	});
	let doc;
	try {
		doc = await task.promise;
	} catch (e) {
		await task.destroy();
		throw Object.assign(e instanceof Error ? e : new Error(String(e)), { stage: 'open' });
	}
	try {
		const pages = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			const items = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str.trim() === '') continue;
				const [a, b, , , x, y] = item.transform;
				items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) });
			}
			pages.push({ number: n, width: page.view[2] - page.view[0], items });
			page.cleanup();
		}
		return pages;
	} catch (e) {
		throw Object.assign(e instanceof Error ? e : new Error(String(e)), { stage: e?.stage ?? 'read' });
	} finally {
		await doc.destroy();
	}
}
parentPort.on('message', ({ id, data }) => {
	queue = queue.then(async () => {
		try {
			parentPort.postMessage({ id, ok: true, pages: await extract(data) });
		} catch (e) {
			parentPort.postMessage({ id, ok: false, stage: e?.stage ?? 'read', name: e?.name ?? 'Error', message: e?.message ?? String(e) });
		}
	});
});
`;

/** The worker is let go after this long without work, freeing pdfjs's memory; the next job starts another. */
const IDLE_MS = 30_000;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (pages: PdfPageText[]) => void; reject: (e: Error) => void }>();
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function start(): Worker {
	const pdfjs = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
	const w = new Worker(WORKER, { eval: true, workerData: { pdfjs } });
	w.on('message', (reply: Reply) => {
		const job = pending.get(reply.id);
		if (!job) return;
		pending.delete(reply.id);
		if (reply.ok) job.resolve(reply.pages);
		else job.reject(new PdfjsError(reply.stage, reply.name, reply.message));
		settle();
	});
	const fail = (error: Error) => {
		// A worker let go when idle exits with no jobs; the jobs pending then belong to its successor.
		if (worker !== w) return;
		worker = null;
		for (const job of pending.values())
			job.reject(new PdfjsError('read', 'WorkerError', `the PDF reader stopped (${error.message})`));
		pending.clear();
	};
	w.on('error', fail);
	w.on('exit', (code) => fail(new Error(`exit code ${code}`)));
	return w;
}

/** Keeps the process alive only while a job is pending, and lets the worker go once it has been idle a while. */
function settle(): void {
	if (!worker) return;
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = null;
	if (pending.size) {
		worker.ref();
		return;
	}
	worker.unref();
	const idle = worker;
	idleTimer = setTimeout(() => {
		if (worker === idle && pending.size === 0) {
			worker = null;
			void idle.terminate();
		}
	}, IDLE_MS);
	idleTimer.unref();
}

/** The text items of every page, read by pdfjs in the worker thread. `bytes` stays the caller's. */
export function extractPdfText(bytes: Uint8Array): Promise<PdfPageText[]> {
	worker ??= start();
	const id = nextId++;
	const data = bytes.slice();
	const result = new Promise<PdfPageText[]>((resolve, reject) => pending.set(id, { resolve, reject }));
	worker.postMessage({ id, data }, [data.buffer]);
	settle();
	return result;
}

/** Stops the worker now: a read under way ends as an error naming its file (the server shutting down). */
export async function stopPdfWorker(): Promise<void> {
	await worker?.terminate();
}
