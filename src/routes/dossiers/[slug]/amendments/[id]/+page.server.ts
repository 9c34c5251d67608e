import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal, hasRole, requireRole } from '$lib/server/authorization';
import { amendmentIdParam, dossierParam, formValues } from '$lib/server/amendments/route';
import { addComment, changeStatus, getAmendment, reviewAssessment, saveAssessment, viewerOf } from '$lib/server/amendments';
import { amendmentStatuses, assessmentDirections } from '$lib/amendments/statuses';
import { fieldErrors } from '$lib/amendments/record';
import { nextStatuses } from '$lib/amendments/lifecycle';
import { assessmentReview, mayDecide } from '$lib/review';

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { dossier } = await parent();
	const amendment = await getAmendment(db(), dossier.id, amendmentIdParam(params.id), viewerOf(locals.user, canSeeInternal(locals)));
	if (!amendment) error(404, `There is no amendment ${params.id} in the ${dossier.shortTitle}.`);
	return {
		amendment,
		next: nextStatuses(amendment.status),
		canEdit: hasRole(locals.user, 'editor'),
		canReview: hasRole(locals.user, 'reviewer'),
		// Another member than its author approves or sends back an assessment waiting for review.
		canDecide: hasRole(locals.user, 'reviewer') && !!amendment.assessment && mayDecide(assessmentReview, locals.user, amendment.assessment)
	};
};

const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'A date like 2023-06-14 (or 2023-06, 2023).')]);
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
const commentForm = z.object({ body: z.string().trim().min(1, 'Write a comment first.').max(10_000, 'At most 10,000 characters.') });

async function context(params: { slug: string; id: string }) {
	const dossier = await dossierParam(params.slug);
	return { dossier, id: amendmentIdParam(params.id), here: `/dossiers/${dossier.slug}/amendments/${params.id}` };
}

export const actions: Actions = {
	status: async (event) => {
		const user = requireRole(event, 'editor');
		const { dossier, id, here } = await context(event.params);
		const form = formValues(await event.request.formData());
		const parsed = statusForm.safeParse(form);
		if (!parsed.success) return fail(400, { form: 'status', errors: fieldErrors(parsed.error), values: form });
		const { from, to, date, note } = parsed.data;
		const result = await changeStatus(db(), dossier.id, id, { from, to, date: date || null, note: note || null }, user.id);
		if (!result) error(404, 'There is no such amendment.');
		if (!result.ok) return fail(409, { form: 'status', errors: { to: result.error }, values: form });
		redirect(303, `${here}#history`);
	},
	assess: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event.params);
		const form = formValues(await event.request.formData());
		const parsed = assessForm.safeParse(form);
		if (!parsed.success) return fail(400, { form: 'assess', errors: fieldErrors(parsed.error), values: form });
		if (parsed.data.visibility === 'public' && !hasRole(user, 'editor'))
			return fail(400, { form: 'assess', errors: { visibility: 'Only an editor can publish an assessment; save it as internal.' }, values: form });
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		const { version, ...input } = parsed.data;
		const result = await saveAssessment(db(), id, { ...input, version: version === '' ? null : version }, user.id);
		if (!result.ok)
			return fail(409, {
				form: 'assess',
				errors: { form: 'Someone saved the assessment while you were editing; theirs is shown below. Your text is kept in the form: save again to replace theirs.' },
				values: { ...form, version: String(result.current.version) },
				newer: result.current
			});
		redirect(303, `${here}#assessment`);
	},
	review: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event.params);
		const form = formValues(await event.request.formData());
		const parsed = reviewForm.safeParse(form);
		if (!parsed.success) return fail(400, { form: 'review', errors: fieldErrors(parsed.error), values: form });
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		const result = await reviewAssessment(db(), id, parsed.data, user.id);
		if (!result.ok) return fail(409, { form: 'review', errors: { comment: result.error }, values: form });
		redirect(303, `${here}#assessment`);
	},
	comment: async (event) => {
		const user = requireRole(event, 'reviewer');
		const { dossier, id, here } = await context(event.params);
		const form = formValues(await event.request.formData());
		const parsed = commentForm.safeParse(form);
		if (!parsed.success) return fail(400, { form: 'comment', errors: fieldErrors(parsed.error), values: form });
		if (!(await getAmendment(db(), dossier.id, id, viewerOf(user, true)))) error(404, 'There is no such amendment.');
		await addComment(db(), id, parsed.data.body, user.id);
		redirect(303, `${here}#comments`);
	}
};
