import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { getDossier } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { eventCategories, eventForm, eventFormValues, getEvent, updateEvent } from '$lib/server/stages';
import { invalid, readForm, refuse } from '$lib/server/forms';

async function findEvent(params: { slug: string; id: string }) {
	const dossier = await getDossier(db(), params.slug);
	if (!dossier) error(404, 'There is no such dossier.');
	const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : NaN;
	const found = Number.isNaN(id) ? undefined : await getEvent(db(), dossier.id, id);
	if (!found) error(404, 'There is no such stage or event.');
	return { dossier, found };
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const { found } = await findEvent(event.params);
	return {
		entry: { id: found.id, key: found.key, title: found.title },
		values: eventFormValues(found),
		categories: eventCategories
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const { dossier, found } = await findEvent(event.params);
		const form = await readForm(event.request, eventForm);
		if (!form.ok) return invalid(form);
		// Saved by someone else since this editor opened the form: keep their text, show both.
		const stale = () =>
			refuse(409, { ...form.values, editedFrom: found.updatedAt.toISOString() }, {}, { newer: eventFormValues(found) });
		if (form.values.editedFrom && form.values.editedFrom !== found.updatedAt.toISOString()) return stale();
		const updated = await updateEvent(db(), user.id, found, form.data);
		if (!updated) return stale();
		redirect(
			303,
			updated.visibility === 'public'
				? `/dossiers/${dossier.slug}/timeline#${encodeURIComponent(updated.key)}`
				: `/dossiers/${dossier.slug}/timeline`
		);
	}
};
