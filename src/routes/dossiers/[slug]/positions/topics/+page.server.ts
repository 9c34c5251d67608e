import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { dossierOf } from '$lib/server/dossiers';
import {
	createTopic,
	topicsWithUses,
	moveTopic,
	removeForm,
	removeTopic,
	topicEditForm,
	topicForm,
	topicFormValues,
	updateTopic
} from '$lib/server/topics';
import { orderedListActions, savedNotice, type SavedNotices } from '$lib/server/ordered-list';

const notices: SavedNotices = {
	added: 'The topic was added: it is a column of the positions matrix now.',
	saved: 'The topic was saved.',
	moved: 'The topic was moved.',
	removed: 'The topic was removed.'
};

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const topics = await topicsWithUses(db(), dossier.id);
	return {
		topics: topics.map((t) => ({ id: t.id, slug: t.slug, name: t.name, uses: t.uses, values: topicFormValues(t) })),
		saved: savedNotice(notices, event.url)
	};
};

export const actions: Actions = orderedListActions({
	path: 'positions/topics',
	anchor: 'topic',
	noun: 'topic',
	addForm: topicForm,
	editForm: topicEditForm,
	removeForm,
	create: async (...args) => {
		const created = await createTopic(...args);
		return created.ok ? { ok: true, id: created.topic.id } : created;
	},
	update: updateTopic,
	move: moveTopic,
	remove: removeTopic,
	formValues: topicFormValues
});
