import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { formOptions, getPositionDetail, updatePosition } from '$lib/server/positions';
import { fieldErrors, positionFormFromRow, positionFormValues, positionInput } from '$lib/positions/input';
import { mayEdit, positionReview } from '$lib/review';

const positionId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	const id = positionId(event.params.id);
	const detail = id === null ? undefined : await getPositionDetail(db(), id);
	if (!detail) error(404, 'There is no such position.');
	const p = detail.position;
	const editable = mayEdit(positionReview, user, p);
	return { detail, editable, options: await formOptions(db(), p.dossierId), values: positionFormFromRow(p) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = positionId(event.params.id);
		if (id === null) error(404, 'There is no such position.');
		const form = await event.request.formData();
		const values = positionFormValues(form);
		const version = Number(form.get('version'));
		const parsed = positionInput.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values, message: 'Please correct the fields marked below.' });
		if (!Number.isInteger(version)) return fail(400, { errors: {}, values, message: 'The form is missing its version; reload the page.' });
		const result = await updatePosition(db(), user, id, version, parsed.data, form.get('intent') === 'submit');
		if (!result.ok) return fail(result.status, { errors: result.errors ?? {}, values, message: result.message });
		redirect(303, `/review/positions/${id}`);
	}
};
