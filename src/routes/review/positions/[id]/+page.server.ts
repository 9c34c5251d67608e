import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole, type SessionUser } from '$lib/server/authorization';
import { approvePosition, getPositionDetail, positionHistory, reopenPosition, returnPosition, submitPosition, type WorkflowResult } from '$lib/server/positions';
import { mayDecide, mayEdit, mayTake, positionReview } from '$lib/review';

const positionId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

const stepForm = z.object({
	version: z.coerce.number().int().positive(),
	comment: z.string().trim().max(4000, 'At most 4000 characters.').default('')
});

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	const id = positionId(event.params.id);
	const detail = id === null ? undefined : await getPositionDetail(db(), id);
	if (!detail) error(404, 'There is no such position.');
	const p = detail.position;
	return {
		detail,
		history: await positionHistory(db(), p.id),
		can: {
			edit: mayEdit(positionReview, user, p),
			submit: mayTake(positionReview, 'submit', user, p),
			review: mayDecide(positionReview, user, p),
			reopen: mayTake(positionReview, 'reopen', user, p)
		},
		isAuthor: p.authorId === user.id
	};
};

type Step = (user: SessionUser, id: number, version: number, comment: string) => Promise<WorkflowResult>;

/** Every button on the page: parse the version (and comment), run the step, then show the position again. */
function step(run: Step) {
	return async (event: RequestEvent<{ id: string }>) => {
		const user = requireRole(event, 'reviewer');
		const id = positionId(event.params.id);
		if (id === null) error(404, 'There is no such position.');
		const form = Object.fromEntries(await event.request.formData());
		const parsed = stepForm.safeParse(form);
		if (!parsed.success) return fail(400, { message: 'The form is incomplete; reload the page and try again.', comment: String(form.comment ?? '') });
		const result = await run(user, id, parsed.data.version, parsed.data.comment);
		if (!result.ok) return fail(result.status, { message: result.message, comment: parsed.data.comment });
		redirect(303, `/review/positions/${id}`);
	};
}

export const actions: Actions = {
	submit: step((user, id, version) => submitPosition(db(), user, id, version)),
	approve: step((user, id, version, comment) => approvePosition(db(), user, id, version, comment || null)),
	return: step((user, id, version, comment) => returnPosition(db(), user, id, version, comment)),
	reopen: step((user, id, version, comment) => reopenPosition(db(), user, id, version, comment))
};
