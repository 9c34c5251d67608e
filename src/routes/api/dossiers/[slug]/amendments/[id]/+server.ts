import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { canSeeInternal } from '$lib/server/authorization';
import { findDossierOf } from '$lib/server/dossiers';
import { parseId } from '$lib/validators';
import { getAmendment, viewerOf } from '$lib/server/amendments';

/** One amendment as JSON: texts, authors, status history, visible assessment, near-identical amendments. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const notFound = () => json({ error: `There is no amendment ${params.id} in this dossier.` }, { status: 404 });
	// No [id=id] matcher here: a malformed id, like a missing one, answers in JSON rather than the 404 page.
	const id = parseId(params.id);
	const dossier = await findDossierOf({ params, locals });
	if (!dossier || id === null) return notFound();
	const amendment = await getAmendment(db(), dossier.id, id, viewerOf(locals.user, canSeeInternal(locals)));
	if (!amendment) return notFound();
	const { targetProvisionId: _t, dossierId: _d, ...rest } = amendment;
	return json({ ...rest, comments: canSeeInternal(locals) ? amendment.comments : undefined });
};
