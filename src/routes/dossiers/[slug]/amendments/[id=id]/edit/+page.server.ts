import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { currentVersion, filterOptions, updateAmendment, viewerOf } from '$lib/server/amendments';
import { amendmentDraftSchema, draftInput } from '$lib/amendments/record';
import { errorFor, invalid, messagesOf, readForm, refuse } from '$lib/server/forms';
import { parseId } from '$lib/validators';

export const load: PageServerLoad = async (event) => {
	const editor = requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const current = await currentVersion(db(), dossier.id, Number(event.params.id));
	if (!current) error(404, `There is no amendment ${event.params.id} in the ${dossier.shortTitle}.`);
	const { allActors } = await filterOptions(db(), dossier.id, viewerOf(editor, true));
	return { current, actors: allActors };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const id = Number(event.params.id);
		const read = await readForm(event.request, amendmentDraftSchema, { input: draftInput });
		const version = parseId(String(read.form.get('version') ?? ''));
		if (version === null)
			return refuse(
				400,
				read.values,
				errorFor('form', 'The form lost track of the version it was editing; reload the page.'),
				{ version: null, conflict: null }
			);
		if (!read.ok) return invalid(read, { version, conflict: null });
		const result = await updateAmendment(db(), dossier.id, id, version, read.data, user.id);
		if (!result) error(404, 'There is no such amendment.');
		if (!result.ok && 'errors' in result)
			return refuse(400, read.values, messagesOf(result.errors), { version, conflict: null });
		if (!result.ok)
			return refuse(
				409,
				read.values,
				errorFor(
					'form',
					'Someone saved this amendment while you were editing it. Nothing of yours was saved. Compare below; saving again replaces their version with yours.'
				),
				{ version: result.conflict.version, conflict: result.conflict }
			);
		redirect(303, `/dossiers/${dossier.slug}/amendments/${id}`);
	}
};
