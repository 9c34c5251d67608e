import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
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

const confirmation = (event: { getClientAddress(): string }, password: string) => ({
	password,
	address: event.getClientAddress()
});

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
	role: async (event) => {
		const admin = requireRole(event, 'admin');
		const read = await readForm(event.request, roleForm);
		if (!read.ok) return rowFailure('role', read.values, 'Choose a role.');
		const result = await changeUser(
			db(),
			admin,
			read.data.userId,
			{ role: read.data.role },
			confirmation(event, read.data.adminPassword)
		);
		if (!result.ok) return rowFailure('role', read.values, result.message);
		redirect(303, '/admin/users?saved=role');
	},
	active: async (event) => {
		const admin = requireRole(event, 'admin');
		const read = await readForm(event.request, activeForm);
		if (!read.ok) return rowFailure('active', read.values, 'That request was not understood.');
		const result = await changeUser(
			db(),
			admin,
			read.data.userId,
			{ active: read.data.active },
			confirmation(event, read.data.adminPassword)
		);
		if (!result.ok) return rowFailure('active', read.values, result.message);
		redirect(303, '/admin/users?saved=active');
	},
	password: async (event) => {
		const admin = requireRole(event, 'admin');
		const read = await readForm(event.request, passwordForm);
		if (!read.ok) return rowFailure('password', read.values, 'Enter a new password.');
		const result = await changeUser(
			db(),
			admin,
			read.data.userId,
			{ password: read.data.password },
			confirmation(event, read.data.adminPassword)
		);
		if (!result.ok) return rowFailure('password', read.values, result.message);
		redirect(303, '/admin/users?saved=password');
	}
};
