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
import { orderedListActions, savedNotice, type SavedNotices } from '$lib/server/ordered-list';

const notices: SavedNotices = {
	added: 'The demand was added: its texts can be scored against it now.',
	saved: 'The demand was saved.',
	moved: 'The demand was moved.',
	removed: 'The demand was removed.'
};

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const criteria = await criteriaWithUses(db(), dossier.id);
	return {
		criteria: criteria.map((c) => ({
			id: c.id,
			key: c.key,
			label: c.label,
			uses: c.uses,
			values: criterionFormValues(c)
		})),
		saved: savedNotice(notices, event.url)
	};
};

export const actions: Actions = orderedListActions({
	path: 'charts/criteria',
	anchor: 'criterion',
	noun: 'demand',
	addForm: criterionForm,
	editForm: criterionEditForm,
	removeForm: removeCriterionForm,
	create: async (...args) => {
		const created = await createCriterion(...args);
		return created.ok ? { ok: true, id: created.criterion.id } : created;
	},
	update: updateCriterion,
	move: moveCriterion,
	remove: removeCriterion,
	formValues: criterionFormValues
});
