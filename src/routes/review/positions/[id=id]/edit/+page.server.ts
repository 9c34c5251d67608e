import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { formOptions, updatePosition } from '$lib/server/positions';
import { positionFormFromRow, positionFormValues, positionInput } from '$lib/positions/input';
import { mayEdit, positionReview } from '$lib/review';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';
import { parseId } from '$lib/validators';
import { positionOf } from '../position';

export const load: PageServerLoad = async (event) => {
	const { user, detail } = await positionOf(event);
	const p = detail.position;
	const editable = mayEdit(positionReview, user, p);
	return { detail, editable, options: await formOptions(db(), p.dossierId), values: positionFormFromRow(p) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = Number(event.params.id);
		const read = await readForm(event.request, positionInput, { input: positionFormValues });
		if (!read.ok) return invalid(read, { message: 'Please correct the fields marked below.' });
		const version = parseId(String(read.form.get('version') ?? ''));
		if (version === null)
			return refuse(400, read.values, errorFor('form', 'The form is missing its version; reload the page.'), {
				message: 'The form is missing its version; reload the page.'
			});
		const result = await updatePosition(db(), user, id, version, read.data, read.form.get('intent') === 'submit');
		if (!result.ok) return refuse(result.status, read.values, result.errors ?? {}, { message: result.message });
		redirect(303, `/review/positions/${id}`);
	}
};
