import { describe, expect, it } from 'vitest';
import { diffProvisionText } from '.';
import { compareMarks, diffWords } from './marks';

const before =
	'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purpose of law enforcement';
const after =
	'(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces by law enforcement authorities';

const changed = (words: { text: string; marked: boolean; counted: boolean }[]) =>
	words.filter((w) => w.counted && w.marked).map((w) => w.text);

describe('diffWords', () => {
	const diff = diffProvisionText(before, after);

	it('gives both texts word by word, the words the diff inserts and deletes marked', () => {
		const words = diffWords(diff);
		expect(changed(words.after)).toEqual(['by', 'authorities']);
		expect(changed(words.before)).toEqual(['for', 'the', 'purpose', 'of']);
		expect(words.after.map((w) => w.text).join(' ')).toContain('spaces by law enforcement authorities');
		// "law" is kept: it is the proposal's "law".
		const law = words.after.findIndex((w) => w.text === 'law');
		expect(words.before[words.keeps[law]].text).toBe('law');
	});
});

describe('compareMarks', () => {
	const diff = diffProvisionText(before, after);

	it('agrees when the marks are the diff’s changes', () => {
		expect(compareMarks(['by', 'authorities'], diff, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
		expect(compareMarks(['for the purpose of'], diff, 'delete')).toEqual({
			markedNotChanged: [],
			changedNotMarked: []
		});
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

	it('compares in place: the same word marked in one place and changed in another is two disagreements', () => {
		const old = 'The provider shall keep the logs. The deployer may inform the authority.';
		const now = 'The provider shall keep the logs. The deployer shall inform the authority.';
		const moved = diffProvisionText(old, now);
		// A bag of words would see one "shall" marked and one "shall" inserted, and find nothing to say.
		expect(compareMarks(['The provider shall'], moved, 'insert')).toEqual({
			markedNotChanged: ['The', 'provider', 'shall'],
			changedNotMarked: ['shall']
		});
		expect(compareMarks(['deployer shall'], moved, 'insert')).toEqual({
			markedNotChanged: ['deployer'],
			changedNotMarked: []
		});
	});

	it('places each run after the one before it, so a repeated word is looked for where it is marked', () => {
		const old = 'the data and the logs';
		const now = 'the new data and the new logs';
		const twice = diffProvisionText(old, now);
		expect(compareMarks(['new', 'new'], twice, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
		expect(compareMarks(['new logs'], twice, 'insert')).toEqual({
			markedNotChanged: ['logs'],
			changedNotMarked: ['new']
		});
	});

	it('lists a marked run found nowhere in the text as marked, not changed', () => {
		expect(compareMarks(['unrelated words'], diff, 'delete').markedNotChanged).toEqual(['unrelated', 'words']);
	});

	it('leaves footnote markers and labels out: they are renumbered, not marked', () => {
		const renumbered = diffProvisionText('Decision 2002/584/JHA[^62] and', 'Decision 2002/584/JHA[^32] and');
		expect(compareMarks([], renumbered, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
		const relabelled = diffProvisionText('(d) the use', '(h) the use');
		expect(compareMarks([], relabelled, 'insert')).toEqual({ markedNotChanged: [], changedNotMarked: [] });
	});

	it('counts repeated words one for one', () => {
		expect(compareMarks(['the', 'the'], diff, 'delete').markedNotChanged).toEqual(['the']);
	});
});
