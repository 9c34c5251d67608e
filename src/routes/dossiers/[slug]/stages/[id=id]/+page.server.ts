import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { eventCategories, eventForm, eventFormValues, getEvent, updateEvent } from '$lib/server/stages';
import { invalid, readForm, refuse } from '$lib/server/forms';

async function findEvent(event: RequestEvent<{ slug: string; id: string }>) {
	const dossier = await dossierOf(event);
	const found = await getEvent(db(), dossier.id, Number(event.params.id));
	if (!found) error(404, 'There is no such stage or event.');
	return { dossier, found };
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const { found } = await findEvent(event);
	return {
		entry: { id: found.id, key: found.key, title: found.title },
		values: eventFormValues(found),
		categories: eventCategories
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const { dossier, found } = await findEvent(event);
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
