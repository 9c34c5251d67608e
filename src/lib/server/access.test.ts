import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { enforceRouteAccess, routeAccess } from './access';
import type { SessionUser } from './authorization';

const routesDir = path.resolve('src/routes');
const routeFile = /^\+(page(\.server)?\.(ts|js|svelte)|server\.(ts|js))$/;

/** Every route id under src/routes, as SvelteKit names it: the folder path, groups and params included. */
function routeIds(dir = routesDir): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => e.isFile() && routeFile.test(e.name))
		? ['/' + path.relative(routesDir, dir).split(path.sep).join('/')]
		: [];
	return [
		...here.map((id) => (id === '/' ? '/' : id.replace(/\/$/, ''))),
		...entries.filter((e) => e.isDirectory()).flatMap((e) => routeIds(path.join(dir, e.name)))
	];
}

describe('the route table', () => {
	const ids = routeIds();

	it('has an access rule for every page and endpoint under src/routes', () => {
		expect(ids).toContain('/');
		expect(ids).toContain('/admin/users');
		const missing = ids.filter((id) => !(id in routeAccess));
		expect(missing, `add these route ids to routeAccess in src/lib/server/access.ts: ${missing.join(', ')}`).toEqual(
			[]
		);
	});

	it('lists no route that does not exist', () => {
		const stale = Object.keys(routeAccess).filter((id) => !ids.includes(id));
		expect(stale, `remove these from routeAccess: ${stale.join(', ')}`).toEqual([]);
	});
});

const users: Record<'reviewer' | 'editor' | 'admin', SessionUser> = {
	reviewer: { id: 1, email: 'r@example.org', name: 'R', role: 'reviewer' },
	editor: { id: 2, email: 'e@example.org', name: 'E', role: 'editor' },
	admin: { id: 3, email: 'a@example.org', name: 'A', role: 'admin' }
};

function attempt(routeId: string | null, pathname: string, method: string, user: SessionUser | null) {
	const url = new URL(`http://localhost${pathname}`);
	const event = {
		route: { id: routeId },
		url,
		request: new Request(url, { method }),
		locals: { user, sessionId: null }
	} as unknown as RequestEvent;
	try {
		enforceRouteAccess(event);
		return 'pass';
	} catch (e) {
		if (isRedirect(e)) return `redirect ${e.location}`;
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('the route table hook', () => {
	it('lets anyone read public pages and refuses writes to read-only ones', () => {
		expect(attempt('/dossiers/[slug]/timeline', '/dossiers/ai-act/timeline', 'GET', null)).toBe('pass');
		expect(attempt('/dossiers/[slug]/timeline', '/dossiers/ai-act/timeline', 'POST', null)).toBe(405);
		expect(attempt('/dossiers/[slug]/timeline', '/dossiers/ai-act/timeline', 'POST', users.admin)).toBe(405);
		expect(attempt('/login', '/login', 'POST', null)).toBe('pass');
		expect(attempt(null, '/no/such/page', 'GET', null)).toBe('pass');
	});

	it('sends the public to sign in, refuses lower roles with 403 and lets higher ones through', () => {
		expect(attempt('/admin/users', '/admin/users', 'GET', null)).toBe('redirect /login?next=%2Fadmin%2Fusers');
		expect(attempt('/admin/users', '/admin/users', 'POST', null)).toBe(401);
		expect(attempt('/admin/users', '/admin/users', 'GET', users.editor)).toBe(403);
		expect(attempt('/admin/users', '/admin/users', 'POST', users.reviewer)).toBe(403);
		expect(attempt('/admin/users', '/admin/users', 'POST', users.admin)).toBe('pass');
		expect(attempt('/account', '/account', 'GET', users.reviewer)).toBe('pass');
		expect(attempt('/account', '/account', 'GET', users.admin)).toBe('pass');
	});

	it('fails closed for a route missing from the table', () => {
		expect(attempt('/not-in-the-table', '/not-in-the-table', 'GET', users.admin)).toBe(403);
	});
});

describe('requireRole', () => {
	it('fails closed: an unknown role has no rights and is refused everywhere', async () => {
		const { requireRole, hasRole } = await import('./authorization');
		const odd = { id: 9, email: 'odd@example.org', name: 'Odd', role: 'superuser' } as unknown as SessionUser;
		const url = new URL('http://localhost/admin/users');
		const event = { url, request: new Request(url), locals: { user: odd, sessionId: null } } as unknown as RequestEvent;
		for (const role of ['reviewer', 'editor', 'admin'] as const) {
			expect(() => requireRole(event, role)).toThrow();
			expect(hasRole(odd, role)).toBe(false);
		}
		expect(attempt('/admin/users', '/admin/users', 'GET', odd)).toBe(403);
		expect(attempt('/account', '/account', 'GET', { ...odd, role: 'constructor' } as unknown as SessionUser)).toBe(403);
		expect(attempt('/account', '/account', 'GET', users.reviewer)).toBe('pass');
	});
});
