import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { dossierOf } from '$lib/server/dossiers';
import { banStrengthData, getScoreSlot, saveScore } from '$lib/server/scores';
import { formatSources, parseSources } from '$lib/server/stages';
import { isEid, isSlug } from '$lib/validators';
import { errorFor, invalid, readForm, refuse } from '$lib/server/forms';

const slotParams = z.object({ criterion: z.string().refine(isSlug), document: z.string().refine(isSlug) });

const scoreForm = z
	.object({
		score: z.enum(['0', '0.5', '1'], 'Choose 0, 0.5 or 1.').transform(Number),
		justification: z.string().trim().min(10, 'Say why, in a sentence or more.').max(4000, 'At most 4,000 characters.'),
		provisionEid: z
			.string()
			.trim()
			.refine((s) => s === '' || isEid(s), 'An eId such as art_5__para_1__point_h, or empty.')
			.transform((s) => s || null),
		sources: z.string().max(10_000).default(''),
		quote: z.string().trim().max(2000, 'At most 2,000 characters.').default('')
	})
	.superRefine((v, ctx) => {
		const parsed = parseSources(v.sources);
		if (parsed.error) ctx.addIssue({ code: 'custom', path: ['sources'], message: parsed.error });
		else if (parsed.sources.length === 0)
			ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Give at least one source.' });
	});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const dossier = await dossierOf(event);
	const params = slotParams.safeParse(Object.fromEntries(event.url.searchParams));
	if (!params.success) {
		return { slot: null, overview: await banStrengthData(db(), dossier.id), values: null };
	}
	const slot = await getScoreSlot(db(), dossier.id, params.data.criterion, params.data.document);
	if (!slot) error(404, 'There is no such criterion or text to score.');
	const s = slot.score;
	return {
		slot: { criterion: slot.criterion, document: { key: slot.document.key, title: slot.document.title }, exists: !!s },
		overview: null,
		values: {
			// The version the editor starts from (see saveScore).
			editedFrom: s ? s.updatedAt.toISOString() : 'new',
			score: s ? String(s.score) : '',
			justification: s?.justification ?? '',
			provisionEid: s?.provisionEid ?? '',
			sources: formatSources(s?.sources ?? []),
			quote: s?.sources.find((x) => x.quote)?.quote ?? ''
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const dossier = await dossierOf(event);
		const params = slotParams.safeParse(Object.fromEntries(event.url.searchParams));
		if (!params.success) return refuse(400, null, errorFor('form', 'Choose a criterion and a text.'));
		const slot = await getScoreSlot(db(), dossier.id, params.data.criterion, params.data.document);
		if (!slot) error(404, 'There is no such criterion or text to score.');
		const read = await readForm(event.request, scoreForm);
		if (!read.ok) return invalid(read);
		const { data: parsed, values } = read;
		const { sources } = parseSources(parsed.sources);
		// The quote belongs to the first source: the text the score rests on.
		if (parsed.quote) sources[0] = { ...sources[0], quote: parsed.quote };
		const current = slot.score ? slot.score.updatedAt.toISOString() : 'new';
		const stale = () =>
			refuse(
				409,
				{ ...values, editedFrom: current },
				errorFor(
					'form',
					`Someone saved this score while you were editing: it is now ${slot.score?.score ?? 'set'} (“${slot.score?.justification ?? ''}”). Your text is kept below: save again to replace theirs.`
				)
			);
		if (values.editedFrom && values.editedFrom !== current) return stale();
		const saved = await saveScore(db(), user.id, slot, {
			score: parsed.score,
			justification: parsed.justification,
			provisionEid: parsed.provisionEid,
			sources
		});
		if (!saved) return stale();
		redirect(303, `/dossiers/${dossier.slug}/charts#ban-strength`);
	}
};
