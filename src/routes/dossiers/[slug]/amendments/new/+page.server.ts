import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { createAmendment, filterOptions, viewerOf } from '$lib/server/amendments';
import { dossierParam } from '$lib/server/amendments/route';
import { amendmentDraftSchema, draftInput, fieldErrors } from '$lib/amendments/record';

const initialStatus = z.enum(['draft', 'tabled'], 'A new amendment starts as a draft or tabled.');

export const load: PageServerLoad = async (event) => {
	const editor = requireRole(event, 'editor');
	const { dossier } = await event.parent();
	const { allActors } = await filterOptions(db(), dossier.id, viewerOf(editor, true));
	return { actors: allActors, provision: event.url.searchParams.get('provision') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierParam(event.params.slug);
		const form = await event.request.formData();
		const values = { ...draftInput(form), status: String(form.get('status') ?? '') };
		const parsed = amendmentDraftSchema.safeParse(values);
		const status = initialStatus.safeParse(values.status);
		if (!parsed.success || !status.success) {
			const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(status.success ? {} : { status: status.error.issues[0].message }) };
			return fail(400, { errors, values });
		}
		const date = status.data === 'tabled' ? parsed.data.tabledOn : null;
		const result = await createAmendment(db(), dossier.id, parsed.data, { status: status.data, date }, user.id);
		if (!result.ok) return fail(400, { errors: 'errors' in result ? result.errors : { form: 'Not saved.' }, values });
		redirect(303, `/dossiers/${dossier.slug}/amendments/${result.id}`);
	}
};
