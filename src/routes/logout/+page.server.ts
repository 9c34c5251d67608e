import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { deleteSessionTokenCookie, invalidateSession } from '$lib/server/session';

/** GET shows a sign-out button (sign-out is a POST, so a link or an image cannot sign anyone out). */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	// Open to everyone: signing out without a session just clears the cookie.
	default: async (event) => {
		const { user, sessionId } = event.locals;
		if (user && sessionId) {
			await db().transaction(async (tx) => {
				await invalidateSession(tx, sessionId);
				await audit(tx, { userId: user.id, action: 'auth.sign_out', entityType: 'user', entityId: user.id });
			});
		}
		deleteSessionTokenCookie(event);
		redirect(303, '/');
	}
};
