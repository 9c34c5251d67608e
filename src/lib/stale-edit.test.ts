import { describe, expect, it } from 'vitest';
import { conflictRows } from './stale-edit';

describe('conflictRows', () => {
	const labels = { title: 'Title', date: 'Date', authors: 'Tabled by', summary: 'Summary' };

	it('lists the fields that differ, in the order of the labels, as the page shows them', () => {
		const rows = conflictRows(
			labels,
			{ title: 'Theirs', date: null, authors: ['a', 'b'], summary: 'Same' },
			{ title: 'Mine', date: '2025-03', authors: ['b', 'a'], summary: 'Same' }
		);
		expect(rows).toEqual([
			{ field: 'title', label: 'Title', theirs: 'Theirs', mine: 'Mine' },
			{ field: 'date', label: 'Date', theirs: '(empty)', mine: '2025-03' }
		]);
	});

	it('counts an empty text, null and a missing field as the same, and ignores fields without a label', () => {
		expect(conflictRows(labels, { title: '', date: null, other: 'x' }, { summary: undefined, other: 'y' })).toEqual([]);
	});
});
