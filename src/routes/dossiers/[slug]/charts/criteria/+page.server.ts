import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { dossierOf } from '$lib/server/dossiers';
import {
	createCriterion,
	criterionEditForm,
	criterionForm,
	criterionFormValues,
	criteriaWithUses,
	moveCriterion,
	removeCriterion,
	removeCriterionForm,
	updateCriterion
} from '$lib/server/criteria';
import { moveForm } from '$lib/sort-order';
import { errorFor, invalid, readForm, refuse, savedMeanwhile, versionLost, versionOf } from '$lib/server/forms';
import { parseId } from '$lib/validators';

const savedMessages = {
	added: 'The demand was added: its texts can be scored against it now.',
	saved: 'The demand was saved.',
	moved: 'The demand was moved.',
	removed: 'The demand was removed.'
} as const;

const noSuchCriterion = 'This dossier has no such demand; it may have been removed meanwhile.';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const saved = event.url.searchParams.get('saved');
	const criteria = await criteriaWithUses(db(), dossier.id);
	return {
		criteria: criteria.map((c) => ({
			id: c.id,
			key: c.key,
			label: c.label,
			uses: c.uses,
			values: criterionFormValues(c)
		})),
		// Own keys only: `?saved=constructor` must not reach Object.prototype.
		saved: saved && Object.hasOwn(savedMessages, saved) ? savedMessages[saved as keyof typeof savedMessages] : null
	};
};

/** Back to the list after a change, with its notice, at the demand it concerns. */
const done = (slug: string, saved: keyof typeof savedMessages, id?: number) =>
	redirect(303, `/dossiers/${slug}/charts/criteria?saved=${saved}${id ? `#criterion-${id}` : ''}`);

export const actions: Actions = {
	add: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, criterionForm);
		const which = { form: 'add', id: null, conflict: null };
		if (!read.ok) return invalid(read, which);
		const created = await createCriterion(db(), user.id, dossier.id, read.data);
		if (!created.ok) return refuse(400, read.values, errorFor(created.field, created.message), which);
		done(dossier.slug, 'added', created.criterion.id);
	},
	save: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, criterionEditForm);
		const which = { form: 'save', id: parseId(read.values.id), conflict: null };
		if (!read.ok) return invalid(read, which);
		const version = versionOf(read.form);
		if (version === null) return refuse(400, read.values, versionLost, which);
		const { id, label } = read.data;
		const saved = await updateCriterion(db(), user.id, dossier.id, id, version, { label });
		if (!saved) error(404, noSuchCriterion);
		// Saved by someone else since this editor opened the page: keep what they typed, show both.
		if (!saved.ok)
			return savedMeanwhile(
				read.values,
				{ ...saved.conflict, record: criterionFormValues(saved.conflict.record) },
				{ form: 'save', id }
			);
		done(dossier.slug, 'saved', id);
	},
	move: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, moveForm);
		if (!read.ok) return invalid(read, { form: 'move', id: parseId(read.values.id), conflict: null });
		if (!(await moveCriterion(db(), user.id, dossier.id, read.data.id, read.data.direction)))
			error(404, noSuchCriterion);
		done(dossier.slug, 'moved', read.data.id);
	},
	remove: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, removeCriterionForm);
		const which = { form: 'remove', id: parseId(read.values.id), conflict: null };
		if (!read.ok) return invalid(read, which);
		const removed = await removeCriterion(db(), user.id, dossier.id, read.data.id);
		if (!removed) error(404, noSuchCriterion);
		// Scored against: nothing removed, and the page says by how many scores.
		if (!removed.ok) return refuse(409, read.values, errorFor('form', removed.message), which);
		done(dossier.slug, 'removed');
	}
};
