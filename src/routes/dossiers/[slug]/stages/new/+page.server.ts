import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { getDossier } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { createEvent, eventCategories, readEventForm } from '$lib/server/stages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	return { categories: eventCategories };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await getDossier(db(), event.params.slug);
		if (!dossier) error(404, 'There is no such dossier.');
		const form = await readEventForm(event.request);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const created = await createEvent(db(), user.id, dossier.id, form.data);
		redirect(303, `/dossiers/${dossier.slug}/timeline#${encodeURIComponent(created.key)}`);
	}
};
