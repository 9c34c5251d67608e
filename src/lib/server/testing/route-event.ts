import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type { SessionUser } from '../authorization';

/**
 * Route modules for tests that drive the real loads, actions and endpoints in-process.
 * Keys are Vite paths ('/src/routes/admin/users/+page.server.ts').
 */
export const pageServerModules = import.meta.glob<Record<string, unknown>>('/src/routes/**/+page.server.ts');
export const layoutServerModules = import.meta.glob<Record<string, unknown>>('/src/routes/**/+layout.server.ts');
export const endpointModules = import.meta.glob<Record<string, unknown>>('/src/routes/**/+server.ts');

/** The file of a route id: '/dossiers/[slug]' + '+page.server.ts' → '/src/routes/dossiers/[slug]/+page.server.ts'. */
export function routeFile(routeId: string, file: string): string {
	return `/src/routes${routeId === '/' ? '' : routeId}/${file}`;
}

/** The URL path of a route id with its params filled in (groups dropped). */
export function routePath(routeId: string, params: Record<string, string>): string {
	const filled = routeId
		.replace(/\[\[?(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]?\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
		.replace(/\/\([^)]+\)/g, '');
	return filled || '/';
}

function memoryCookies(): Cookies {
	const jar = new Map<string, string>();
	return {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: (name, value) => `${name}=${value}`
	};
}

export interface EventInit {
	routeId: string;
	params?: Record<string, string>;
	user: SessionUser | null;
	method?: string;
	/** Query string including '?', e.g. '?/create' for a named form action. */
	search?: string;
	body?: BodyInit;
	headers?: Record<string, string>;
}

/** A RequestEvent good enough for loads, actions and endpoints, with `locals.user` set as the hook would. */
export function requestEvent(init: EventInit): RequestEvent {
	const params = init.params ?? {};
	const url = new URL(`http://localhost${routePath(init.routeId, params)}${init.search ?? ''}`);
	const method = init.method ?? 'GET';
	const request = new Request(url, {
		method,
		body: method === 'GET' ? undefined : init.body,
		headers: { origin: url.origin, ...init.headers }
	});
	return {
		request,
		url,
		params,
		route: { id: init.routeId },
		locals: { user: init.user, sessionId: init.user ? 'test-session' : null },
		cookies: memoryCookies(),
		fetch,
		getClientAddress: () => '192.0.2.1',
		platform: undefined,
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: undefined, current: undefined }
	} as unknown as RequestEvent;
}

export function formBody(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
	return form;
}

export type Outcome =
	| { kind: 'ok'; status: number; body?: unknown }
	| { kind: 'fail'; status: number; data: unknown }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; message: string };

/** Runs a load, action or handler and says how it ended, the way SvelteKit would answer. */
export async function outcomeOf(run: () => unknown): Promise<Outcome> {
	try {
		const result = await run();
		if (isActionFailure(result)) return { kind: 'fail', status: result.status, data: result.data };
		if (result instanceof Response) {
			const body = await result.text();
			return result.status < 400
				? { kind: 'ok', status: result.status, body }
				: { kind: 'error', status: result.status, message: body };
		}
		return { kind: 'ok', status: 200, body: result };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status, message: e.body.message };
		throw e;
	}
}

/**
 * Runs a page's server loads as SvelteKit would: the layouts from the root down, each given its parents' data
 * through `parent()`, then the page's own. Ends at the first load that does not succeed; otherwise the data of
 * all of them merged.
 */
export async function loadPage(init: EventInit): Promise<Outcome> {
	const pageLoad = pageServerModules[routeFile(init.routeId, '+page.server.ts')];
	if (!pageLoad) throw new Error(`${init.routeId} has no page load`);
	const segments = init.routeId === '/' ? [''] : init.routeId.split('/');
	const chain = segments
		.map((_, i) => layoutServerModules[routeFile(segments.slice(0, i + 1).join('/') || '/', '+layout.server.ts')])
		.filter(Boolean);
	let data: Record<string, unknown> = {};
	for (const module of [...chain, pageLoad]) {
		const fn = (await module()).load as ((e: unknown) => unknown) | undefined;
		if (!fn) continue;
		const parentData = data;
		const event = {
			...requestEvent(init),
			parent: async () => parentData,
			depends: () => {},
			untrack: <T>(f: () => T) => f()
		};
		const outcome = await outcomeOf(() => fn(event));
		if (outcome.kind !== 'ok') return outcome;
		data = { ...data, ...(outcome.body as object) };
	}
	return { kind: 'ok', status: 200, body: data };
}

/** Runs the page's form action `action` as SvelteKit would: a POST to `?/action` with `fields` as its form. */
export async function runAction(
	init: Omit<EventInit, 'method' | 'search' | 'body'>,
	action: string,
	fields: Record<string, string | string[]>
): Promise<Outcome> {
	const module = pageServerModules[routeFile(init.routeId, '+page.server.ts')];
	if (!module) throw new Error(`${init.routeId} has no page server module`);
	const run = ((await module()).actions as Record<string, (e: unknown) => unknown> | undefined)?.[action];
	if (!run) throw new Error(`${init.routeId} has no action ${action}`);
	return outcomeOf(() => run(requestEvent({ ...init, method: 'POST', search: `?/${action}`, body: formBody(fields) })));
}
