import { db } from '$lib/server/db';
import { canSeeInternal, viewerOf } from '$lib/server/authorization';
import { dossierOf, type DossierRoute } from '$lib/server/dossiers';
import { topicColumns } from '$lib/server/positions';
import { parseMatrixQuery } from '$lib/positions/query';
import { todayIso } from '$lib/dates';

/** What the matrix and the map both start from: the dossier, its topics, the query read against them, the viewer. */
export async function matrixQuery(event: DossierRoute & { url: URL }) {
	const dossier = await dossierOf(event);
	const today = todayIso();
	const allTopics = await topicColumns(db(), dossier.id);
	const query = parseMatrixQuery(
		event.url.searchParams,
		allTopics.map((t) => t.key),
		today
	);
	return { dossier, today, allTopics, query, viewer: viewerOf(event.locals.user, canSeeInternal(event.locals)) };
}
