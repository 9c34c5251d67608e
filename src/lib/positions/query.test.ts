import { describe, expect, it } from 'vitest';
import { matrixSearch, parseMatrixQuery } from './query';

const keys = ['whole-ban', 'real-time-rbi'];
const parse = (s: string) => parseMatrixQuery(new URLSearchParams(s), keys, '2026-11-26');

describe('parseMatrixQuery', () => {
	it('reads a date, a topic and a stance', () => {
		expect(parse('asOf=2022-12-06&topic=real-time-rbi&stance=opposes')).toEqual({
			asOf: '2022-12-06',
			topic: 'real-time-rbi',
			stance: 'opposes',
			problems: []
		});
	});

	it('treats empty values, today and later dates as today', () => {
		expect(parse('asOf=&topic=&stance=')).toEqual({ asOf: null, topic: null, stance: null, problems: [] });
		expect(parse('asOf=2026-11-26').asOf).toBeNull();
		expect(parse('asOf=2030-01-01').asOf).toBeNull();
	});

	it('ignores and explains bad values', () => {
		const q = parse('asOf=2022-02-30&topic=<script>&stance=maybe');
		expect(q).toMatchObject({ asOf: null, topic: null, stance: null });
		expect(q.problems).toHaveLength(3);
	});
});

describe('matrixSearch', () => {
	it('leaves out defaults', () => {
		expect(matrixSearch({ asOf: null, topic: 'post-rbi' })).toBe('?topic=post-rbi');
		expect(matrixSearch({})).toBe('');
	});
});
