import { describe, expect, it } from 'vitest';
import { diffProvisionText, type ParagraphDiff, type Segment } from './index';

function side(segments: Segment[], drop: Segment['type']): string {
	return segments
		.filter((s) => s.type !== drop)
		.map((s) => s.text)
		.join('');
}

/** Both texts must read back from the segments. */
function expectReadsBack(p: ParagraphDiff) {
	if (p.left !== null) expect(side(p.segments, 'insert')).toBe(p.left);
	if (p.right !== null) expect(side(p.segments, 'delete')).toBe(p.right);
}

describe('diffProvisionText edge cases', () => {
	it('shows all text as inserted when the old side is empty', () => {
		const diff = diffProvisionText('', '1. New article.\n(a) point');
		expect(diff.paragraphs.map((p) => p.status)).toEqual(['inserted', 'inserted']);
		expect(diff.paragraphs[1].segments).toEqual([{ type: 'insert', text: '(a) point' }]);
		expect(diff).toMatchObject({ added: 5, removed: 0, coarse: false });
	});

	it('shows all text as deleted when the new side is empty', () => {
		const diff = diffProvisionText('Deleted article text.', '');
		expect(diff.paragraphs).toEqual([
			{
				left: 'Deleted article text.',
				right: null,
				status: 'deleted',
				segments: [{ type: 'delete', text: 'Deleted article text.' }]
			}
		]);
		expect(diff.removed).toBe(3);
	});

	it('returns no paragraphs for two empty texts', () => {
		expect(diffProvisionText('', '\n')).toMatchObject({ paragraphs: [], added: 0, removed: 0, coarse: false });
	});

	it('reports no changes for identical texts', () => {
		const text = '1. Providers shall comply.\n(a) first;\n(b) second.';
		const diff = diffProvisionText(text, text);
		expect(diff.paragraphs.every((p) => p.status === 'equal' && p.segments.length === 1)).toBe(true);
		expect(diff).toMatchObject({ added: 0, removed: 0, operativeChanges: [], coarse: false });
	});

	it('shows a punctuation-only change without counting words', () => {
		const diff = diffProvisionText('the market, putting into service', 'the market; putting into service.');
		const p = diff.paragraphs[0];
		expect(p.segments).toEqual([
			{ type: 'equal', text: 'the market' },
			{ type: 'delete', text: ',' },
			{ type: 'insert', text: ';' },
			{ type: 'equal', text: ' putting into service' },
			{ type: 'insert', text: '.' }
		]);
		expect(diff).toMatchObject({ added: 0, removed: 0 });
		expectReadsBack(p);
	});

	it('diffs Greek text word by word', () => {
		const diff = diffProvisionText(
			'Τα κράτη μέλη διασφαλίζουν την εφαρμογή.',
			'Τα κράτη μέλη εξασφαλίζουν την πλήρη εφαρμογή.'
		);
		// The short "την" between two changes is folded into them for reading…
		expect(diff.paragraphs[0].segments).toEqual([
			{ type: 'equal', text: 'Τα κράτη μέλη ' },
			{ type: 'delete', text: 'διασφαλίζουν την' },
			{ type: 'insert', text: 'εξασφαλίζουν την πλήρη' },
			{ type: 'equal', text: ' εφαρμογή.' }
		]);
		// …but counts come from the minimal diff.
		expect(diff).toMatchObject({ added: 2, removed: 1 });
	});

	it('diffs Bulgarian Cyrillic text word by word', () => {
		const diff = diffProvisionText(
			'(а) системи за ИИ, които се използват',
			'(б) системи за ИИ, които са предназначени'
		);
		const p = diff.paragraphs[0];
		expect(p.segments[0]).toEqual({ type: 'delete', text: '(а)' });
		expect(p.segments[1]).toEqual({ type: 'insert', text: '(б)' });
		expect(p.segments[2]).toEqual({ type: 'equal', text: ' системи за ИИ, които ' });
		expectReadsBack(p);
	});

	it('treats a changed footnote marker as one token', () => {
		const diff = diffProvisionText('Decision 2002/584/JHA[^62] applies.', 'Decision 2002/584/JHA[^40] applies.');
		const changes = diff.paragraphs[0].segments.filter((s) => s.type !== 'equal');
		expect(changes).toEqual([
			{ type: 'delete', text: '[^62]' },
			{ type: 'insert', text: '[^40]' }
		]);
	});

	it('changes a point label as a single token', () => {
		const diff = diffProvisionText('(iii) the detection', '(iv) the detection');
		expect(diff.paragraphs[0].segments.slice(0, 2)).toEqual([
			{ type: 'delete', text: '(iii)' },
			{ type: 'insert', text: '(iv)' }
		]);
		expect(diff).toMatchObject({ added: 1, removed: 1 });
	});
});

describe('diffProvisionText time budget', () => {
	it('falls back to whole-paragraph replacements, and says so, when out of budget', () => {
		const diff = diffProvisionText('1. The provider shall act.\n(a) first', '1. The deployer shall act.\n(a) second', {
			budgetMs: 0
		});
		expect(diff.coarse).toBe(true);
		expect(diff.coarseReason).toMatch(/budget/);
		for (const p of diff.paragraphs) {
			expect(p.segments.every((s) => s.type !== 'equal')).toBe(true);
			expectReadsBack(p);
		}
	});

	it('never hangs on a pathological pair', () => {
		// Two long single paragraphs with almost nothing in common: Myers is quadratic here.
		const words = (seed: number) => Array.from({ length: 30_000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ');
		const started = performance.now();
		const diff = diffProvisionText(words(7), words(13), { budgetMs: 50 });
		expect(performance.now() - started).toBeLessThan(2000);
		expect(diff.coarse).toBe(true);
		expect(diff.coarseReason).toMatch(/50 ms/);
		expect(diff.added).toBe(30_000);
	});

	it('never hangs on thousands of unrelated paragraphs', () => {
		const paragraphs = (seed: number) =>
			Array.from({ length: 3000 }, (_, i) => `(${i}) point ${(i * seed) % 7919} text ${(i * seed) % 104729}`).join(
				'\n'
			);
		const started = performance.now();
		const diff = diffProvisionText(paragraphs(3), paragraphs(5), { budgetMs: 100 });
		expect(performance.now() - started).toBeLessThan(3000);
		expect(diff.coarse).toBe(true);
		expect(diff.paragraphs.filter((p) => p.left !== null)).toHaveLength(3000);
		expect(diff.paragraphs.filter((p) => p.right !== null)).toHaveLength(3000);
	});

	it('stays word-level for ordinary provisions', () => {
		const diff = diffProvisionText('The provider shall act.', 'The deployer shall act.');
		expect(diff.coarse).toBe(false);
		expect(diff.coarseReason).toBeUndefined();
		expect(diff.ms).toBeGreaterThanOrEqual(0);
	});
});
