import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { dossierInQuery, getDossier } from '$lib/server/dossiers';
import { addFollow, listFollows, personalFeed, removeFollow } from '$lib/server/follows';
import { memberStates } from '$lib/server/charts';
import { listTopics } from '$lib/server/topics';
import { followTargets } from '$lib/server/db/schema';
import { sortItems } from '$lib/feeds/items';
import { todayIso } from '$lib/dates';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';
import { idField, isSlug } from '$lib/validators';

/** Only paths on this site, so a follow button elsewhere can send people back without an open redirect. */
const localPath = z
	.string()
	.regex(/^\/(?![/\\])[^\s]*$/)
	.optional()
	.catch(undefined);

const followForm = z.object({
	dossier: z.string().refine(isSlug, 'Choose a dossier.'),
	type: z.enum(followTargets, 'Choose what to follow.'),
	key: z.string().trim().min(1, 'Say what to follow.').max(200),
	next: localPath
});
const unfollowForm = z.object({
	id: idField,
	dossier: z.string().refine(isSlug).optional().catch(undefined),
	next: localPath
});

/** Back to this page, in the dossier the form was in. */
const back = (dossier: string | undefined) => (dossier ? `/following?dossier=${dossier}` : '/following');

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	const today = todayIso();
	// The forms follow things in the dossier named by ?dossier=, or in the only one; otherwise the page asks which.
	const { dossier: main, dossiers } = await dossierInQuery(db(), event.url);
	const follows = await listFollows(db(), user.id, main?.slug ?? null);
	const feeds = await Promise.all(dossiers.map((d) => personalFeed(db(), d, follows, today)));
	const [topics, states] = await Promise.all([
		main ? listTopics(db(), main.id) : Promise.resolve([]),
		memberStates(db())
	]);
	return {
		dossiers: dossiers.map((d) => ({ slug: d.slug, shortTitle: d.shortTitle })),
		dossier: main ? { slug: main.slug, shortTitle: main.shortTitle } : null,
		follows,
		items: sortItems(feeds.flat(), today, 100),
		topics: topics.map((t) => ({ slug: t.slug, name: t.name })),
		states
	};
};

export const actions: Actions = {
	follow: async (event) => {
		const user = requireRole(event, 'reviewer');
		const read = await readForm(event.request, followForm);
		if (!read.ok) return invalid(read);
		const dossier = await getDossier(db(), read.data.dossier);
		if (!dossier) return refuse(400, read.values, errorFor('dossier', 'There is no such dossier.'));
		const result = await addFollow(db(), user.id, dossier, read.data.type, read.data.key);
		if (!result.ok) return refuse(400, read.values, errorFor('key', result.message));
		redirect(303, read.data.next ?? back(dossier.slug));
	},
	unfollow: async (event) => {
		const user = requireRole(event, 'reviewer');
		const read = await readForm(event.request, unfollowForm);
		if (!read.ok) return refuse(400, read.values, errorFor('id', 'Choose what to stop following.'));
		await removeFollow(db(), user.id, read.data.id);
		redirect(303, read.data.next ?? back(read.data.dossier));
	}
};
