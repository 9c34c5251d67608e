import { describe, expect, it } from 'vitest';
import { nextSteps, splitSupersession, supersessionRef, type StepCandidate } from './next-step';

const source = { title: 'Regulation (EU) 2024/1689', url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj/eng' };

// The AI Act's application dates as dossier.json gives them, with the two stages the 2026 act moved.
const entries: StepCandidate[] = [
	{
		key: 'general-application',
		kind: 'stage',
		title: 'General date of application',
		date: '2026-08-02',
		sources: [
			source,
			supersessionRef({
				entryKey: 'event:omnibus-annex-iii-high-risk-apply',
				title: 'Annex III high-risk rules apply',
				date: '2027-12-02',
				partly: true,
				note: 'Annex III moved.'
			})
		]
	},
	{
		key: 'event:omnibus-article-5-new-prohibitions-apply',
		kind: 'event',
		title: 'New Article 5 prohibitions apply',
		date: '2026-12-02',
		sources: []
	},
	{
		key: 'application-article-6-1',
		kind: 'stage',
		title: 'Article 6(1) applies',
		date: '2027-08-02',
		sources: [
			source,
			supersessionRef({
				entryKey: 'event:omnibus-annex-i-high-risk-apply',
				title: 'Annex I high-risk rules apply',
				date: '2028-08-02',
				partly: false,
				note: 'Article 113(c) replaced.'
			})
		]
	},
	{
		key: 'event:omnibus-annex-iii-high-risk-apply',
		kind: 'event',
		title: 'Annex III high-risk rules apply',
		date: '2027-12-02',
		sources: []
	},
	{
		key: 'event:omnibus-annex-i-high-risk-apply',
		kind: 'event',
		title: 'Annex I high-risk rules apply',
		date: '2028-08-02',
		sources: []
	},
	{ key: 'undated', kind: 'event', title: 'Some day', date: null, sources: [] }
];

describe('nextSteps', () => {
	it('on 30 November 2026: the new Article 5 prohibitions of 2 December 2026', () => {
		expect(nextSteps(entries, '2026-11-30')[0]).toMatchObject({
			key: 'event:omnibus-article-5-new-prohibitions-apply',
			date: '2026-12-02'
		});
	});

	it('on 7 December 2026: the Annex III date, never the superseded 2 August 2027', () => {
		const steps = nextSteps(entries, '2026-12-07');
		expect(steps.map((s) => s.date)).toEqual(['2027-12-02', '2028-08-02']);
		expect(steps.some((s) => s.key === 'application-article-6-1')).toBe(false);
	});

	it('a stage moved in part keeps its date; an event due today is not next', () => {
		expect(nextSteps(entries, '2026-07-30')[0].key).toBe('general-application');
		expect(nextSteps(entries, '2026-12-02')[0].date).toBe('2027-12-02');
	});

	it('a moved stage whose new entry is not listed is due on the new date', () => {
		const alone = entries.filter((e) => e.key !== 'event:omnibus-annex-i-high-risk-apply');
		expect(nextSteps(alone, '2027-12-03')).toEqual([
			{
				key: 'application-article-6-1',
				kind: 'stage',
				title: 'Article 6(1) applies',
				date: '2028-08-02',
				originalDate: '2027-08-02'
			}
		]);
	});

	it('nothing next once every date has passed', () => {
		expect(nextSteps(entries, '2030-01-01')).toEqual([]);
	});
});

describe('splitSupersession', () => {
	it('reads the move back and leaves the real sources', () => {
		const { supersededBy, sources } = splitSupersession(entries[2].sources);
		expect(supersededBy).toEqual({
			entryKey: 'event:omnibus-annex-i-high-risk-apply',
			title: 'Annex I high-risk rules apply',
			date: '2028-08-02',
			partly: false,
			note: 'Article 113(c) replaced.'
		});
		expect(sources).toEqual([source]);
		expect(splitSupersession([source])).toEqual({ supersededBy: null, sources: [source] });
	});
});
