import { error, redirect } from '@sveltejs/kit';
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
import { moveForm } from '$lib/sort-order';
import { errorFor, invalid, readForm, refuse, savedMeanwhile, versionLost, versionOf } from '$lib/server/forms';
import { parseId } from '$lib/validators';

const savedMessages = {
	added: 'The topic was added: it is a column of the positions matrix now.',
	saved: 'The topic was saved.',
	moved: 'The topic was moved.',
	removed: 'The topic was removed.'
} as const;

const noSuchTopic = 'This dossier has no such topic; it may have been removed meanwhile.';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const saved = event.url.searchParams.get('saved');
	const topics = await topicsWithUses(db(), dossier.id);
	return {
		topics: topics.map((t) => ({ id: t.id, slug: t.slug, name: t.name, uses: t.uses, values: topicFormValues(t) })),
		// Own keys only: `?saved=constructor` must not reach Object.prototype.
		saved: saved && Object.hasOwn(savedMessages, saved) ? savedMessages[saved as keyof typeof savedMessages] : null
	};
};

/** Back to the list after a change, with its notice, at the topic it concerns. */
const done = (slug: string, saved: keyof typeof savedMessages, id?: number) =>
	redirect(303, `/dossiers/${slug}/positions/topics?saved=${saved}${id ? `#topic-${id}` : ''}`);

export const actions: Actions = {
	add: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, topicForm);
		const which = { form: 'add', id: null, conflict: null };
		if (!read.ok) return invalid(read, which);
		const created = await createTopic(db(), user.id, dossier.id, read.data);
		if (!created.ok) return refuse(400, read.values, errorFor(created.field, created.message), which);
		done(dossier.slug, 'added', created.topic.id);
	},
	save: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, topicEditForm);
		const which = { form: 'save', id: parseId(read.values.id), conflict: null };
		if (!read.ok) return invalid(read, which);
		const version = versionOf(read.form);
		if (version === null) return refuse(400, read.values, versionLost, which);
		const { id, ...input } = read.data;
		const saved = await updateTopic(db(), user.id, dossier.id, id, version, input);
		if (!saved) error(404, noSuchTopic);
		// Saved by someone else since this editor opened the page: keep what they typed, show both.
		if (!saved.ok)
			return savedMeanwhile(
				read.values,
				{ ...saved.conflict, record: topicFormValues(saved.conflict.record) },
				{ form: 'save', id }
			);
		done(dossier.slug, 'saved', id);
	},
	move: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, moveForm);
		if (!read.ok) return invalid(read, { form: 'move', id: parseId(read.values.id), conflict: null });
		if (!(await moveTopic(db(), user.id, dossier.id, read.data.id, read.data.direction))) error(404, noSuchTopic);
		done(dossier.slug, 'moved', read.data.id);
	},
	remove: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const read = await readForm(event.request, removeForm);
		const which = { form: 'remove', id: parseId(read.values.id), conflict: null };
		if (!read.ok) return invalid(read, which);
		const removed = await removeTopic(db(), user.id, dossier.id, read.data.id);
		if (!removed) error(404, noSuchTopic);
		// In use: nothing removed, and the page says by how many positions.
		if (!removed.ok) return refuse(409, read.values, errorFor('form', removed.message), which);
		done(dossier.slug, 'removed');
	}
};
