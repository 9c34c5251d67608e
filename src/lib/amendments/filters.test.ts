import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseFilters } from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('parseFilters', () => {
	it('reads every filter from the URL', () => {
		const { filters, errors } = parse(
			'q=biometric&provision=art_5__para_1&status=tabled&status=plenary_adopted&author=greens-efa&group=s-d&body=ep-libe&assessment=weakens&from=2023-01&to=2023-06-14&sort=tabled_desc&page=3'
		);
		expect(errors).toEqual({});
		expect(filters).toMatchObject({
			q: 'biometric',
			provision: 'art_5__para_1',
			status: ['tabled', 'plenary_adopted'],
			author: 'greens-efa',
			group: 's-d',
			body: 'ep-libe',
			assessment: 'weakens',
			from: '2023-01',
			to: '2023-06-14',
			sort: 'tabled_desc',
			page: 3,
			size: 50
		});
	});

	it('defaults to number order, or relevance with a search', () => {
		expect(parse('').filters.sort).toBe('number');
		expect(parse('q=face').filters.sort).toBe('relevance');
		expect(parse('sort=relevance').filters.sort).toBe('number');
	});

	it('drops a bad value and says why, instead of failing', () => {
		const { filters, errors } = parse(
			'status=bogus&provision=DROP TABLE&page=-1&from=2023-13&author=<script>&size=1000'
		);
		expect(filters.status).toEqual([]);
		expect(filters.provision).toBeUndefined();
		expect(filters.page).toBe(1);
		expect(filters.size).toBe(50);
		expect(Object.keys(errors).sort()).toEqual(['author', 'from', 'page', 'provision', 'size', 'status']);
	});

	it('refuses an end date before the start date', () => {
		expect(parse('from=2023-06&to=2022').errors.to).toMatch(/before/);
	});
});

describe('filtersToQuery', () => {
	it('round-trips and leaves out defaults', () => {
		const query = '?q=remote+biometric&provision=art_5&status=tabled&assessment=none&page=2';
		const { filters } = parse(query.slice(1));
		expect(filtersToQuery(filters)).toBe(query);
		expect(filtersToQuery(parse('').filters)).toBe('');
	});

	it('changes one field and keeps the rest', () => {
		const { filters } = parse('status=tabled&page=4');
		expect(filtersToQuery(filters, { page: 1 })).toBe('?status=tabled');
	});
});
