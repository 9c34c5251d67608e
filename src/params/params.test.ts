import { describe, expect, it } from 'vitest';
import { match as id } from './id';
import { match as eid } from './eid';

describe('the [id=id] matcher', () => {
	it('takes database ids', () => {
		for (const raw of ['1', '42', '2147483647']) expect(id(raw), raw).toBe(true);
	});
	it('leaves everything else to the 404', () => {
		for (const raw of ['', '0', '01', '-1', '1.5', '1e3', ' 1', '2147483648', '99999999999', 'abc'])
			expect(id(raw), raw).toBe(false);
	});
});

describe('the [eid=eid] matcher', () => {
	it('takes provision eIds', () => {
		for (const raw of ['art_5', 'art_5__para_1__point_h', 'title_III__chp_3', 'anx_VIIIa', 'art_-57a'])
			expect(eid(raw), raw).toBe(true);
	});
	it('leaves everything else to the 404', () => {
		for (const raw of ['', '5', 'art_', 'art 5', 'Art_5', 'art_5/para_1', `art_${'1'.repeat(200)}`])
			expect(eid(raw), raw).toBe(false);
	});
});
