import { error, type RequestEvent } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { getPositionDetail } from '$lib/server/positions';

/** The position the address names, for a reviewer (its page and its edit form), or the 404. */
export async function positionOf(event: RequestEvent<{ id: string }>) {
	const user = requireRole(event, 'reviewer');
	const detail = await getPositionDetail(db(), Number(event.params.id));
	if (!detail) error(404, 'There is no such position.');
	return { user, detail };
}
