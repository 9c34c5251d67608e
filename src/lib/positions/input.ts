import { z } from 'zod';
import type { SourceRef } from '../sources';
import { confidences, stances, WHOLE_BAN } from './stance';

/** The draft form as typed, echoed back on errors (every value a string). */
export interface PositionFormValues {
	actorId: string;
	topic: string;
	date: string;
	dateNote: string;
	stance: string;
	stanceAsReported: string;
	stanceBasis: string;
	summary: string;
	confidence: string;
	visibility: string;
	internalNote: string;
	evidence: EvidenceRow[];
}

export interface EvidenceRow {
	title: string;
	url: string;
	documentRef: string;
	quote: string;
}

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `At most ${max} characters.`)
		.transform((s) => (s === '' ? null : s));

/** A real calendar date, possibly partial: '2022-12-06', '2022-12' or '2022'. */
export function isPartialIsoDate(s: string): boolean {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
	if (!m) return false;
	const [, y, mo, d] = m;
	if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
	if (d) {
		const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
		return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1;
	}
	return true;
}

/** A full date ('2022-12-06') only: what the "as of" control accepts. */
export const isFullIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isPartialIsoDate(s);

const evidenceRow = z.object({
	title: text(300),
	url: z
		.string()
		.trim()
		.max(2000)
		.refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'A web address starting with http:// or https://.')
		.transform((s) => (s === '' ? null : s)),
	documentRef: text(300),
	quote: text(2000)
});

export const positionInput = z.object({
	actorId: z.coerce
		.number({ message: 'Choose who took the position.' })
		.int()
		.positive('Choose who took the position.'),
	topic: z
		.string()
		.trim()
		.refine((s) => s === WHOLE_BAN || /^\d+$/.test(s), 'Choose a topic, or the ban as a whole.')
		.transform((s) => (s === WHOLE_BAN ? null : Number(s))),
	date: z
		.string()
		.trim()
		.refine(
			(s) => s === '' || isPartialIsoDate(s),
			'A date as YYYY-MM-DD, YYYY-MM or YYYY (or leave it empty if unknown).'
		)
		.transform((s) => (s === '' ? null : s)),
	dateNote: text(500),
	stance: z.enum(stances, { message: 'Choose a stance (“Unknown” when the source does not say).' }),
	stanceAsReported: text(200),
	stanceBasis: text(1000),
	summary: z.string().trim().min(1, 'Write what the source says.').max(4000, 'At most 4000 characters.'),
	confidence: z.enum(confidences, { message: 'Choose how sure we are.' }),
	visibility: z.enum(['public', 'internal'], { message: 'Choose public or internal.' }),
	internalNote: text(4000),
	evidence: z
		.array(evidenceRow)
		.max(20, 'At most 20 sources.')
		.refine(
			(rows) => rows.some((r) => r.url || r.documentRef),
			'Give at least one source: a web address or a document reference.'
		)
});

export type PositionInput = z.output<typeof positionInput>;

const str = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};
const all = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v : ''));

/** Reads the draft form; evidence comes as repeated fields, one row each, empty rows dropped. */
export function positionFormValues(form: FormData): PositionFormValues {
	const titles = all(form, 'evidenceTitle');
	const urls = all(form, 'evidenceUrl');
	const refs = all(form, 'evidenceDocumentRef');
	const quotes = all(form, 'evidenceQuote');
	const rows = Math.max(titles.length, urls.length, refs.length, quotes.length);
	const evidence: EvidenceRow[] = [];
	for (let i = 0; i < rows; i++) {
		const row = { title: titles[i] ?? '', url: urls[i] ?? '', documentRef: refs[i] ?? '', quote: quotes[i] ?? '' };
		if (Object.values(row).some((v) => v.trim() !== '')) evidence.push(row);
	}
	return {
		actorId: str(form, 'actorId'),
		topic: str(form, 'topic'),
		date: str(form, 'date'),
		dateNote: str(form, 'dateNote'),
		stance: str(form, 'stance'),
		stanceAsReported: str(form, 'stanceAsReported'),
		stanceBasis: str(form, 'stanceBasis'),
		summary: str(form, 'summary'),
		confidence: str(form, 'confidence'),
		visibility: str(form, 'visibility'),
		internalNote: str(form, 'internalNote'),
		evidence
	};
}

/** An evidence row as stored: the document reference goes in `locator`, or is the title when there is none. */
export function toSourceRef(row: z.output<typeof evidenceRow>): SourceRef {
	const host = row.url ? row.url.replace(/^https?:\/\/([^/]+).*$/i, '$1') : null;
	const title = row.title ?? row.documentRef ?? host ?? 'Source';
	return {
		title,
		url: row.url,
		locator: row.title && row.documentRef ? row.documentRef : null,
		quote: row.quote,
		kind: null,
		note: null,
		published: null
	};
}

/** A stored source back into a form row. */
export function toEvidenceRow(s: SourceRef): EvidenceRow {
	return { title: s.title ?? '', url: s.url ?? '', documentRef: s.locator ?? '', quote: s.quote ?? '' };
}

/** The form layer's error shape (`FieldErrors` in $lib/server/forms) with this form's field names ('evidence' for the sources). */
export type FieldErrors = Partial<Record<keyof PositionFormValues | 'form', string[]>>;

/** A stored position as the form's values, for editing. */
export function positionFormFromRow(p: {
	actorId: number;
	topicId: number | null;
	date: string | null;
	dateNote: string | null;
	stance: string;
	stanceAsReported: string | null;
	stanceBasis: string | null;
	summary: string;
	confidence: string;
	visibility: string;
	internalNote: string | null;
	evidence: SourceRef[];
}): PositionFormValues {
	return {
		actorId: String(p.actorId),
		topic: p.topicId === null ? WHOLE_BAN : String(p.topicId),
		date: p.date ?? '',
		dateNote: p.dateNote ?? '',
		stance: p.stance,
		stanceAsReported: p.stanceAsReported ?? '',
		stanceBasis: p.stanceBasis ?? '',
		summary: p.summary,
		confidence: p.confidence,
		visibility: p.visibility,
		internalNote: p.internalNote ?? '',
		evidence: p.evidence.map(toEvidenceRow)
	};
}

/** An empty form, optionally for one actor and topic. */
export function emptyPositionForm(actorId = '', topic = ''): PositionFormValues {
	return {
		actorId,
		topic,
		date: '',
		dateNote: '',
		stance: 'unknown',
		stanceAsReported: '',
		stanceBasis: '',
		summary: '',
		confidence: 'reported',
		visibility: 'internal',
		internalNote: '',
		evidence: []
	};
}
