import { describe, expect, it } from 'vitest';
import { idField, isEid, isFullDate, isPartialDate, isSlug, parseId, partialDateField } from './validators';

describe('parseId', () => {
	it('reads positive integers that fit a database integer', () => {
		expect(parseId('1')).toBe(1);
		expect(parseId('2147483647')).toBe(2_147_483_647);
	});
	it('refuses everything else', () => {
		for (const raw of ['', '0', '01', '-1', '1.5', '1e3', ' 1', '2147483648', '99999999999', 'abc', null, undefined])
			expect(parseId(raw)).toBeNull();
	});
	it('is a form field too', () => {
		expect(idField.parse(' 7 ')).toBe(7);
		expect(idField.safeParse('x').success).toBe(false);
	});
});

describe('isEid', () => {
	it('accepts the identifiers the dossier uses', () => {
		for (const e of [
			'art_5',
			'art_5__para_1__point_h',
			'title_III__chp_3',
			'anx_VIIIa',
			'art_-57a',
			'rec_32',
			'art_4.5',
			'art_5__point_a_2'
		])
			expect(isEid(e)).toBe(true);
	});
	it('refuses other strings', () => {
		for (const e of ['', 'art', 'art_', '5', 'Art_5', 'art_5/x', '_5', 'art_5/../x', 'art 5', `art_${'1'.repeat(200)}`])
			expect(isEid(e)).toBe(false);
	});
});

describe('isSlug', () => {
	it('accepts lower-case words with hyphens', () => {
		expect(isSlug('ai-act')).toBe(true);
		expect(isSlug('post-rbi')).toBe(true);
	});
	it('refuses the rest', () => {
		for (const s of ['', 'AI-Act', 'ai act', 'ai_act', 'a'.repeat(81), '../x']) expect(isSlug(s)).toBe(false);
	});
});

describe('partial dates', () => {
	it('accepts real dates, whole or partial', () => {
		for (const d of ['2024', '2024-07', '2024-07-12', '2024-02-29']) expect(isPartialDate(d)).toBe(true);
	});
	it('refuses impossible or malformed ones', () => {
		for (const d of ['', '24', '2024-13', '2024-00', '2023-02-29', '2024-04-31', '2024-7-1', '12.07.2024'])
			expect(isPartialDate(d)).toBe(false);
	});
	it('knows a full date from a partial one', () => {
		expect(isFullDate('2024-07-12')).toBe(true);
		expect(isFullDate('2024-07')).toBe(false);
	});
	it('as a field: trimmed, empty allowed, the message given', () => {
		const field = partialDateField('Bad date.');
		expect(field.parse(' 2024-07 ')).toBe('2024-07');
		expect(field.parse('')).toBe('');
		expect(field.safeParse('2024-13').error?.issues[0].message).toBe('Bad date.');
	});
});
