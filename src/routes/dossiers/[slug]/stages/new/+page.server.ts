import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { createEvent, eventCategories, eventForm } from '$lib/server/stages';
import { invalid, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	return { categories: eventCategories };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const form = await readForm(event.request, eventForm);
		if (!form.ok) return invalid(form);
		const created = await createEvent(db(), user.id, dossier.id, form.data);
		redirect(303, `/dossiers/${dossier.slug}/timeline#${encodeURIComponent(created.key)}`);
	}
};
