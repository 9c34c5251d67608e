import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { findProvisionInput, listTextDocuments } from '$lib/server/compare';
import { correctLink, provisionLineage, removeLink } from '$lib/server/lineage';
import { canSeeInternal, hasRole, requireRole } from '$lib/server/authorization';
import { provisionLabel } from '$lib/provisions/label';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';
import { idField } from '$lib/validators';

const note = z.string().trim().max(1000, 'At most 1,000 characters.').default('');
const correctForm = z.object({
	versionId: idField,
	toDocument: z.string().trim().min(1, 'Choose a text.').max(80),
	toProvision: z.string().trim().min(1, 'Say which provision, e.g. 5(1)(h).').max(200),
	note
});
const removeForm = z.object({ linkId: idField, note });

/** Lineage of one provision: its versions and how each is linked to the other texts. Editors correct links here. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const view = await provisionLineage(db(), dossier.id, params.eid);
	if (!view) error(404, `There is no provision “${params.eid}” in the ${dossier.shortTitle}.`);
	// Which coalition member corrected a link is internal: the public sees the correction, not the person.
	const versions = canSeeInternal(locals)
		? view.versions
		: view.versions.map((v) => ({ ...v, links: v.links.map((l) => ({ ...l, createdBy: null })) }));
	return { ...view, versions, label: provisionLabel(params.eid), canEdit: hasRole(locals.user, 'editor') };
};

export const actions: Actions = {
	correct: async (event) => {
		const user = requireRole(event, 'editor');
		const read = await readForm(event.request, correctForm);
		if (!read.ok) return invalid(read, { action: 'correct' });
		const { data: parsed, values } = read;
		const dossier = await dossierOf(event);
		const doc = (await listTextDocuments(db(), dossier.id)).find((d) => d.key === parsed.toDocument);
		if (!doc)
			return refuse(400, values, errorFor('toDocument', 'Choose one of the texts listed.'), { action: 'correct' });
		const toEid = await findProvisionInput(db(), dossier.id, doc.id, parsed.toProvision);
		if (!toEid)
			return refuse(
				400,
				values,
				errorFor('toProvision', `The ${doc.title} has no provision “${parsed.toProvision}”.`),
				{ action: 'correct' }
			);
		const result = await correctLink(db(), user.id, {
			dossierId: dossier.id,
			versionId: parsed.versionId,
			toDocumentId: doc.id,
			toEid,
			note: parsed.note
		});
		if (!result.ok) return refuse(400, values, errorFor(result.field, result.message), { action: 'correct' });
		redirect(303, `${event.url.pathname}?saved=corrected`);
	},
	remove: async (event) => {
		const user = requireRole(event, 'editor');
		const read = await readForm(event.request, removeForm);
		if (!read.ok) return invalid(read, { action: 'remove' });
		const { data: parsed, values } = read;
		const dossier = await dossierOf(event);
		const result = await removeLink(db(), user.id, { dossierId: dossier.id, linkId: parsed.linkId, note: parsed.note });
		if (!result.ok) return refuse(400, values, errorFor(result.field, result.message), { action: 'remove' });
		redirect(303, `${event.url.pathname}?saved=removed`);
	}
};
