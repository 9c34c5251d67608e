import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { findProvisionInput, findVersion, listTextDocuments } from '$lib/server/compare';
import { dossierOf } from '$lib/server/dossiers';
import { diffProvisionText } from '$lib/diff';
import { provisionLabel } from '$lib/provisions/label';
import { admitRequest, compareTextLimit } from '$lib/server/rate-limit';
import { documentKey } from '../params';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';

const MAX = 20_000;
const form = z
	.object({
		mine: z
			.string()
			.max(MAX, `At most ${MAX.toLocaleString('en')} characters.`)
			.default(''),
		other: z
			.string()
			.max(MAX, `At most ${MAX.toLocaleString('en')} characters.`)
			.default(''),
		provision: z.string().trim().max(200).default(''),
		in: documentKey.or(z.literal('')).default('')
	})
	.refine((v) => v.mine.trim() !== '' || v.other.trim() !== '', {
		path: ['mine'],
		message: 'Type or paste a text to compare.'
	})
	.refine((v) => v.provision === '' || v.in !== '', { path: ['in'], message: 'Say which text the provision is in.' });

/** A text field, '' when absent: the page shows every field again, typed or not. */
const text = (f: FormData, name: string) => {
	const v = f.get(name);
	return typeof v === 'string' ? v : '';
};

export const load: PageServerLoad = async ({ params, locals }) => {
	const dossier = await dossierOf({ params, locals });
	return { documents: await listTextDocuments(db(), dossier.id) };
};

/**
 * Compares the visitor's own text with a provision (or with a second text of their own). Nothing is
 * stored: the answer is the diff, shown on the same page.
 */
export const actions: Actions = {
	default: async (event) => {
		const { request, getClientAddress, setHeaders } = event;
		// Public and costly: limited per address before the texts are even read.
		const throttle = await admitRequest(db(), `compare-text:${getClientAddress()}`, compareTextLimit);
		if (throttle.limited) {
			setHeaders({ 'retry-after': String(throttle.retryAfterSeconds) });
			error(429, `Too many comparisons from your address. Try again in ${throttle.retryAfterSeconds} seconds.`);
		}
		const read = await readForm(request, form, {
			input: (f) => ({
				mine: text(f, 'mine'),
				other: text(f, 'other'),
				provision: text(f, 'provision'),
				in: text(f, 'in')
			})
		});
		if (!read.ok) return invalid(read);
		const { data: input, values } = read;

		let other = { text: input.other, label: 'Second text' };
		if (input.provision) {
			const dossier = await dossierOf(event);
			const documents = await listTextDocuments(db(), dossier.id);
			const doc = documents.find((d) => d.key === input.in);
			const eid = doc ? await findProvisionInput(db(), dossier.id, doc.id, input.provision) : null;
			const version = eid && doc ? await findVersion(db(), dossier.id, doc.id, eid) : undefined;
			if (!version || !doc)
				return refuse(400, values, errorFor('provision', `No provision “${input.provision}” in that text.`));
			other = { text: version.deleted ? '' : version.text, label: `${provisionLabel(version.eid)}, ${doc.title}` };
		}
		const diff = diffProvisionText(other.text, input.mine);
		return { values, result: { diff, left: other.label, right: 'Your text' } };
	}
};
