import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { errorFor, readUpload, refuse } from '$lib/server/forms';
import { importTextDocument, type TextImportPlan } from '$lib/server/texts/import';
import { MAX_TEXT_IMPORT_BYTES } from '$lib/texts/council';
import { firstArticleOf } from '$lib/server/texts/documents';

const optionsForm = z.object({ mode: z.enum(['dry', 'import'], 'Choose a dry run or the import.') });

const SHOWN = 200;

/** What the page shows of a plan. */
function report(plan: TextImportPlan) {
	const d = plan.document;
	return {
		document: {
			title: d.title,
			reference: d.officialReference,
			date: d.date,
			presidency: d.presidency,
			previousRef: d.previousRef,
			previous: d.previous?.title ?? null,
			exists: d.id !== null,
			addressees: (d.provenance.addressees as string | null) ?? null
		},
		versions: {
			created: plan.versions.created,
			updated: plan.versions.updated.length,
			unchanged: plan.versions.unchanged
		},
		updated: plan.versions.updated.slice(0, SHOWN),
		provisions: plan.provisions.slice(0, SHOWN).map((p) => p.eid),
		provisionCount: plan.provisions.length,
		warnings: plan.warnings.slice(0, 100)
	};
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const done = event.url.searchParams;
	if (!done.has('imported')) return { maxBytes: MAX_TEXT_IMPORT_BYTES, done: null };
	const dossier = await dossierOf(event);
	const key = (done.get('document') ?? '').slice(0, 80);
	const article = key ? await firstArticleOf(db(), dossier.id, key) : null;
	return { maxBytes: MAX_TEXT_IMPORT_BYTES, done: { file: done.get('imported') ?? '', document: key, article } };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const upload = await readUpload(event.request, optionsForm, {
			maxBytes: MAX_TEXT_IMPORT_BYTES,
			tooLarge: (bytes, fileName) =>
				`${fileName ? `${fileName}: ` : ''}The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the import takes Word files up to ${MAX_TEXT_IMPORT_BYTES / 1024 / 1024} MB.`,
			unreadable: `The upload could not be read. Files up to ${MAX_TEXT_IMPORT_BYTES / 1024 / 1024} MB are accepted.`,
			noFile: 'Choose a Word (.docx) file to import.'
		});
		if (!upload.ok) return upload.refusal;
		const { file, values } = upload;
		const result = await importTextDocument(db(), dossier.id, new Uint8Array(await file.arrayBuffer()), {
			dryRun: upload.data.mode === 'dry',
			userId: user.id,
			fileName: file.name,
			procedure: dossier.procedureRef
		});
		if (!result.ok) return refuse(400, values, errorFor('form', `${result.error} Nothing was imported.`));
		if (!result.applied) return { report: report(result.plan), dryRun: true, fileName: file.name, values };
		redirect(
			303,
			`/dossiers/${dossier.slug}/documents/import?imported=${encodeURIComponent(file.name)}&document=${encodeURIComponent(result.plan.document.key)}`
		);
	}
};
