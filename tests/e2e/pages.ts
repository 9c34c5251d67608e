import type { Page } from '@playwright/test';

/** The dossier the seed loads, whose pages the browser tests read. */
export const dossier = '/dossiers/ai-act';

/** One page of every public page type, as everyone reads it. */
export const publicPages = [
	'/',
	'/login',
	dossier,
	`${dossier}/timeline`,
	`${dossier}/provisions`,
	`${dossier}/provisions/art_5`,
	`${dossier}/provisions/art_5/council`,
	`${dossier}/provisions/art_5__para_1__point_d/lineage`,
	`${dossier}/compare`,
	`${dossier}/compare/provisions/art_5__para_1__point_d?from=commission-proposal&to=final-act`,
	`${dossier}/compare/articles/art_5`,
	`${dossier}/compare/documents?from=commission-proposal&to=final-act`,
	`${dossier}/compare/text`,
	`${dossier}/amendments`,
	`${dossier}/actors`,
	`${dossier}/actors/greens-efa`,
	`${dossier}/positions`,
	`${dossier}/positions/germany`,
	`${dossier}/positions/map`,
	`${dossier}/charts`,
	'/logout'
];

/** The address of one amendment of the seeded list (the first about emotion recognition). */
export async function anAmendment(page: Page): Promise<string> {
	await page.goto(`${dossier}/amendments?q=${encodeURIComponent('"emotion recognition"')}`);
	return (await page.locator('ol.amendments > li h3 a').first().getAttribute('href'))!;
}
