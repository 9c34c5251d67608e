import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/authorization';
import { getDossier } from '$lib/server/dossiers';
import { banStrengthData, getScoreSlot, saveScore } from '$lib/server/scores';
import { formatSources, parseSources } from '$lib/server/stages';
import { isEid } from '$lib/provisions/label';

const slotParams = z.object({ criterion: z.string().regex(/^[a-z0-9-]{1,60}$/), document: z.string().regex(/^[a-z0-9-]{1,60}$/) });

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
		else if (parsed.sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Give at least one source.' });
	});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const { dossier } = await event.parent();
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
		const dossier = await getDossier(db(), event.params.slug);
		if (!dossier) error(404, 'There is no such dossier.');
		const params = slotParams.safeParse(Object.fromEntries(event.url.searchParams));
		if (!params.success) return fail(400, { errors: { form: ['Choose a criterion and a text.'] }, values: null });
		const slot = await getScoreSlot(db(), dossier.id, params.data.criterion, params.data.document);
		if (!slot) error(404, 'There is no such criterion or text to score.');
		const form = Object.fromEntries(await event.request.formData());
		const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
		const parsed = scoreForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: z.flattenError(parsed.error).fieldErrors, values });
		const { sources } = parseSources(parsed.data.sources);
		// The quote belongs to the first source: the text the score rests on.
		if (parsed.data.quote) sources[0] = { ...sources[0], quote: parsed.data.quote };
		const current = slot.score ? slot.score.updatedAt.toISOString() : 'new';
		const stale = () =>
			fail(409, {
				errors: {
					form: [
						`Someone saved this score while you were editing: it is now ${slot.score?.score ?? 'set'} (“${slot.score?.justification ?? ''}”). Your text is kept below: save again to replace theirs.`
					]
				},
				values: { ...values, editedFrom: current } as Record<string, string>
			});
		if (values.editedFrom && values.editedFrom !== current) return stale();
		const saved = await saveScore(db(), user.id, slot, {
			score: parsed.data.score,
			justification: parsed.data.justification,
			provisionEid: parsed.data.provisionEid,
			sources
		});
		if (!saved) return stale();
		redirect(303, `/dossiers/${dossier.slug}/charts#ban-strength`);
	}
};
