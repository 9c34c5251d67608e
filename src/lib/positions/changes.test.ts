import { describe, expect, it } from 'vitest';
import { describeValue, diffSnapshots, type PositionSnapshot } from './changes';

const base: PositionSnapshot = {
	actor: 'Germany',
	topic: 'Post remote biometric identification',
	date: '2022-10',
	dateNote: null,
	stance: 'unknown',
	stanceAsReported: null,
	stanceBasis: null,
	summary: 'Wanted to allow post identification.',
	evidence: [{ title: 'Euractiv', url: 'https://euractiv.com' }],
	confidence: 'reported',
	visibility: 'internal',
	internalNote: null
};

describe('diffSnapshots', () => {
	it('lists only the fields that changed, with before and after', () => {
		const after = {
			...base,
			stance: 'opposes',
			visibility: 'public',
			evidence: [{ title: 'Euractiv', url: 'https://euractiv.com' }]
		};
		expect(diffSnapshots(base, after)).toEqual({
			stance: { from: 'unknown', to: 'opposes' },
			visibility: { from: 'internal', to: 'public' }
		});
		expect(diffSnapshots(base, { ...base })).toEqual({});
	});

	it('describes values as text', () => {
		expect(describeValue(null)).toBe('(empty)');
		expect(describeValue([{ title: 'A' }, { title: 'B', url: 'https://b.eu', quote: 'q' }])).toBe(
			'A; B, <https://b.eu>, “q”'
		);
		expect(describeValue('opposes')).toBe('opposes');
	});
});
