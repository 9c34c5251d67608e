import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { eventCategories, eventForm, eventFormValues, getEvent, updateEvent } from '$lib/server/stages';
import { invalid, readForm, refuse, savedMeanwhile, versionLost, versionOf } from '$lib/server/forms';

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
		if (!form.ok) return invalid(form, { conflict: null });
		const version = versionOf(form.form);
		if (version === null) return refuse(400, form.values, versionLost, { conflict: null });
		const saved = await updateEvent(db(), user.id, found, version, form.data);
		if (!saved) error(404, 'There is no such stage or event.');
		// Saved by someone else since this editor opened the form: keep their text, show both.
		if (!saved.ok)
			return savedMeanwhile(form.values, { ...saved.conflict, record: eventFormValues(saved.conflict.record) });
		redirect(
			303,
			saved.event.visibility === 'public'
				? `/dossiers/${dossier.slug}/timeline#${encodeURIComponent(saved.event.key)}`
				: `/dossiers/${dossier.slug}/timeline`
		);
	}
};
