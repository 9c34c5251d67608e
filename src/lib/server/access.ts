import type { Role } from './db/schema';

/** Who may read (GET/HEAD) and who may write (any other method) under a route. */
export interface RouteAccess {
	read: 'public' | Role;
	write?: Role;
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
	'/dossiers/[slug]/provisions/[eid]': { read: 'public' }
};
