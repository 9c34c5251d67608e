import { error, type RequestEvent } from '@sveltejs/kit';
import type { Role } from './db/schema';
import { requireRole } from './authorization';

/** Who may read (GET/HEAD) and who may write (any other method) under a route. */
export interface RouteAccess {
	read: 'public' | Role;
	/** 'public' only for forms anyone may post (sign-in, sign-out). */
	write?: 'public' | Role;
}

/**
 * The coarse route table, checked by a hook before any load or action runs: the second layer of
 * authorization (the first is `requireRole()` in every load, action and endpoint).
 * Every route id under src/routes must be listed here; a test fails when one is missing.
 * Public pages with no form actions need no `write`: any POST to them is refused.
 */
export const routeAccess: Record<string, RouteAccess> = {
	'/': { read: 'public' },
	'/dossiers/[slug]': { read: 'public' },
	'/dossiers/[slug]/timeline': { read: 'public' },
	'/dossiers/[slug]/provisions': { read: 'public' },
	'/dossiers/[slug]/provisions/[eid=eid]': { read: 'public' },
	// Comparisons and lineage. The own-text comparison posts the texts (too long for a URL) and stores nothing.
	'/dossiers/[slug]/compare': { read: 'public' },
	'/dossiers/[slug]/compare/provisions/[eid=eid]': { read: 'public' },
	'/dossiers/[slug]/compare/articles/[eid=eid]': { read: 'public' },
	'/dossiers/[slug]/compare/documents': { read: 'public' },
	'/dossiers/[slug]/compare/text': { read: 'public', write: 'public' },
	'/dossiers/[slug]/provisions/[eid=eid]/lineage': { read: 'public', write: 'editor' },
	// One provision through the Council presidencies' compromise texts.
	'/dossiers/[slug]/provisions/[eid=eid]/council': { read: 'public' },
	'/dossiers/[slug]/charts': { read: 'public' },
	'/dossiers/[slug]/charts/scores': { read: 'editor', write: 'editor' },
	// A dossier's ban criteria and topics: what its texts are scored against and its positions recorded on.
	'/dossiers/[slug]/charts/criteria': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/positions/topics': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/feed.atom': { read: 'public' },
	'/dossiers/[slug]/provisions/[eid=eid]/feed.atom': { read: 'public' },
	'/dossiers/[slug]/positions/[country]/feed.atom': { read: 'public' },
	'/dossiers/[slug]/positions': { read: 'public' },
	'/dossiers/[slug]/positions/map': { read: 'public' },
	'/dossiers/[slug]/positions/[country]': { read: 'public' },
	'/review': { read: 'reviewer' },
	'/review/positions/new': { read: 'reviewer', write: 'reviewer' },
	'/review/positions/[id=id]': { read: 'reviewer', write: 'reviewer' },
	'/review/positions/[id=id]/edit': { read: 'reviewer', write: 'reviewer' },
	'/dossiers/[slug]/stages/new': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/stages/[id=id]': { read: 'editor', write: 'editor' },
	'/following': { read: 'reviewer', write: 'reviewer' },
	'/login': { read: 'public', write: 'public' },
	'/logout': { read: 'public', write: 'public' },
	'/account': { read: 'reviewer', write: 'reviewer' },
	'/admin/users': { read: 'admin', write: 'admin' },
	// Admins open a dossier of their own.
	'/admin/dossiers': { read: 'admin', write: 'admin' },
	// Amendments: reading public amendments is public; reviewers comment and assess on the
	// amendment page (its status action needs an editor, checked in the action); editors create, edit, import.
	'/dossiers/[slug]/amendments': { read: 'public' },
	'/dossiers/[slug]/amendments/[id=id]': { read: 'public', write: 'reviewer' },
	'/dossiers/[slug]/amendments/[id=id]/edit': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/amendments/new': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/amendments/import': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/documents/import': { read: 'editor', write: 'editor' },
	'/dossiers/[slug]/amendments/export.csv': { read: 'public' },
	'/dossiers/[slug]/amendments/export.json': { read: 'public' },
	'/api/dossiers/[slug]/amendments': { read: 'public' },
	'/api/dossiers/[slug]/amendments/[id]': { read: 'public' },
	// Who tabled what: groups, committees and Members, each with their amendments (public ones for the public).
	'/dossiers/[slug]/actors': { read: 'public' },
	'/dossiers/[slug]/actors/[actor]': { read: 'public' }
};

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The hook's check of the route table: returns when the request may go on, otherwise throws what
 * `requireRole` throws (a redirect to sign in for the public's page views, 401, 403), or 405 for a
 * write to a read-only route. A route missing from the table is refused: the table fails closed.
 */
export function enforceRouteAccess(event: Pick<RequestEvent, 'locals' | 'url' | 'request' | 'route'>): void {
	const id = event.route.id;
	if (id === null) return; // no route: SvelteKit answers 404
	const rule = routeAccess[id];
	if (!rule) error(403, 'This page has no access rule yet.');
	const needed = readMethods.has(event.request.method) ? rule.read : rule.write;
	if (needed === undefined) error(405, 'This page cannot be changed.');
	if (needed !== 'public') requireRole(event, needed);
}
