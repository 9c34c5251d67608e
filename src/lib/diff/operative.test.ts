import { describe, expect, it } from 'vitest';
import { diffProvisionText } from './index';
import { findOperative } from './operative';
import { tokenise } from './tokenise';

describe('findOperative', () => {
	it('finds phrases before single words and skips the month May', () => {
		const found = findOperative(tokenise('Providers shall not, unless authorised on 1 May 2025, or may only').tokens);
		expect(found.map((o) => o.word)).toEqual(['shall not', 'unless', 'may', 'only']);
	});
});

describe('operative changes in diffs', () => {
	it('reports "shall" becoming "shall not" as an added "shall not"', () => {
		const diff = diffProvisionText(
			'This Article shall apply to providers.',
			'This Article shall not apply to providers.'
		);
		expect(diff.operativeDetail).toEqual([{ word: 'shall not', change: 'added' }]);
		const ins = diff.paragraphs[0].segments.find((s) => s.type === 'insert');
		expect(ins).toEqual({ type: 'insert', text: 'not ', operative: true });
	});

	it('flags a permission turned into an obligation on both sides', () => {
		const diff = diffProvisionText(
			'Member States may designate an authority.',
			'Member States shall designate an authority.'
		);
		expect(diff.operativeChanges).toEqual(['may', 'shall']);
		expect(diff.paragraphs[0].segments.filter((s) => s.operative).map((s) => s.type)).toEqual(['delete', 'insert']);
	});

	it('does not flag a rewrite that keeps the same operative word on both sides', () => {
		const diff = diffProvisionText(
			'The provider shall keep the logs for six months.',
			'The deployer shall retain the records for one year.'
		);
		expect(diff.operativeChanges).toEqual([]);
		expect(diff.paragraphs[0].segments.some((s) => s.operative)).toBe(false);
	});

	it('does not flag changes without operative words', () => {
		const diff = diffProvisionText('the purpose of law enforcement', 'the purposes of law enforcement');
		expect(diff.operativeChanges).toEqual([]);
	});
});
