import { z } from 'zod';
import type { SourceRef } from '$lib/sources';
import { isEid, isPartialDate } from '$lib/validators';
import { amendmentStatuses, type AmendmentStatus } from './statuses';

export const targetParts = ['whole', 'introductory', 'heading', 'section-heading', 'chapter-heading'] as const;

/**
 * One amendment as it travels in and out: the export writes it, the import reads it, the form edits it.
 * Keyed by (tablingContext, number), which is unique within a dossier.
 */
export interface AmendmentRecord {
	tablingContext: string;
	number: string;
	/** eId of the target provision; null when not linked to one. */
	provision: string | null;
	/** The target as printed, e.g. 'Article 5 – paragraph 1 – point d'. */
	target: string;
	targetPart: (typeof targetParts)[number];
	tabledOn: string | null;
	status: AmendmentStatus;
	visibility: 'public' | 'internal';
	/** Actor slugs. */
	authors: string[];
	baseText: string;
	proposedText: string;
	deletesProvision: boolean;
	newProvision: boolean;
	justification: string | null;
	sources: SourceRef[];
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const text = (label: string, max: number) =>
	z.string(`${label} is missing.`).max(max, `${label}: at most ${max.toLocaleString('en')} characters.`);

const sourceRef = z.object({
	title: z.string().min(1),
	// http(s) only: the address becomes a link on public pages, where javascript: or data: would run script.
	url: z.url({ protocol: /^https?$/, error: 'Sources: a url must start with http:// or https://.' }).nullish(),
	kind: z.string().nullish(),
	locator: z.string().nullish(),
	note: z.string().nullish(),
	published: z.string().nullish(),
	quote: z.string().nullish()
});

/** Field rules shared by the form and the import; messages name the field for the import report. */
export const recordFields = {
	tablingContext: text('Tabling context', 200).trim().min(1, 'Tabling context is missing.'),
	number: text('Number', 40).trim().min(1, 'Number is missing.'),
	provision: z.preprocess(
		blankToNull,
		z.string().trim().refine(isEid, 'Provision: not an identifier like art_5__para_1__point_h.').nullable()
	),
	target: text('Target', 500).trim().min(1, 'Target is missing.'),
	targetPart: z.enum(targetParts, `Target part: one of ${targetParts.join(', ')}.`),
	tabledOn: z.preprocess(
		blankToNull,
		z.string().refine(isPartialDate, 'Tabled on: a date like 2023-06-14 (or 2023-06, 2023).').nullable()
	),
	status: z.enum(amendmentStatuses, `Status: one of ${amendmentStatuses.join(', ')}.`),
	visibility: z.enum(['public', 'internal'], 'Visibility: public or internal.'),
	authors: z
		.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Authors: actor identifiers like greens-efa, separated by ;.'))
		.max(50),
	baseText: text('Base text', 100_000),
	proposedText: text('Proposed text', 100_000),
	deletesProvision: z.boolean(),
	newProvision: z.boolean(),
	justification: z.preprocess(blankToNull, text('Justification', 20_000).nullable()),
	sources: z.array(sourceRef, 'Sources: a JSON list of {title, url}.').max(50)
};

type Shape = { [K in keyof typeof recordFields]: z.infer<(typeof recordFields)[K]> };

/** How the fields fit together. */
function checkTexts(
	r: Pick<Shape, 'deletesProvision' | 'newProvision' | 'baseText' | 'proposedText'>,
	ctx: z.RefinementCtx
) {
	if (r.deletesProvision && r.proposedText.trim() !== '')
		ctx.addIssue({ code: 'custom', path: ['proposedText'], message: 'A deletion has no proposed text.' });
	if (!r.deletesProvision && r.proposedText.trim() === '')
		ctx.addIssue({
			code: 'custom',
			path: ['proposedText'],
			message: 'Proposed text is empty (for a deletion, tick “deletes the provision”).'
		});
	if (!r.newProvision && r.baseText.trim() === '')
		ctx.addIssue({
			code: 'custom',
			path: ['baseText'],
			message: 'Base text is empty (for a new provision, tick “new provision”).'
		});
	if (r.newProvision && r.deletesProvision)
		ctx.addIssue({
			code: 'custom',
			path: ['deletesProvision'],
			message: 'An amendment cannot both insert and delete a provision.'
		});
}

/** A whole record: the fields, and how they fit together. */
export const amendmentRecordSchema = z.object(recordFields).superRefine(checkTexts);

/** What the edit form sends: a record without status (it has its own lifecycle) and sources (kept). */
export const amendmentDraftSchema = z
	.object(recordFields)
	.omit({ status: true, sources: true })
	.superRefine(checkTexts);

/** The amendment form as typed: what the draft schema reads and what a refused form shows again. */
export interface DraftFormInput {
	tablingContext: string;
	number: string;
	provision: string;
	target: string;
	targetPart: string;
	tabledOn: string;
	visibility: string;
	authors: string[];
	baseText: string;
	proposedText: string;
	deletesProvision: boolean;
	newProvision: boolean;
	justification: string;
}

/** Form fields (strings, checkboxes, a multi-select of authors) to the draft schema's input. */
export function draftInput(form: FormData): DraftFormInput {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
	};
	return {
		tablingContext: text('tablingContext'),
		number: text('number'),
		provision: text('provision'),
		target: text('target'),
		targetPart: text('targetPart') || 'whole',
		tabledOn: text('tabledOn'),
		visibility: text('visibility'),
		authors: form.getAll('authors').filter((a): a is string => typeof a === 'string' && a !== ''),
		baseText: text('baseText'),
		proposedText: text('proposedText'),
		deletesProvision: form.get('deletesProvision') === 'on',
		newProvision: form.get('newProvision') === 'on',
		justification: text('justification')
	};
}

/** The documented CSV header, in order. */
export const csvColumns = [
	'tabling_context',
	'number',
	'provision',
	'target',
	'target_part',
	'tabled_on',
	'status',
	'visibility',
	'authors',
	'base_text',
	'proposed_text',
	'deletes_provision',
	'new_provision',
	'justification',
	'sources'
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Without these an import cannot identify or describe an amendment. */
export const requiredCsvColumns: readonly CsvColumn[] = [
	'tabling_context',
	'number',
	'target',
	'base_text',
	'proposed_text'
];

export const columnField: Record<CsvColumn, keyof AmendmentRecord> = {
	tabling_context: 'tablingContext',
	number: 'number',
	provision: 'provision',
	target: 'target',
	target_part: 'targetPart',
	tabled_on: 'tabledOn',
	status: 'status',
	visibility: 'visibility',
	authors: 'authors',
	base_text: 'baseText',
	proposed_text: 'proposedText',
	deletes_provision: 'deletesProvision',
	new_provision: 'newProvision',
	justification: 'justification',
	sources: 'sources'
};

/** One record as CSV cells in `csvColumns` order (before neutralising and quoting). */
export function recordToCsvCells(r: AmendmentRecord): string[] {
	return csvColumns.map((column) => {
		const value = r[columnField[column]];
		if (column === 'authors') return r.authors.join(';');
		if (column === 'sources') return r.sources.length ? JSON.stringify(r.sources) : '';
		if (typeof value === 'boolean') return value ? 'true' : 'false';
		return value == null ? '' : String(value);
	});
}
