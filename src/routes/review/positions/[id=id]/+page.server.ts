import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole, type SessionUser } from '$lib/server/authorization';
import {
	approvePosition,
	positionHistory,
	reopenPosition,
	returnPosition,
	submitPosition,
	type WorkflowResult
} from '$lib/server/positions';
import { mayDecide, mayEdit, mayTake, positionReview } from '$lib/review';
import { errorFor, readForm, refuse } from '$lib/server/forms';
import { idField } from '$lib/validators';
import { positionOf } from './position';

const stepForm = z.object({
	version: idField,
	comment: z.string().trim().max(4000, 'At most 4000 characters.').default('')
});

export const load: PageServerLoad = async (event) => {
	const { user, detail } = await positionOf(event);
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
		const id = Number(event.params.id);
		const read = await readForm(event.request, stepForm);
		const message = 'The form is incomplete; reload the page and try again.';
		if (!read.ok)
			return refuse(400, read.values, errorFor('form', message), { message, comment: read.values.comment ?? '' });
		const result = await run(user, id, read.data.version, read.data.comment);
		if (!result.ok)
			return refuse(result.status, read.values, result.errors ?? errorFor('form', result.message), {
				message: result.message,
				comment: read.data.comment
			});
		redirect(303, `/review/positions/${id}`);
	};
}

export const actions: Actions = {
	submit: step((user, id, version) => submitPosition(db(), user, id, version)),
	approve: step((user, id, version, comment) => approvePosition(db(), user, id, version, comment || null)),
	return: step((user, id, version, comment) => returnPosition(db(), user, id, version, comment)),
	reopen: step((user, id, version, comment) => reopenPosition(db(), user, id, version, comment))
};
