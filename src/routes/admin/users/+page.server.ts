import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { changeUser, createUser, emailField, listUsers, passwordField, roleField } from '$lib/server/user';

const createForm = z.object({
	email: emailField,
	name: z.string().trim().max(200, 'Use at most 200 characters.'),
	role: roleField,
	password: passwordField
});
const userId = z.coerce.number().int().positive();
/** The acting admin's own password, asked again for every change that could take over or shut out an account. */
const adminPassword = passwordField.default('');
const roleForm = z.object({ userId, role: roleField, adminPassword });
const activeForm = z.object({ userId, active: z.enum(['true', 'false']).transform((v) => v === 'true'), adminPassword });
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
	const message = saved && Object.hasOwn(savedMessages, saved) ? savedMessages[saved as keyof typeof savedMessages] : null;
	return { users: await listUsers(db()), me: me.id, saved: message };
};

async function formValues(request: Request): Promise<Record<string, FormDataEntryValue>> {
	return Object.fromEntries(await request.formData());
}

/** A refused change to one user's row, shown next to that row. */
function rowFailure(form: string, id: unknown, message: string) {
	return fail(400, { form, userId: Number(id) || null, message });
}

const confirmation = (event: { getClientAddress(): string }, password: string) => ({ password, address: event.getClientAddress() });

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const values = await formValues(event.request);
		const parsed = createForm.safeParse(values);
		const echo = { email: String(values.email ?? ''), name: String(values.name ?? ''), role: String(values.role ?? '') };
		if (!parsed.success) return fail(400, { form: 'create', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: echo });
		const result = await createUser(db(), parsed.data, admin.id);
		if (!result.ok) return fail(400, { form: 'create', errors: { [result.field ?? 'email']: [result.message] } as Record<string, string[]>, values: echo });
		redirect(303, '/admin/users?saved=created');
	},
	role: async (event) => {
		const admin = requireRole(event, 'admin');
		const values = await formValues(event.request);
		const parsed = roleForm.safeParse(values);
		if (!parsed.success) return rowFailure('role', values.userId, 'Choose a role.');
		const result = await changeUser(db(), admin, parsed.data.userId, { role: parsed.data.role }, confirmation(event, parsed.data.adminPassword));
		if (!result.ok) return rowFailure('role', values.userId, result.message);
		redirect(303, '/admin/users?saved=role');
	},
	active: async (event) => {
		const admin = requireRole(event, 'admin');
		const values = await formValues(event.request);
		const parsed = activeForm.safeParse(values);
		if (!parsed.success) return rowFailure('active', values.userId, 'That request was not understood.');
		const result = await changeUser(db(), admin, parsed.data.userId, { active: parsed.data.active }, confirmation(event, parsed.data.adminPassword));
		if (!result.ok) return rowFailure('active', values.userId, result.message);
		redirect(303, '/admin/users?saved=active');
	},
	password: async (event) => {
		const admin = requireRole(event, 'admin');
		const values = await formValues(event.request);
		const parsed = passwordForm.safeParse(values);
		if (!parsed.success) return rowFailure('password', values.userId, 'Enter a new password.');
		const result = await changeUser(db(), admin, parsed.data.userId, { password: parsed.data.password }, confirmation(event, parsed.data.adminPassword));
		if (!result.ok) return rowFailure('password', values.userId, result.message);
		redirect(303, '/admin/users?saved=password');
	}
};
