import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal } from '$lib/server/authorization';
import { getDossier } from '$lib/server/dossiers';
import { getAmendment, viewerOf } from '$lib/server/amendments';

/** One amendment as JSON: texts, authors, status history, visible assessment, near-identical amendments. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const notFound = () => json({ error: `There is no amendment ${params.id} in this dossier.` }, { status: 404 });
	const dossier = await getDossier(db(), params.slug);
	if (!dossier || !/^[1-9]\d{0,9}$/.test(params.id) || Number(params.id) > 2_147_483_647) return notFound();
	const amendment = await getAmendment(
		db(),
		dossier.id,
		Number(params.id),
		viewerOf(locals.user, canSeeInternal(locals))
	);
	if (!amendment) return notFound();
	const { targetProvisionId: _t, dossierId: _d, ...rest } = amendment;
	return json({ ...rest, comments: canSeeInternal(locals) ? amendment.comments : undefined });
};
