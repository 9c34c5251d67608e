import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { getDossier, listDossiers } from '$lib/server/dossiers';
import { createPosition, formOptions, getActor } from '$lib/server/positions';
import { emptyPositionForm, positionFormValues, positionInput } from '$lib/positions/input';
import { invalid, readForm, refuse } from '$lib/server/forms';
import { isSlug } from '$lib/validators';

/** The dossier named by `?dossier=slug`, else the first one (the only one, on most installations). */
async function loadDossier(url: URL) {
	const slug = url.searchParams.get('dossier');
	const dossier = slug ? await getDossier(db(), slug) : (await listDossiers(db()))[0];
	if (!dossier) error(404, slug ? `There is no dossier called “${slug.slice(0, 80)}”.` : 'There is no dossier yet.');
	return dossier;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'reviewer');
	const dossier = await loadDossier(event.url);
	const options = await formOptions(db(), dossier.id);
	// Prefill from a link such as ?actor=italy&topic=post-rbi (from a country page or a matrix cell).
	const actorSlug = event.url.searchParams.get('actor');
	const actor = actorSlug && isSlug(actorSlug) ? await getActor(db(), actorSlug) : undefined;
	const topic = options.topics.find((t) => t.slug === event.url.searchParams.get('topic'));
	return { dossier, options, values: emptyPositionForm(actor ? String(actor.id) : '', topic ? String(topic.id) : '') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'reviewer');
		const dossier = await loadDossier(event.url);
		const read = await readForm(event.request, positionInput, { input: positionFormValues });
		if (!read.ok) return invalid(read, { message: 'Please correct the fields marked below.' });
		const result = await createPosition(db(), user, dossier.id, read.data, read.form.get('intent') === 'submit');
		if (!result.ok) return refuse(result.status, read.values, result.errors ?? {}, { message: result.message });
		redirect(303, `/review/positions/${result.id}`);
	}
};
