import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossiersWithProvision, listDossiers } from '$lib/server/dossiers';

/** The dossiers, and which of them hold an Article 5 to start from (a dossier just opened holds no text). */
export const load: PageServerLoad = async () => {
	const [dossiers, withArticle5] = await Promise.all([listDossiers(db()), dossiersWithProvision(db(), 'art_5')]);
	return { dossiers: dossiers.map((d) => ({ ...d, hasArticle5: withArticle5.has(d.id) })) };
};
