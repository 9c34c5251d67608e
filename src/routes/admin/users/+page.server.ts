import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Action, Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { changeUser, createUser, emailField, listUsers, passwordField, roleField } from '$lib/server/user';
import { errorFor, invalid, readForm, refuse, type FormValues } from '$lib/server/forms';
import { idField, parseId } from '$lib/validators';

const createForm = z.object({
	email: emailField,
	name: z.string().trim().max(200, 'Use at most 200 characters.'),
	role: roleField,
	password: passwordField
});
const userId = idField;
/** The acting admin's own password, asked again for every change that could take over or shut out an account. */
const adminPassword = passwordField.default('');
const roleForm = z.object({ userId, role: roleField, adminPassword });
const activeForm = z.object({
	userId,
	active: z.enum(['true', 'false']).transform((v) => v === 'true'),
	adminPassword
});
const passwordForm = z.object({ userId, password: passwordField, adminPassword });

const savedMessages = {
	created: 'The account was created.',
	role: 'The role was changed; that user was signed out everywhere.',
	active: 'The account was updated; that user was signed out everywhere.',
	password: 'The password was set; that user was signed out everywhere.'
} as const;

export const load: PageServerLoad = async (event) => {
	const me = requireRole(event, 'admin');
	const saved = event.url.searchParams.get('saved');
	// Own keys only: `?saved=constructor` must not reach Object.prototype.
	const message =
		saved && Object.hasOwn(savedMessages, saved) ? savedMessages[saved as keyof typeof savedMessages] : null;
	return { users: await listUsers(db()), me: me.id, saved: message };
};

/** A refused change to one user's row, shown next to that row: the one error shape, the row named beside it. */
function rowFailure(form: string, values: FormValues, message: string) {
	return refuse(400, values, errorFor('form', message), { form, userId: parseId(values.userId) });
}

/**
 * An action changing another user's row (role, active, password): the form read, the change confirmed with the
 * admin's own password, a refusal shown next to that row, and the saved notice after the redirect.
 */
function rowChange<S extends z.ZodType<{ userId: number; adminPassword: string }>>(
	name: keyof typeof savedMessages,
	schema: S,
	unreadable: string,
	change: (data: z.output<S>) => Parameters<typeof changeUser>[3]
): Action {
	return async (event) => {
		const admin = requireRole(event, 'admin');
		const read = await readForm(event.request, schema);
		if (!read.ok) return rowFailure(name, read.values, unreadable);
		const confirmation = { password: read.data.adminPassword, address: event.getClientAddress() };
		const result = await changeUser(db(), admin, read.data.userId, change(read.data), confirmation);
		if (!result.ok) return rowFailure(name, read.values, result.message);
		redirect(303, `/admin/users?saved=${name}`);
	};
}

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const read = await readForm(event.request, createForm);
		if (!read.ok) return invalid(read, { form: 'create' });
		const result = await createUser(db(), read.data, admin.id);
		if (!result.ok)
			return refuse(400, read.values, errorFor(result.field ?? 'email', result.message), { form: 'create' });
		redirect(303, '/admin/users?saved=created');
	},
	role: rowChange('role', roleForm, 'Choose a role.', (d) => ({ role: d.role })),
	active: rowChange('active', activeForm, 'That request was not understood.', (d) => ({ active: d.active })),
	password: rowChange('password', passwordForm, 'Enter a new password.', (d) => ({ password: d.password }))
};
