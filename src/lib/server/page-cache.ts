import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/**
 * A rendered anonymous response, kept with the data version it was rendered at. Held as bytes twice
 * (plain and gzip, compressed once when stored) so a hit costs no rendering and no compression.
 */
export interface CachedPage {
	version: number;
	storedAt: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	gzipped: Uint8Array;
	etag: string;
}

/** What a shared cache (a CDN) may do with a public page: keep it a minute, serve it stale while it asks again. */
export const publicCacheControl = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** Responses larger than this are served but not kept. */
const maxEntryBytes = 4 * 1024 * 1024;
/** Pages that say "today" or count days are re-rendered at least this often, writes or not. */
export const maxAgeMs = 5 * 60 * 1000;
// Headers recomputed on every answer, or meaningless on a copy.
const dropped = new Set([
	'content-length',
	'content-encoding',
	'etag',
	'cache-control',
	'vary',
	'date',
	'connection',
	'keep-alive',
	'transfer-encoding'
]);
const cacheableTypes = /^(text\/html|text\/csv|application\/(json|atom\+xml|xml))\b/;

/**
 * What the cache reads of a request: a web `Request`, or the same read from Node's request by the
 * server in front of SvelteKit (`scripts/server.js`), which answers hits before SvelteKit sees them.
 */
export interface CacheRequest {
	method: string;
	/** The full URL, as SvelteKit builds it from ORIGIN and the path asked for. */
	url: string;
	headers: { get(name: string): string | null };
}

/**
 * Whether a request may be answered from the cache, and under which key (its path and query). Only anonymous reads are:
 * a request with the session cookie or an Authorization header always reaches the app, since what
 * it renders may hold internal data.
 */
export function cacheKey(request: CacheRequest, sessionCookieName: string): string | null {
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	if (request.headers.get('authorization') !== null) return null;
	const cookie = request.headers.get('cookie');
	if (cookie && cookie.split(';').some((c) => c.trim().startsWith(`${sessionCookieName}=`))) return null;
	// The request's own URL: SvelteKit's `event.url` drops `/__data.json` and its `x-sveltekit-invalidated`
	// parameter, so a page and its data would share a key.
	const url = new URL(request.url);
	return url.pathname + url.search;
}

/** The cache entry for a response the app rendered, or null when it must not be kept. */
export async function toCachedPage(response: Response, version: number, now = Date.now()): Promise<CachedPage | null> {
	if (response.status !== 200 || response.headers.has('set-cookie')) return null;
	if (/private|no-store|no-cache/.test(response.headers.get('cache-control') ?? '')) return null;
	if (!cacheableTypes.test(response.headers.get('content-type') ?? '')) return null;
	const length = Number(response.headers.get('content-length') ?? 0);
	if (length > maxEntryBytes) return null;
	const body = new Uint8Array(await response.clone().arrayBuffer());
	if (body.byteLength > maxEntryBytes) return null;
	const headers = [...response.headers].filter(([name]) => !dropped.has(name));
	const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
	return { version, storedAt: now, status: response.status, headers, body, gzipped: await gzip(body), etag };
}

/**
 * Where the app leaves its `(request: CacheRequest) => Promise<CachedAnswer | null>` for the server in
 * front of SvelteKit (`scripts/server.js`): that server loads the build, so it cannot import our modules.
 */
export const answerFromCacheKey = Symbol.for('trilogue.answerFromCache');

/** An answer from the cache, as plain parts: Node's server writes them directly, SvelteKit wraps them in a Response. */
export interface CachedAnswer {
	status: number;
	headers: Headers;
	body: Uint8Array | null;
}

/**
 * How an answer came about, in its `X-Page-Cache` header: rendered for this request and kept (`miss`), a
 * kept render answered by the app's handle (`hit`), or by the server in front of SvelteKit (`hit-front`).
 */
export type CacheSource = 'miss' | 'hit' | 'hit-front';

/** The answer to `request` from a cache entry: 304 when the client holds these bytes, gzip when accepted. */
export function cachedAnswer(page: CachedPage, request: CacheRequest, source: CacheSource): CachedAnswer {
	const headers = new Headers(page.headers);
	headers.set('etag', page.etag);
	headers.set('cache-control', publicCacheControl);
	headers.set('vary', 'Accept-Encoding, Cookie');
	headers.set('x-page-cache', source);
	if (matchesEtag(request.headers.get('if-none-match'), page.etag)) return { status: 304, headers, body: null };
	const zipped = acceptsGzip(request.headers.get('accept-encoding'));
	const body = zipped ? page.gzipped : page.body;
	if (zipped) headers.set('content-encoding', 'gzip');
	headers.set('content-length', String(body.byteLength));
	return { status: page.status, headers, body: request.method === 'HEAD' ? null : body };
}

/** `cachedAnswer` as the Response a SvelteKit handle returns. */
export function respondFromCache(page: CachedPage, request: CacheRequest, source: CacheSource): Response {
	const { status, headers, body } = cachedAnswer(page, request, source);
	return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
}

/** `If-None-Match` compared weakly (RFC 9110 §13.1.2): the same bytes under either encoding match. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function acceptsGzip(acceptEncoding: string | null): boolean {
	if (!acceptEncoding) return false;
	return acceptEncoding.split(',').some((part) => {
		const [coding, ...params] = part.trim().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
	});
}

/**
 * Rendered pages by key, least recently used dropped first once `maxBytes` is held. Entries rendered at
 * an older data version, or older than `maxAgeMs`, count as absent. Renders of one key at one version
 * are shared: a crowd arriving after a write costs one render, not one each.
 */
export class PageCache {
	#entries = new Map<string, CachedPage>();
	#rendering = new Map<string, Promise<CachedPage | null>>();
	#bytes = 0;
	constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

	get(key: string, version: number, now = Date.now()): CachedPage | undefined {
		const page = this.#entries.get(key);
		if (!page) return undefined;
		if (page.version !== version || now - page.storedAt > maxAgeMs) {
			this.#delete(key);
			return undefined;
		}
		this.#entries.delete(key); // re-insert: Map order is the recency order
		this.#entries.set(key, page);
		return page;
	}

	/** The page for `key` at `version`: from the cache, else rendered once however many ask at the same time. */
	async getOrRender(
		key: string,
		version: number,
		render: () => Promise<CachedPage | null>
	): Promise<CachedPage | null> {
		const cached = this.get(key, version);
		if (cached) return cached;
		const flight = `${version} ${key}`;
		let rendering = this.#rendering.get(flight);
		if (!rendering) {
			rendering = render()
				.then((page) => (page && this.#set(key, page), page))
				.finally(() => this.#rendering.delete(flight));
			this.#rendering.set(flight, rendering);
		}
		return rendering;
	}

	get size() {
		return { entries: this.#entries.size, bytes: this.#bytes };
	}

	clear() {
		this.#entries.clear();
		this.#bytes = 0;
	}

	#set(key: string, page: CachedPage) {
		this.#delete(key);
		this.#entries.set(key, page);
		this.#bytes += weight(page);
		for (const [oldest] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#delete(oldest);
		}
	}

	#delete(key: string) {
		const page = this.#entries.get(key);
		if (!page) return;
		this.#entries.delete(key);
		this.#bytes -= weight(page);
	}
}

const weight = (page: CachedPage) => page.body.byteLength + page.gzipped.byteLength;
