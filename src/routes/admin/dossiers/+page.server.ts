import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { createDossier, listDossiers, readDossierForm } from '$lib/server/dossiers';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { dossiers: await listDossiers(db()) };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await readDossierForm(event.request);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await createDossier(db(), form.data, admin.id);
		if (!result.ok) return fail(400, { errors: { [result.field]: [result.message] } as Record<string, string[]>, values: form.values });
		redirect(303, `/dossiers/${result.dossier.slug}`);
	}
};
