import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { passwordField, signIn } from '$lib/server/user';
import { setSessionTokenCookie } from '$lib/server/session';
import { safeNextPath } from './next';
import { errorFor, readForm, refuse } from '$lib/server/forms';

const signInForm = z.object({
	email: z.string().trim().toLowerCase().min(1).max(254),
	password: passwordField.min(1)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		// One message for the whole form (which field was wrong is not said), and the email typed again.
		const parsed = await readForm(event.request, signInForm);
		const refused = (message: string) => refuse(400, parsed.values, errorFor('form', message));
		if (!parsed.ok) return refused('Enter your email address and your password.');
		// A browser that already holds a session gives it up: one sign-in, one session.
		const result = await signIn(db(), {
			...parsed.data,
			address: event.getClientAddress(),
			replacesSessionId: event.locals.sessionId
		});
		if (result.kind === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			error(429, `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
		}
		// One message for an unknown email, a wrong password and a deactivated account.
		if (result.kind === 'refused') return refused('Wrong email address or password.');
		setSessionTokenCookie(event, result.token, result.session.expiresAt);
		redirect(303, safeNextPath(event.url.searchParams.get('next')));
	}
};
