import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { getDossier } from '$lib/server/dossiers';
import { findProvisionInput, listTextDocuments } from '$lib/server/compare';
import { correctLink, provisionLineage, removeLink } from '$lib/server/lineage';
import { canSeeInternal, hasRole, requireRole } from '$lib/server/authorization';
import { provisionLabel } from '$lib/provisions/label';

const eidPattern = /^[a-z]+_[-A-Za-z0-9._]+(__[a-z]+_[-A-Za-z0-9._]+)*$/;
const note = z.string().trim().max(1000, 'At most 1,000 characters.').default('');
const correctForm = z.object({
	versionId: z.coerce.number().int().positive(),
	toDocument: z.string().trim().min(1, 'Choose a text.').max(80),
	toProvision: z.string().trim().min(1, 'Say which provision, e.g. 5(1)(h).').max(200),
	note
});
const removeForm = z.object({ linkId: z.coerce.number().int().positive(), note });

/** Lineage of one provision: its versions and how each is linked to the other texts. Editors correct links here. */
export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { dossier } = await parent();
	const view = eidPattern.test(params.eid) ? await provisionLineage(db(), dossier.id, params.eid) : undefined;
	if (!view) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	// Which coalition member corrected a link is internal: the public sees the correction, not the person.
	const versions = canSeeInternal(locals)
		? view.versions
		: view.versions.map((v) => ({ ...v, links: v.links.map((l) => ({ ...l, createdBy: null })) }));
	return { ...view, versions, label: provisionLabel(params.eid), canEdit: hasRole(locals.user, 'editor') };
};

const fields = async (request: Request) =>
	Object.fromEntries([...(await request.formData())].filter(([, v]) => typeof v === 'string')) as Record<string, string>;

export const actions: Actions = {
	correct: async (event) => {
		const user = requireRole(event, 'editor');
		const values = await fields(event.request);
		const parsed = correctForm.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'correct', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values });
		const dossier = await getDossier(db(), event.params.slug);
		if (!dossier) error(404, 'No such dossier.');
		const doc = (await listTextDocuments(db(), dossier.id)).find((d) => d.key === parsed.data.toDocument);
		if (!doc) return fail(400, { action: 'correct', errors: { toDocument: ['Choose one of the texts listed.'] }, values });
		const toEid = await findProvisionInput(db(), dossier.id, doc.id, parsed.data.toProvision);
		if (!toEid) return fail(400, { action: 'correct', errors: { toProvision: [`The ${doc.title} has no provision “${parsed.data.toProvision}”.`] }, values });
		const result = await correctLink(db(), user.id, { dossierId: dossier.id, versionId: parsed.data.versionId, toDocumentId: doc.id, toEid, note: parsed.data.note });
		if (!result.ok) return fail(400, { action: 'correct', errors: { [result.field]: [result.message] }, values });
		redirect(303, `${event.url.pathname}?saved=corrected`);
	},
	remove: async (event) => {
		const user = requireRole(event, 'editor');
		const values = await fields(event.request);
		const parsed = removeForm.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'remove', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values });
		const dossier = await getDossier(db(), event.params.slug);
		if (!dossier) error(404, 'No such dossier.');
		const result = await removeLink(db(), user.id, { dossierId: dossier.id, linkId: parsed.data.linkId, note: parsed.data.note });
		if (!result.ok) return fail(400, { action: 'remove', errors: { [result.field]: [result.message] }, values });
		redirect(303, `${event.url.pathname}?saved=removed`);
	}
};
