import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { reviewQueue } from '$lib/server/positions';

/** What waits for the signed-in person: positions to review (not their own), and their own returned drafts. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	return { queue: await reviewQueue(db(), user.id), me: { name: user.name, email: user.email } };
};
