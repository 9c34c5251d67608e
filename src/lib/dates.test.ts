import { describe, expect, it } from 'vitest';
import { formatDate, isUpcoming } from './dates';

describe('formatDate', () => {
	it('formats full, partial and unknown dates', () => {
		expect(formatDate('2024-07-12')).toBe('12 July 2024');
		expect(formatDate('2021-04-21')).toBe('21 April 2021');
		expect(formatDate('2024-04')).toBe('April 2024');
		expect(formatDate('2024')).toBe('2024');
		expect(formatDate(null)).toBe('date unknown');
	});
});

describe('isUpcoming', () => {
	const today = '2026-11-26';
	it('puts later dates in the future', () => {
		expect(isUpcoming('2027-08-02', today)).toBe(true);
		expect(isUpcoming('2026-11-27', today)).toBe(true);
		expect(isUpcoming('2026-12', today)).toBe(true);
	});
	it('counts today, past dates, begun periods and unknown dates as not upcoming', () => {
		expect(isUpcoming('2026-11-26', today)).toBe(false);
		expect(isUpcoming('2024-07-12', today)).toBe(false);
		expect(isUpcoming('2026-11', today)).toBe(false);
		expect(isUpcoming('2026', today)).toBe(false);
		expect(isUpcoming(null, today)).toBe(false);
	});
});
