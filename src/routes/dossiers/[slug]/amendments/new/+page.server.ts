import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { createAmendment, filterOptions, viewerOf } from '$lib/server/amendments';
import { amendmentDraftSchema, draftInput } from '$lib/amendments/record';
import { errorFor, invalid, messagesOf, readForm, refuse } from '$lib/server/forms';

const newAmendmentForm = amendmentDraftSchema.and(
	z.object({ status: z.enum(['draft', 'tabled'], 'A new amendment starts as a draft or tabled.') })
);

export const load: PageServerLoad = async (event) => {
	const editor = requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const { allActors } = await filterOptions(db(), dossier.id, viewerOf(editor, true));
	return { actors: allActors, provision: event.url.searchParams.get('provision') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, newAmendmentForm, {
			input: (form) => ({ ...draftInput(form), status: String(form.get('status') ?? '') })
		});
		if (!read.ok) return invalid(read);
		const { status, ...draft } = read.data;
		const date = status === 'tabled' ? draft.tabledOn : null;
		const result = await createAmendment(db(), dossier.id, draft, { status, date }, user.id);
		if (!result.ok)
			return refuse(400, read.values, 'errors' in result ? messagesOf(result.errors) : errorFor('form', 'Not saved.'));
		redirect(303, `/dossiers/${dossier.slug}/amendments/${result.id}`);
	}
};
