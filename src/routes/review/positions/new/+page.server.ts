import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { dossierInQuery } from '$lib/server/dossiers';
import { createPosition, formOptions, getActor } from '$lib/server/positions';
import { emptyPositionForm, positionFormValues, positionInput } from '$lib/positions/input';
import { invalid, readForm, refuse } from '$lib/server/forms';
import { isSlug } from '$lib/validators';

/**
 * The dossier named by `?dossier=slug`, or the only one; null when there are several and none is named, for the
 * page to ask which.
 */
async function loadDossier(url: URL) {
	const { named, dossier, dossiers } = await dossierInQuery(db(), url);
	if (dossier) return { dossier, dossiers };
	if (!named && dossiers.length > 1) return { dossier: null, dossiers };
	error(404, named ? `There is no dossier called “${named.slice(0, 80)}”.` : 'There is no dossier yet.');
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'reviewer');
	const { dossier, dossiers } = await loadDossier(event.url);
	if (!dossier) return { dossier, dossiers: dossiers.map((d) => ({ slug: d.slug, shortTitle: d.shortTitle })) };
	const options = await formOptions(db(), dossier.id);
	// Prefill from a link such as ?actor=italy&topic=post-rbi (from a country page or a matrix cell).
	const actorSlug = event.url.searchParams.get('actor');
	const actor = actorSlug && isSlug(actorSlug) ? await getActor(db(), actorSlug) : undefined;
	const topic = options.topics.find((t) => t.slug === event.url.searchParams.get('topic'));
	return {
		dossier,
		dossiers: [],
		options,
		values: emptyPositionForm(actor ? String(actor.id) : '', topic ? String(topic.id) : '')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier } = await loadDossier(event.url);
		if (!dossier) error(400, 'Choose the dossier the position is about.');
		const read = await readForm(event.request, positionInput, { input: positionFormValues });
		if (!read.ok) return invalid(read, { message: 'Please correct the fields marked below.' });
		const result = await createPosition(db(), user, dossier.id, read.data, read.form.get('intent') === 'submit');
		if (!result.ok) return refuse(result.status, read.values, result.errors ?? {}, { message: result.message });
		redirect(303, `/review/positions/${result.id}`);
	}
};
