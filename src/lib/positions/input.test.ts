import { errorsOf } from '$lib/server/forms';
import { describe, expect, it } from 'vitest';
import {
	isFullIsoDate,
	isPartialIsoDate,
	positionFormValues,
	positionInput,
	toEvidenceRow,
	toSourceRef
} from './input';
import { WHOLE_BAN } from './stance';

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

const valid = {
	actorId: '11',
	topic: '3',
	date: '2022-10',
	stance: 'opposes',
	summary: 'Wanted to allow post identification.',
	confidence: 'reported',
	visibility: 'public',
	evidenceTitle: ['Euractiv', ''],
	evidenceUrl: ['https://www.euractiv.com/x', ''],
	evidenceDocumentRef: ['', ''],
	evidenceQuote: ['“allow ex-post”', '']
};

describe('dates', () => {
	it('accepts real full and partial dates only', () => {
		expect(['2022', '2022-12', '2022-12-06', '2024-02-29'].every(isPartialIsoDate)).toBe(true);
		expect(['2022-13', '2023-02-29', '22-12-06', '2022-12-6', ''].some(isPartialIsoDate)).toBe(false);
		expect(isFullIsoDate('2022-12')).toBe(false);
		expect(isFullIsoDate('2022-12-06')).toBe(true);
	});
});

describe('positionInput', () => {
	it('parses a complete form, dropping empty evidence rows', () => {
		const values = positionFormValues(form(valid));
		expect(values.evidence).toHaveLength(1);
		const parsed = positionInput.parse(values);
		expect(parsed).toMatchObject({ actorId: 11, topic: 3, date: '2022-10', stance: 'opposes', internalNote: null });
		expect(toSourceRef(parsed.evidence[0])).toMatchObject({
			title: 'Euractiv',
			url: 'https://www.euractiv.com/x',
			quote: '“allow ex-post”'
		});
	});

	it('reads the whole-ban topic and an unknown date as null', () => {
		const parsed = positionInput.parse(positionFormValues(form({ ...valid, topic: WHOLE_BAN, date: '' })));
		expect(parsed.topic).toBeNull();
		expect(parsed.date).toBeNull();
	});

	it('refuses a missing source, a bad date, a bad stance and a javascript: URL, with field errors', () => {
		const result = positionInput.safeParse(
			positionFormValues(
				form({ ...valid, date: '2022-02-30', stance: 'maybe', evidenceUrl: 'javascript:alert(1)', evidenceTitle: 'x' })
			)
		);
		expect(result.success).toBe(false);
		const errors = errorsOf(result.error!);
		expect(Object.keys(errors).sort()).toEqual(['date', 'evidence', 'stance']);
		const noSource = positionInput.safeParse(
			positionFormValues(form({ ...valid, evidenceUrl: '', evidenceTitle: 'only a title' }))
		);
		expect(errorsOf(noSource.error!).evidence?.[0]).toMatch(/at least one source/);
	});

	it('keeps a document reference as the title when there is none, and round-trips rows', () => {
		const parsed = positionInput.parse(
			positionFormValues(
				form({ ...valid, evidenceTitle: '', evidenceUrl: '', evidenceDocumentRef: 'Kamerstuk 32761 nr. 253' })
			)
		);
		const ref = toSourceRef(parsed.evidence[0]);
		expect(ref).toMatchObject({ title: 'Kamerstuk 32761 nr. 253', url: null, locator: null });
		expect(toEvidenceRow({ title: 'T', url: 'https://a.eu', locator: 'p. 3', quote: 'q' })).toEqual({
			title: 'T',
			url: 'https://a.eu',
			documentRef: 'p. 3',
			quote: 'q'
		});
	});
});
