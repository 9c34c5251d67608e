import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffProvisionText, type Segment } from './index';

// Tests run against the real AI Act texts the seed ships with; see that folder's README.md.
interface Item {
	kind: string;
	number: number | string;
	text: string;
}
interface Amendment {
	number: number;
	commissionText: string | null;
	amendmentText: string | null;
}

function load<T>(file: string): T[] {
	const url = new URL(`../server/seed/data/ai-act/${file}`, import.meta.url);
	return (JSON.parse(fs.readFileSync(url, 'utf8')) as { items: T[] }).items;
}

const proposal = load<Item>('text-commission-proposal-2021.json');
const regulation = load<Item>('text-regulation-2024-1689.json');
const amendments = load<Amendment>('ep-amendments-2023-06-14.json');

function article(items: Item[], number: number): string {
	const item = items.find((i) => i.kind === 'article' && i.number === number);
	if (!item) throw new Error(`Article ${number} missing`);
	return item.text;
}

function point(text: string, start: string): string {
	const line = text.split('\n').find((l) => l.startsWith(start));
	if (!line) throw new Error(`no paragraph starting ${start}`);
	return line;
}

const changes = (segments: Segment[]) => segments.filter((s) => s.type !== 'equal');
const deleted = (segments: Segment[]) => segments.find((s) => s.type === 'delete')!;
const side = (segments: Segment[], drop: Segment['type']) =>
	segments
		.filter((s) => s.type !== drop)
		.map((s) => s.text)
		.join('');

describe('Article 5: proposal point (d) against final point (h), real-time remote biometric identification', () => {
	const before = point(article(proposal, 5), '(d) the use of ‘real-time’ remote biometric identification');
	const after = point(article(regulation, 5), '(h) the use of ‘real-time’ remote biometric identification');
	const diff = diffProvisionText(before, after);
	const [p] = diff.paragraphs;

	it('aligns the two points as one changed paragraph', () => {
		expect(diff.paragraphs).toHaveLength(1);
		expect(p.status).toBe('changed');
		expect(diff.coarse).toBe(false);
	});

	it('shows the relabelling (d) → (h) as one token replaced by one token', () => {
		expect(p.segments.slice(0, 2)).toEqual([
			{ type: 'delete', text: '(d)' },
			{ type: 'insert', text: '(h)' }
		]);
	});

	it('shows "purpose" → "purposes" and "as far" → "so far" as small changes, the rest kept', () => {
		expect(changes(p.segments).map((s) => `${s.type}:${s.text}`)).toEqual([
			'delete:(d)',
			'insert:(h)',
			'delete:purpose',
			'insert:purposes',
			'delete:as',
			'insert:so'
		]);
		expect(p.segments).toContainEqual({ type: 'equal', text: ' of law enforcement, unless and in ' });
		expect(diff).toMatchObject({ added: 3, removed: 3 });
	});

	it('reports no operative change: "unless" and "strictly necessary" survive', () => {
		expect(diff.operativeChanges).toEqual([]);
		expect(p.segments.some((s) => s.operative)).toBe(false);
	});
});

describe('Article 5 as a whole, proposal against final act', () => {
	const diff = diffProvisionText(article(proposal, 5), article(regulation, 5));

	it('aligns the old point (d) with the new point (h) and inserts the new points (d) to (g)', () => {
		const rows = diff.paragraphs.map((p) => `${p.status} ${(p.left ?? p.right)!.slice(0, 4)}`);
		const h = diff.paragraphs.findIndex((p) => p.right?.startsWith('(h) the use of ‘real-time’'));
		expect(diff.paragraphs[h].left).toMatch(/^\(d\) the use of ‘real-time’/);
		expect(rows.slice(h - 4, h)).toEqual(['inserted (d) ', 'inserted (e) ', 'inserted (f) ', 'inserted (g) ']);
	});

	it('counts the words and flags changed operative words', () => {
		expect(diff.added).toBeGreaterThan(diff.removed);
		expect(diff.removed).toBeGreaterThan(0);
		expect(diff.operativeChanges).toContain('shall not');
		expect(diff.coarse).toBe(false);
	});
});

describe('EP amendment 220: Article 5(1)(d) introductory part', () => {
	const amendment = amendments.find((a) => a.number === 220)!;
	const diff = diffProvisionText(amendment.commissionText!, amendment.amendmentText!);
	const [p] = diff.paragraphs;

	it('shows the deleted exception as one coherent deletion, not confetti', () => {
		const deletions = p.segments.filter((s) => s.type === 'delete');
		expect(deletions).toHaveLength(1);
		expect(deletions[0].text).toContain(
			'for the purpose of law enforcement, unless and in as far as such use is strictly necessary for one of the following objectives'
		);
		expect(p.segments[0]).toEqual({
			type: 'equal',
			text: '(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces'
		});
	});

	it('flags the removal of "unless" as an operative change', () => {
		expect(deleted(p.segments).operative).toBe(true);
		expect(diff.operativeDetail).toContainEqual({ word: 'unless', change: 'removed' });
		expect(diff).toMatchObject({ added: 0, removed: 23 });
	});
});

describe('every provision of the proposal against the final act', () => {
	it('reads both texts back from the segments and stays word-level', () => {
		const finals = new Map(regulation.map((i) => [`${i.kind} ${i.number}`, i.text]));
		// Unchanged runs carry the new text's spacing ("14 (5)" vs "14(5)"), so the old side is
		// compared without spaces.
		const squash = (s: string) => s.replace(/\s+/g, '');
		let coarse = 0;
		for (const item of proposal) {
			const after = finals.get(`${item.kind} ${item.number}`) ?? '';
			const diff = diffProvisionText(item.text, after, { budgetMs: 2000 });
			if (diff.coarse) coarse++;
			for (const p of diff.paragraphs) {
				if (p.left !== null) expect(squash(side(p.segments, 'insert'))).toBe(squash(p.left));
				if (p.right !== null) expect(side(p.segments, 'delete')).toBe(p.right);
			}
		}
		expect(coarse).toBe(0);
	});
});
