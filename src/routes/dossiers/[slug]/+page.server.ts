import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossiersWithProvision, latestEvents, listDocuments, procedureStatus } from '$lib/server/dossiers';
import { documentNotice } from '$lib/documents/notice';
import { todayIso } from '$lib/dates';

export const load: PageServerLoad = async ({ parent }) => {
	const { dossier } = await parent();
	const today = todayIso();
	const [status, latest, documents, withArticle5] = await Promise.all([
		procedureStatus(db(), dossier.id, today),
		latestEvents(db(), dossier.id, today, 6),
		listDocuments(db(), dossier.id),
		dossiersWithProvision(db(), 'art_5')
	]);
	return {
		today,
		status,
		latest,
		documents: documents.map(({ provenance, ...d }) => ({ ...d, notice: documentNotice({ kind: d.kind, provenance }) })),
		hasArticle5: withArticle5.has(dossier.id)
	};
};
