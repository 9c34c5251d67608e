import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { canSeeInternal, hasRole, requireRole } from '$lib/server/authorization';
import { errorFor, invalid, readForm, refuse, type FormValues } from '$lib/server/forms';
import {
	addComment,
	changeStatus,
	getAmendment,
	reviewAssessment,
	saveAssessment,
	viewerOf
} from '$lib/server/amendments';
import { amendmentStatuses, assessmentDirections } from '$lib/amendments/statuses';
import { partialDateField } from '$lib/validators';
import { nextStatuses } from '$lib/amendments/lifecycle';
import { assessmentReview, mayDecide } from '$lib/review';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const amendment = await getAmendment(
		db(),
		dossier.id,
		Number(params.id),
		viewerOf(locals.user, canSeeInternal(locals))
	);
	if (!amendment) error(404, `There is no amendment ${params.id} in the ${dossier.shortTitle}.`);
	return {
		amendment,
		next: nextStatuses(amendment.status),
		canEdit: hasRole(locals.user, 'editor'),
		canReview: hasRole(locals.user, 'reviewer'),
		// Another member than its author approves or sends back an assessment waiting for review.
		canDecide:
			hasRole(locals.user, 'reviewer') &&
			!!amendment.assessment &&
			mayDecide(assessmentReview, locals.user, amendment.assessment)
	};
};

const isoDate = partialDateField('A date like 2023-06-14 (or 2023-06, 2023).');
const statusForm = z.object({
	from: z.enum(amendmentStatuses),
	to: z.enum(amendmentStatuses, 'Choose the new status.'),
	date: isoDate,
	note: z.string().trim().max(2000, 'At most 2,000 characters.')
});
const assessForm = z.object({
	direction: z.enum(assessmentDirections, 'Choose whether it strengthens or weakens the ban, or is neutral.'),
	note: z.string().trim().max(10_000, 'At most 10,000 characters.'),
	visibility: z.enum(['public', 'internal'], 'Public or internal.'),
	version: z.union([z.literal(''), z.coerce.number().int().min(1)])
});
const reviewForm = z.object({
	decision: z.enum(['approve', 'return'], 'Approve it or send it back.'),
	version: z.coerce.number().int().min(1),
	comment: z.string().trim().max(2000, 'At most 2,000 characters.')
});
const commentForm = z.object({
	body: z.string().trim().min(1, 'Write a comment first.').max(10_000, 'At most 10,000 characters.')
});

async function context(event: RequestEvent<{ slug: string; id: string }>) {
	const dossier = await dossierOf(event);
	const id = Number(event.params.id);
	return { dossier, id, here: `/dossiers/${dossier.slug}/amendments/${id}` };
}

export const actions: Actions = {
	status: async (event) => {
		const user = requireRole(event, 'editor');
		const { dossier, id, here } = await context(event);
		const read = await readForm(event.request, statusForm);
		if (!read.ok) return invalid(read, { form: 'status' });
		const { data: parsed, values: form } = read;
		const { from, to, date, note } = parsed;
		const result = await changeStatus(
			db(),
			dossier.id,
			id,
			{ from, to, date: date || null, note: note || null },
			user.id
		);
		if (!result) error(404, 'There is no such amendment.');
		if (!result.ok) return refuse(409, form, errorFor('to', result.error), { form: 'status' });
		redirect(303, `${here}#history`);
	},
	assess: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event);
		const read = await readForm(event.request, assessForm);
		if (!read.ok) return invalid(read, { form: 'assess', newer: null });
		const { data: parsed, values: form } = read;
		if (parsed.visibility === 'public' && !hasRole(user, 'editor'))
			return refuse(
				400,
				form,
				errorFor('visibility', 'Only an editor can publish an assessment; save it as internal.'),
				{ form: 'assess', newer: null }
			);
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		const { version, ...input } = parsed;
		const result = await saveAssessment(db(), id, { ...input, version: version === '' ? null : version }, user.id);
		if (!result.ok) {
			const mine: FormValues = { ...form, version: String(result.current.version) };
			return refuse(
				409,
				mine,
				errorFor(
					'form',
					'Someone saved the assessment while you were editing; theirs is shown below. Your text is kept in the form: save again to replace theirs.'
				),
				{ form: 'assess', newer: result.current }
			);
		}
		redirect(303, `${here}#assessment`);
	},
	review: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event);
		const read = await readForm(event.request, reviewForm);
		if (!read.ok) return invalid(read, { form: 'review' });
		const { data: parsed, values: form } = read;
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		const result = await reviewAssessment(db(), id, parsed, user.id);
		if (!result.ok) return refuse(409, form, errorFor('comment', result.error), { form: 'review' });
		redirect(303, `${here}#assessment`);
	},
	comment: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event);
		const read = await readForm(event.request, commentForm);
		if (!read.ok) return invalid(read, { form: 'comment' });
		const { data: parsed } = read;
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		await addComment(db(), id, parsed.body, user.id);
		redirect(303, `${here}#comments`);
	}
};
