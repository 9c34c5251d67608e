// The HTTP server `npm start` runs in each worker: adapter-node's handler (`<build>/handler.js`, the
// documented way to run the build in a server of one's own) behind a fast path for the page cache.
//
// Why not `node build`: a page-cache hit costs little inside SvelteKit, but reaching it does not (a web
// Request built from Node's request, routing, the hook sequence, the Response streamed back), which on
// small pages (the API, the feed) left the built server at 3-4.5 times the time of a bare Node server
// sending the same bytes. Here a hit is answered from the cache before any of that; a miss, a member's
// request or a write goes to SvelteKit as before.
//
// It keeps what `node build` does that this app uses: HOST, PORT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT,
// SHUTDOWN_TIMEOUT, and on SIGINT/SIGTERM a graceful close followed by the `sveltekit:shutdown` event
// (the app closes its database on it). Socket activation and SOCKET_PATH are not supported: use
// `node build` for those.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const buildDir = path.resolve(process.env.TRILOGUE_BUILD ?? 'build');
// Importing the handler runs the app's `init` hook: the database is open (and seeded) before we listen.
const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);
/** @type {((request: { method: string; url: string; headers: { get(name: string): string | null } }) => Promise<{ status: number; headers: Headers; body: Uint8Array | null } | null>) | undefined} */
const answerFromCache = globalThis[Symbol.for('trilogue.answerFromCache')];
/** @type {Record<string, string>} The security headers, for the static files adapter-node serves without the hooks. */
const staticFileHeaders = globalThis[Symbol.for('trilogue.staticFileHeaders')] ?? {};
// The app refuses to start without ORIGIN (its `init` hook), so it is set here; SvelteKit builds its
// request URLs from it in the same way.
const origin = process.env.ORIGIN?.replace(/\/$/, '') ?? '';
/** Set once shutting down: the timer that closes what is still open. */
let closing;

/** @param {http.IncomingMessage} req */
const headersOf = (req) => ({
	get(name) {
		const value = req.headers[name];
		return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
	}
});

const notFound = (_req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
async function respond(req, res) {
	if (closing) res.setHeader('connection', 'close'); // shutting down: no further requests on this connection
	if (answerFromCache && (req.method === 'GET' || req.method === 'HEAD')) {
		try {
			const answer = await answerFromCache({ method: req.method, url: origin + req.url, headers: headersOf(req) });
			if (answer) {
				res.writeHead(answer.status, Object.fromEntries(answer.headers));
				res.end(answer.body ?? undefined);
				return;
			}
		} catch (error) {
			// The cache is an optimisation: whatever went wrong there, SvelteKit answers.
			console.error('The page cache could not answer; SvelteKit will.', error);
		}
	}
	// SvelteKit's own answers set these again (with the page's policy); a static file keeps them.
	for (const [name, value] of Object.entries(staticFileHeaders)) res.setHeader(name, value);
	handler(req, res, () => notFound(req, res));
}

const server = http.createServer((req, res) => void respond(req, res));
const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);
if (seconds('KEEP_ALIVE_TIMEOUT') !== undefined) server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT');
if (seconds('HEADERS_TIMEOUT') !== undefined) server.headersTimeout = seconds('HEADERS_TIMEOUT');

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

function shutdown(reason) {
	if (closing) return;
	// Keep-alive connections would hold close() open until they time out.
	server.closeIdleConnections();
	server.close(() => {
		clearTimeout(closing);
		process.emit('sveltekit:shutdown', reason);
	});
	closing = setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT') ?? 30_000);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
