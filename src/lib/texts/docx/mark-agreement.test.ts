import { describe, expect, it } from 'vitest';
import {
	DOCUMENT_CAUSES,
	markAgreement,
	outsideDocumentFaults,
	underlineAgreement,
	type MarkAgreement,
	type MarkPlace
} from './mark-agreement';
import { COUNCIL_FILES, readCouncilFile, seedItems, type CouncilFile } from '$lib/server/testing/council-files';

// Do the Council's own marks (bold = added, struck = deleted, against the Commission proposal) agree with
// our diff engine? Targets: >= 95% of marked words are changes in our diff, <= 5% of our changed words are
// unmarked, word by word in place. Every disagreeing word is given a cause, and the places are listed by cause;
// where the document's marks are wrong the diff is not bent to fit.
const proposal = seedItems('text-commission-proposal-2021.json');
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

/** What each file's bold and strikethrough are relative to, according to its cover note. */
const MARKED_AGAINST: Record<CouncilFile, 'proposal' | 'previous' | 'none'> = {
	'2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx': 'proposal',
	'2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx': 'proposal',
	'2022-07-15-AIA-CZ-1st-Proposal-15-July.docx': 'proposal',
	'2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx': 'proposal',
	'2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx': 'proposal',
	'2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx': 'proposal',
	// "Additions are marked with bold, deletions with strikethrough" against the previous text, ST 13955/22.
	'2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.docx': 'previous',
	// The general approach as adopted: a clean text without change marks.
	'2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.docx': 'none'
};

/**
 * What each file measured (word by word in place, over all words), in per cent: marked words our diff changes,
 * changed words the document leaves unmarked. The targets are not met; these floors keep the figures from
 * getting worse unnoticed, half a point below (or above) what was measured. Keeping unchanged phrases of three
 * content words in the clean-up (instead of eight) lowered "unmarked" by 0.8 to 1.9 points and "found" by up to
 * 0.9: the document strikes and prints again more of the words our diff now keeps. Diffing a paragraph split in
 * two as one row, and weighing kept content words double in the clean-up, lowered "unmarked" by 1.1 to 6.5 points
 * and "found" by up to 0.8, for the same reason. Reading the Council's "a)" and "2aa." as labels, and taking a word
 * spelled differently in the document's copy of the proposal ("human defined") as the same word, lowered
 * "unmarked" by up to 0.4 more.
 */
const MEASURED: Partial<Record<CouncilFile, { found: number; unmarked: number }>> = {
	'2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx': { found: 90.4, unmarked: 4.0 },
	'2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx': { found: 86.7, unmarked: 4.1 },
	'2022-07-15-AIA-CZ-1st-Proposal-15-July.docx': { found: 87.7, unmarked: 4.3 },
	'2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx': { found: 88.6, unmarked: 4.6 },
	'2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx': { found: 88.4, unmarked: 10.9 },
	'2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx': { found: 88.9, unmarked: 3.8 }
};

const causes = (by: Partial<Record<string, number>>) =>
	Object.entries(by)
		.sort((a, b) => b[1]! - a[1]!)
		.map(([c, n]) => `${c} ${n}`)
		.join(', ');

function report(
	file: string,
	against: string,
	m: MarkAgreement
): { found: number; unmarked: number; foundOutside: number; unmarkedOutside: number } {
	const x = outsideDocumentFaults(m);
	const r = {
		found: m.markedWords ? m.markedFound / m.markedWords : 1,
		unmarked: m.changedWords ? m.changedUnmarked / m.changedWords : 0,
		foundOutside: x.markedWords ? x.markedFound / x.markedWords : 1,
		unmarkedOutside: x.changedWords ? x.changedUnmarked / x.changedWords : 0
	};
	const met = r.found >= 0.95 && r.unmarked <= 0.05;
	const listed = (kind: MarkPlace['kind']) => {
		const byCause = new Map<string, MarkPlace[]>();
		for (const p of m.places.filter((p) => p.kind === kind)) byCause.set(p.cause, [...(byCause.get(p.cause) ?? []), p]);
		return [...byCause]
			.map(([cause, ps]) => {
				const worst = [...ps].sort((a, b) => b.words.length - a.words.length).slice(0, 4);
				const show = (p: MarkPlace) =>
					`${p.eid} ${p.side} (${p.words.length}): ${p.words.slice(0, 12).join(' ')}${p.printed ? ` → printed as: ${p.printed.slice(0, 12).join(' ') || '(nothing)'}` : ''}`;
				return `    ${kind}, ${cause}: ${ps.length} places, e.g.\n${worst.map((p) => `      ${show(p)}`).join('\n')}`;
			})
			.join('\n');
	};
	console.log(
		`${file} (marks against the ${against}): ${m.items} items\n` +
			`  over all words: marked ${m.markedWords}, changed by our diff at the same place ${m.markedFound} (${pct(m.markedFound, m.markedWords)}, target ≥ 95%); ` +
			`changed by our diff ${m.changedWords}, unmarked ${m.changedUnmarked} (${pct(m.changedUnmarked, m.changedWords)}, target ≤ 5%); targets ${met ? 'met' : 'NOT met'}\n` +
			`  outside the document's own mis-marks (${DOCUMENT_CAUSES.join('; ')}): ${pct(x.markedFound, x.markedWords)} of ${x.markedWords} marked words found, ${pct(x.changedUnmarked, x.changedWords)} of ${x.changedWords} changed words unmarked\n` +
			`  marked, not changed by our diff: ${causes(m.notFoundBy) || 'none'}\n  changed by our diff, not marked: ${causes(m.unmarkedBy) || 'none'}\n` +
			(m.places.length ? `  places:\n${listed('unmarked change')}\n${listed('mark without change')}` : '')
	);
	return r;
}

describe('change marks of the Council texts against our diff engine', () => {
	it.each(COUNCIL_FILES)('%s', { timeout: 120_000 }, (file) => {
		const { result } = readCouncilFile(file);
		const against = MARKED_AGAINST[file];
		if (against === 'none') {
			const m = markAgreement(proposal, result.items);
			report(file, 'proposal (the text has no marks)', m);
			expect(m.markedWords).toBe(0);
			return;
		}
		const before =
			against === 'proposal'
				? proposal
				: readCouncilFile('2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx').result.items;
		const m = markAgreement(before, result.items);
		const r = report(file, against === 'proposal' ? 'Commission proposal' : 'previous text, ST 13955/22', m);
		const measured = MEASURED[file];
		if (!measured) {
			// ST 14336/22 marks against ST 13955/22, whose items are not the proposal's: only that it has marks.
			expect(m.markedWords).toBeGreaterThan(0);
			return;
		}
		// Over all words the targets (>= 95%, <= 5%) are missed; these are the measured figures, not the targets.
		expect(100 * r.found).toBeGreaterThanOrEqual(measured.found - 0.5);
		expect(100 * r.unmarked).toBeLessThanOrEqual(measured.unmarked + 0.5);
		// Setting aside the words the document itself mis-marks, both targets are met.
		expect(r.foundOutside).toBeGreaterThanOrEqual(0.95);
		expect(r.unmarkedOutside).toBeLessThanOrEqual(0.05);
		expect(m.places.length).toBeGreaterThan(0);
	});
});

describe('underlined runs against our diff from the previous compromise text', () => {
	const PAIRS: [CouncilFile, CouncilFile][] = [
		['2022-07-15-AIA-CZ-1st-Proposal-15-July.docx', '2022-06-15-AIA-FRA-Consolidated-Version-15-June.docx'],
		['2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx', '2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.docx'],
		['2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx', '2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.docx'],
		['2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.docx', '2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx']
	];
	it.each(PAIRS)('%s against %s', { timeout: 120_000 }, (file, previous) => {
		const current = readCouncilFile(file).result;
		const before = readCouncilFile(previous).result;
		expect(current.cover.previousRef).toBe(before.cover.councilRef);
		const u = underlineAgreement(before.items, current.items);
		const underlined = current.items.reduce((n, i) => n + i.marks.changed.length, 0);
		console.log(
			`${current.cover.councilRef} against ${before.cover.councilRef}: ${u.items} items, ${underlined} underlined runs; ` +
				`our diff changes ${u.changedWords} words (${u.inserted} inserted, ${u.deleted} deleted), ${u.inUnderline} of them ` +
				`(${pct(u.inUnderline, u.changedWords)}) in an underlined run at the same place; ${u.deletedNotPrinted} deleted words this text does not print; ` +
				`of ${u.underlinedWords} underlined words, ${u.underlinedChanged} (${pct(u.underlinedChanged, u.underlinedWords)}) are changes in our diff`
		);
		expect(u.items).toBeGreaterThan(150);
		expect(u.inUnderline).toBeLessThanOrEqual(u.changedWords);
		expect(u.underlinedChanged).toBeGreaterThan(0);
		expect(u.inUnderline).toBeGreaterThan(0);
	});
});
