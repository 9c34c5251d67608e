import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf, latestEvents, listDocuments, procedureStatus, provisionTitle } from '$lib/server/dossiers';
import { documentNotice } from '$lib/documents/notice';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	const today = todayIso();
	const [status, latest, documents, article5] = await Promise.all([
		procedureStatus(db(), dossier.id, today),
		latestEvents(db(), dossier.id, today, 6),
		listDocuments(db(), dossier.id),
		provisionTitle(db(), dossier.id, 'art_5')
	]);
	return {
		today,
		status,
		latest,
		documents: documents.map(({ provenance, ...d }) => ({
			...d,
			notice: documentNotice({ kind: d.kind, provenance })
		})),
		// The ban this app follows is in the AI Act's Article 5; another dossier's Article 5 is featured by its own title.
		article5
	};
};
