import { describe, expect, it } from 'vitest';
import { diffProvisionText } from '.';
import { changedWords, compareMarks } from './marks';

const before =
	'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purpose of law enforcement';
const after =
	'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces by law enforcement authorities';

describe('compareMarks', () => {
	const diff = diffProvisionText(before, after);

	it('lists the words a diff inserts and deletes', () => {
		expect(changedWords(diff, 'insert')).toEqual(['by', 'authorities']);
		expect(changedWords(diff, 'delete')).toEqual(['for', 'the', 'purpose', 'of']);
	});

	it('agrees when the marks are the diff’s changes', () => {
		expect(compareMarks(['by', 'authorities'], diff, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
	});

	it('lists marked words the diff does not change, and changed words without a mark', () => {
		expect(compareMarks(['by law enforcement'], diff, 'insert')).toEqual({
			markedNotChanged: ['law', 'enforcement'],
			changedNotMarked: ['authorities']
		});
		expect(compareMarks([], diff, 'delete')).toEqual({
			markedNotChanged: [],
			changedNotMarked: ['for', 'the', 'purpose', 'of']
		});
	});

	it('leaves footnote markers out: they are renumbered, not marked', () => {
		const renumbered = diffProvisionText('Decision 2002/584/JHA[^62] and', 'Decision 2002/584/JHA[^32] and');
		expect(compareMarks([], renumbered, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
	});

	it('counts repeated words one for one', () => {
		expect(compareMarks(['the', 'the'], diff, 'delete').markedNotChanged).toEqual(['the']);
	});
});
