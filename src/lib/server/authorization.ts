import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from './db/schema';

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
}

/** Each role can do everything the roles before it can. */
const rank: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };

/**
 * Fails closed: a role missing from `rank` (a typo, a row written around the CHECK constraint) has no
 * rank and so no rights, and neither does asking for an unknown role.
 */
function outranks(have: string, need: string): boolean {
	const a = Object.hasOwn(rank, have) ? rank[have as Role] : undefined;
	const b = Object.hasOwn(rank, need) ? rank[need as Role] : undefined;
	return a !== undefined && b !== undefined && a >= b;
}

export function hasRole(user: SessionUser | null, role: Role): user is SessionUser {
	return !!user && outranks(user.role, role);
}

/**
 * The one authorization check, called by every load, form action and endpoint that needs a role.
 * The public (no session) is sent to sign in for pages and gets 401 for API calls and form posts;
 * a signed-in user without the role gets 403.
 */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>, role: Role): SessionUser {
	const { user } = event.locals;
	if (!user) {
		const isPage = event.request.method === 'GET' && !event.url.pathname.startsWith('/api/');
		if (isPage) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		error(401, 'Please sign in.');
	}
	if (!outranks(user.role, role)) error(403, `This needs the ${role} role; you are signed in as ${user.role}.`);
	return user;
}

/** Whether the current visitor may see internal (unpublished) content: reviewers and above. */
export function canSeeInternal(locals: App.Locals): boolean {
	return hasRole(locals.user, 'reviewer');
}

/**
 * Who is looking, for every query that hides unpublished content: coalition members (reviewers and
 * above) see internal records and notes; the public sees what is public, and of reviewed records only
 * what another member approved.
 */
export interface Viewer {
	userId: number | null;
	canSeeInternal: boolean;
}

export const PUBLIC_VIEWER: Viewer = { userId: null, canSeeInternal: false };

/** The viewer behind a request: `viewerOf(locals.user, canSeeInternal(locals))`. */
export function viewerOf(user: { id: number } | null, canSeeInternal: boolean): Viewer {
	return { userId: user?.id ?? null, canSeeInternal };
}
