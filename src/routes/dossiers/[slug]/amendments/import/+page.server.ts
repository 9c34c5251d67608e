import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { dossierOf } from '$lib/server/dossiers';
import { requireRole } from '$lib/server/authorization';
import { importAmendments, type ImportPlan } from '$lib/server/amendments';
import { errorFor, readUpload, refuse } from '$lib/server/forms';
import { partialDateField } from '$lib/validators';
import { EP_PLENARY_CONTEXT } from '$lib/server/seed/amendments';
import { MAX_IMPORT_BYTES, tooLarge } from '$lib/amendments/import-file';
import { amendmentStatuses } from '$lib/amendments/statuses';

/** How rows of the Parliament's JSON file are filed; prefilled with the seeded plenary file's values. */
const epDefaults = { tablingContext: EP_PLENARY_CONTEXT, tabledOn: '2023-06-14', status: 'plenary_adopted' as const };

const optionsForm = z.object({
	mode: z.enum(['dry', 'import']),
	tablingContext: z.string().trim().min(1, 'Say where the amendments were tabled.').max(200),
	tabledOn: partialDateField('A date like 2023-06-14.'),
	status: z.enum(amendmentStatuses, 'Choose a status.')
});

const SHOWN = 200;

/** What the page shows of a plan: every refusal (up to 1,000), the first rows created and updated. */
function report(plan: ImportPlan) {
	return {
		format: plan.format,
		counts: {
			created: plan.created.length,
			updated: plan.updated.length,
			unchanged: plan.unchanged,
			refused: plan.refused.length,
			provisions: plan.provisions.length
		},
		created: plan.created.slice(0, SHOWN),
		updated: plan.updated.slice(0, SHOWN),
		refused: plan.refused.slice(0, 1000),
		provisions: plan.provisions.slice(0, SHOWN),
		newActors: plan.newActors,
		documents: plan.documents.map((d) => ({
			title: d.title,
			reference: d.officialReference,
			date: d.date,
			exists: d.id !== null
		}))
	};
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const done = event.url.searchParams;
	return {
		maxBytes: MAX_IMPORT_BYTES,
		epDefaults,
		done: done.has('created')
			? {
					created: Number(done.get('created')),
					updated: Number(done.get('updated')),
					unchanged: Number(done.get('unchanged')),
					file: done.get('file') ?? ''
				}
			: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const upload = await readUpload(event.request, optionsForm, {
			maxBytes: MAX_IMPORT_BYTES,
			tooLarge,
			unreadable: `The upload could not be read. Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB are accepted; if this one is smaller, the server’s BODY_SIZE_LIMIT is set too low.`,
			noFile: 'Choose a PDF, CSV or JSON file to import.'
		});
		if (!upload.ok) return upload.refusal;
		const { file, values } = upload;
		const { mode, tabledOn, ...ep } = upload.data;
		const result = await importAmendments(db(), dossier.id, new Uint8Array(await file.arrayBuffer()), {
			dryRun: mode === 'dry',
			userId: user.id,
			fileName: file.name,
			ep: { ...ep, tabledOn: tabledOn || null },
			procedure: dossier.procedureRef
		});
		if (!result.ok) return refuse(400, values, errorFor('form', `${file.name}: ${result.error} Nothing was imported.`));
		if (!result.applied) {
			const body = { report: report(result.plan), dryRun: mode === 'dry', fileName: file.name, values };
			return mode === 'dry' ? body : fail(400, body);
		}
		const { created, updated, unchanged } = report(result.plan).counts;
		redirect(
			303,
			`/dossiers/${dossier.slug}/amendments/import?created=${created}&updated=${updated}&unchanged=${unchanged}&file=${encodeURIComponent(file.name)}`
		);
	}
};
