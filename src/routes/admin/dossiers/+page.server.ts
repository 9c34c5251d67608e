import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { createDossier, listDossiers, readDossierForm } from '$lib/server/dossiers';
import { errorFor, invalid, refuse } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { dossiers: await listDossiers(db()) };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await readDossierForm(event.request);
		if (!form.ok) return invalid(form);
		const result = await createDossier(db(), form.data, admin.id);
		if (!result.ok) return refuse(400, form.values, errorFor(result.field, result.message));
		redirect(303, `/dossiers/${result.dossier.slug}`);
	}
};
