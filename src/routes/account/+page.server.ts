import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { changeOwnPassword, passwordField } from '$lib/server/user';
import { setSessionTokenCookie } from '$lib/server/session';

const passwordForm = z
	.object({ current: passwordField.min(1, 'Enter your current password.'), next: passwordField, confirm: passwordField })
	.refine((f) => f.next === f.confirm, { path: ['confirm'], message: 'The two new passwords differ.' });

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'reviewer');
	return { account: user, saved: event.url.searchParams.get('saved') === 'password' };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireRole(event, 'reviewer');
		const parsed = passwordForm.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
		const result = await changeOwnPassword(db(), user.id, parsed.data);
		if (!result.ok) return fail(400, { errors: { [result.field ?? 'next']: [result.message] } as Record<string, string[]> });
		// Every other session of this user has ended; this browser carries on with a fresh one.
		setSessionTokenCookie(event, result.token, result.session.expiresAt);
		redirect(303, '/account?saved=password');
	}
};
