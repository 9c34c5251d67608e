import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { changeOwnPassword, passwordField } from '$lib/server/user';
import { setSessionTokenCookie } from '$lib/server/session';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';

const passwordForm = z
	.object({
		current: passwordField.min(1, 'Enter your current password.'),
		next: passwordField,
		confirm: passwordField
	})
	.refine((f) => f.next === f.confirm, { path: ['confirm'], message: 'The two new passwords differ.' });

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'reviewer');
	return { account: user, saved: event.url.searchParams.get('saved') === 'password' };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireRole(event, 'reviewer');
		// Every field is a password: nothing is echoed back.
		const read = await readForm(event.request, passwordForm, { secret: ['current', 'next', 'confirm'] });
		if (!read.ok) return invalid(read);
		const result = await changeOwnPassword(db(), user.id, read.data);
		if (!result.ok) return refuse(400, read.values, errorFor(result.field ?? 'next', result.message));
		// Every other session of this user has ended; this browser carries on with a fresh one.
		setSessionTokenCookie(event, result.token, result.session.expiresAt);
		redirect(303, '/account?saved=password');
	}
};
