import { z } from 'zod';
import { isEid } from '$lib/validators';
import { amendmentStatuses, assessmentDirections, type AmendmentStatus } from './statuses';

export const amendmentSorts = ['number', 'target', 'tabled_desc', 'tabled_asc', 'relevance'] as const;
export type AmendmentSort = (typeof amendmentSorts)[number];
export const sortLabels: Record<AmendmentSort, string> = {
	number: 'Number',
	target: 'Target provision',
	tabled_desc: 'Tabled, newest first',
	tabled_asc: 'Tabled, oldest first',
	relevance: 'Relevance (with a search)'
};

/** 'none' means: no assessment the viewer can see. */
export const assessmentFilters = [...assessmentDirections, 'none'] as const;
export type AssessmentFilter = (typeof assessmentFilters)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A list view of amendments; every field comes from (and goes back to) the URL. */
export interface AmendmentFilters {
	/** Full-text search (web-search syntax: "quoted phrase", or, -word). */
	q?: string;
	/** eId of a provision; its parts are included. */
	provision?: string;
	status: AmendmentStatus[];
	/** Actor slug: the author itself or, for a group or committee, any of its members. */
	author?: string;
	group?: string;
	/** A committee or institution (actor slug). */
	body?: string;
	assessment?: AssessmentFilter;
	/** Tabling date bounds, ISO and possibly partial ('2023', '2023-06'). */
	from?: string;
	to?: string;
	/** Only for reviewers; the public always sees public amendments only. */
	visibility?: 'public' | 'internal';
	sort: AmendmentSort;
	page: number;
	size: number;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Unknown actor.');
const isoDate = z
	.string()
	.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Use a date like 2023-06-14, 2023-06 or 2023.');

const fields = {
	q: z.string().trim().max(200, 'Search at most 200 characters.'),
	provision: z.string().refine(isEid, 'Not a provision identifier (e.g. art_5 or art_5__para_1__point_h).'),
	status: z.enum(amendmentStatuses, 'Unknown status.'),
	author: slug,
	group: slug,
	body: slug,
	assessment: z.enum(assessmentFilters, 'Unknown assessment.'),
	from: isoDate,
	to: isoDate,
	visibility: z.enum(['public', 'internal'], 'Public or internal.'),
	sort: z.enum(amendmentSorts, 'Unknown order.'),
	page: z.coerce.number().int('A page number.').min(1, 'A page number.').max(100_000, 'A page number.'),
	size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} a page.`)
} as const;

type FieldName = keyof typeof fields;
export type FilterErrors = Partial<Record<FieldName, string>>;

/**
 * Reads the filters from a URL's query. A value that does not parse is left out and reported in
 * `errors`, so the page still shows (with the message) and the API can answer 400.
 */
export function parseFilters(params: URLSearchParams): { filters: AmendmentFilters; errors: FilterErrors } {
	const errors: FilterErrors = {};
	const one = <K extends FieldName>(name: K): z.infer<(typeof fields)[K]> | undefined => {
		const raw = params.get(name);
		if (raw === null || raw.trim() === '') return undefined;
		const parsed = fields[name].safeParse(raw);
		if (parsed.success) return parsed.data as z.infer<(typeof fields)[K]>;
		errors[name] = parsed.error.issues[0]?.message ?? 'Invalid.';
		return undefined;
	};
	const status: AmendmentStatus[] = [];
	for (const raw of params.getAll('status')) {
		if (raw === '') continue;
		const parsed = fields.status.safeParse(raw);
		if (parsed.success) {
			if (!status.includes(parsed.data)) status.push(parsed.data);
		} else errors.status = `Unknown status “${raw.slice(0, 40)}”.`;
	}
	const q = one('q') || undefined;
	const filters: AmendmentFilters = {
		q,
		provision: one('provision'),
		status,
		author: one('author'),
		group: one('group'),
		body: one('body'),
		assessment: one('assessment'),
		from: one('from'),
		to: one('to'),
		visibility: one('visibility'),
		sort: one('sort') ?? (q ? 'relevance' : 'number'),
		page: one('page') ?? 1,
		size: one('size') ?? DEFAULT_PAGE_SIZE
	};
	if (filters.sort === 'relevance' && !filters.q) filters.sort = 'number';
	if (filters.from && filters.to && filters.from > filters.to) errors.to = 'The end date is before the start date.';
	return { filters, errors };
}

/**
 * The query string of a view, leaving out defaults, so links stay short and the same view always has
 * the same URL. `overrides` change some fields (e.g. the page) without touching the rest.
 */
export function filtersToQuery(filters: AmendmentFilters, overrides: Partial<AmendmentFilters> = {}): string {
	const f = { ...filters, ...overrides };
	const params = new URLSearchParams();
	const add = (name: string, value: string | number | undefined) => {
		if (value !== undefined && value !== '') params.append(name, String(value));
	};
	add('q', f.q);
	add('provision', f.provision);
	for (const s of f.status) add('status', s);
	add('author', f.author);
	add('group', f.group);
	add('body', f.body);
	add('assessment', f.assessment);
	add('from', f.from);
	add('to', f.to);
	add('visibility', f.visibility);
	if (f.sort !== (f.q ? 'relevance' : 'number')) add('sort', f.sort);
	if (f.page !== 1) add('page', f.page);
	if (f.size !== DEFAULT_PAGE_SIZE) add('size', f.size);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function isFiltered(f: AmendmentFilters): boolean {
	return !!(
		f.q ||
		f.provision ||
		f.status.length ||
		f.author ||
		f.group ||
		f.body ||
		f.assessment ||
		f.from ||
		f.to ||
		f.visibility
	);
}
