import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { currentVersion, filterOptions, updateAmendment, viewerOf } from '$lib/server/amendments';
import { amendmentIdParam, dossierParam } from '$lib/server/amendments/route';
import { amendmentDraftSchema, draftInput, fieldErrors } from '$lib/amendments/record';

export const load: PageServerLoad = async (event) => {
	const editor = requireRole(event, 'editor');
	const { dossier } = await event.parent();
	const current = await currentVersion(db(), dossier.id, amendmentIdParam(event.params.id));
	if (!current) error(404, `There is no amendment ${event.params.id} in the ${dossier.shortTitle}.`);
	const { allActors } = await filterOptions(db(), dossier.id, viewerOf(editor, true));
	return { current, actors: allActors };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierParam(event.params.slug);
		const id = amendmentIdParam(event.params.id);
		const form = await event.request.formData();
		const values = draftInput(form);
		const version = Number(form.get('version'));
		if (!Number.isInteger(version) || version < 1)
			return fail(400, { errors: { form: 'The form lost track of the version it was editing; reload the page.' }, values, version: null });
		const parsed = amendmentDraftSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values, version });
		const result = await updateAmendment(db(), dossier.id, id, version, parsed.data, user.id);
		if (!result) error(404, 'There is no such amendment.');
		if (!result.ok && 'errors' in result) return fail(400, { errors: result.errors, values, version });
		if (!result.ok)
			return fail(409, {
				errors: { form: 'Someone saved this amendment while you were editing it. Nothing of yours was saved. Compare below; saving again replaces their version with yours.' },
				values,
				version: result.conflict.version,
				conflict: result.conflict
			});
		redirect(303, `/dossiers/${dossier.slug}/amendments/${id}`);
	}
};
