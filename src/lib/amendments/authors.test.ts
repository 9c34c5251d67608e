import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	buildMemberIndex,
	familyNameOrder,
	groupSlugOf,
	matchAuthors,
	nameSlug,
	normaliseName,
	splitAuthorLine
} from './authors';

/** The Parliament's directory of April 2023, as the seed ships it. */
const directory: { members: { epId: number; name: string; group: string }[] } = JSON.parse(
	readFileSync(new URL('../server/seed/data/ai-act/ep-members-2023-04.json', import.meta.url), 'utf8')
);
const members = directory.members.map((m) => ({ slug: nameSlug(m.name), name: m.name }));
const index = buildMemberIndex(members);
const slugOf = (name: string) => {
	const [match] = matchAuthors([name], index);
	return match.kind === 'member' ? match.slug : match.kind;
};

describe('normaliseName', () => {
	it('ignores case, accents and the two ways of writing ş', () => {
		expect(normaliseName('Dace Melbārde')).toBe(normaliseName('Dace MELBĀRDE'));
		expect(normaliseName('Dragoş Tudorache')).toBe(normaliseName('Dragoș TUDORACHE'));
		expect(normaliseName('Dragoş Tudorache')).toBe('dragos tudorache');
	});

	it('folds letters NFKD keeps whole', () => {
		expect(normaliseName('Morten LØKKEGAARD')).toBe('morten lokkegaard');
		expect(normaliseName('Niklas NIENAß')).toBe('niklas nienass');
		expect(normaliseName('Radosław Sikorski')).toBe('radoslaw sikorski');
		expect(normaliseName('Đuro Æbeltoft')).toBe('duro aebeltoft');
	});

	it('normalises hyphens, apostrophes and spaces', () => {
		expect(normaliseName('Anna‐Michelle  ASIMAKOPOULOU')).toBe('anna-michelle asimakopoulou');
		expect(normaliseName('Anna - Michelle Asimakopoulou')).toBe('anna-michelle asimakopoulou');
		expect(normaliseName('Sophia in ’t Veld')).toBe(normaliseName("Sophia IN 'T VELD"));
		expect(normaliseName('Kira\u00adMarie')).toBe('kiramarie');
	});
});

describe('matchAuthors on the directory of April 2023', () => {
	it('gives every member a distinct key', () => {
		expect(index.byKey.size).toBe(705);
		expect(new Set(members.map((m) => m.slug)).size).toBe(705);
	});

	it('matches the names printed on the first pages of the CULT amendments and the IMCO-LIBE draft report', () => {
		const printed = [
			'Dace Melbārde',
			'Andrey Slabakov',
			'Brando Benifei',
			'Dragoş Tudorache',
			'Vlad-Marius Botoş',
			'Irena Joveva',
			'Morten Løkkegaard'
		];
		expect(printed.map(slugOf)).toEqual([
			'dace-melbarde',
			'andrey-slabakov',
			'brando-benifei',
			'dragos-tudorache',
			'vlad-marius-botos',
			'irena-joveva',
			'morten-lokkegaard'
		]);
		expect(slugOf('Ibán García Del Blanco')).toBe('iban-garcia-del-blanco');
		expect(slugOf('Miapetra Kumpula-Natri')).toBe('miapetra-kumpula-natri');
	});

	it('matches a name printed with a given name more than the directory has', () => {
		// The IMCO-LIBE draft report names its rapporteur 'Ioan-Dragoş Tudorache'; the directory, 'Dragoş TUDORACHE'.
		expect(slugOf('Ioan-Dragoş Tudorache')).toBe('dragos-tudorache');
		expect(slugOf('Kira Peter-Hansen')).toBe('kira-marie-peter-hansen');
		expect(slugOf('Marie Kira Peter-Hansen')).toBe('kira-marie-peter-hansen');
	});

	it('matches names a reader joined oddly across a line break', () => {
		expect(slugOf('Anna- Michelle Asimakopoulou')).toBe('anna-michelle-asimakopoulou');
		expect(slugOf('AnnaMichelle Asimakopoulou')).toBe('anna-michelle-asimakopoulou');
		expect(slugOf('Michaela  Šojdrová')).toBe('michaela-sojdrova');
	});

	it('keeps an unknown name as unmatched, with a slug', () => {
		// Printed in the CULT amendments; not in the April 2023 directory.
		expect(matchAuthors(['Pernando Barrena Arza'], index)).toEqual([
			{ printed: 'Pernando Barrena Arza', kind: 'unmatched', suggestedSlug: 'pernando-barrena-arza' }
		]);
		// One family name and one given name in common is not enough to guess.
		expect(slugOf('Jan Hahn')).toBe('unmatched');
		expect(slugOf('Tudorache')).toBe('unmatched');
	});

	it('maps "on behalf of" a group to the group', () => {
		const phrases = {
			'on behalf of the Renew Group': 'renew',
			'on behalf of the ECR Group': 'ecr',
			'on behalf of the Verts/ALE Group': 'greens-efa',
			'on behalf of the Greens/EFA Group': 'greens-efa',
			'on behalf of the S&D Group': 's-d',
			'on behalf of the ID Group': 'id',
			'on behalf of The Left Group': 'left',
			'on behalf of the PPE Group': 'epp',
			'on behalf of the EPP Group': 'epp'
		};
		const matches = matchAuthors(Object.keys(phrases), index);
		expect(matches.map((m) => (m.kind === 'group' ? m.slug : m.kind))).toEqual(Object.values(phrases));
		expect(matchAuthors(['on behalf of the Imaginary Group'], index)[0].kind).toBe('unmatched');
	});

	it('never drops an entry and keeps the order', () => {
		const printed = ['Margrete Auken', 'Nobody Known', 'on behalf of the Greens/EFA Group', 'Margrete Auken'];
		const matches = matchAuthors(printed, index);
		expect(matches.map((m) => m.printed)).toEqual(printed);
		expect(matches.map((m) => m.kind)).toEqual(['member', 'unmatched', 'group', 'member']);
	});

	it('maps the directory’s group short names to the group actors', () => {
		const groups = [...new Set(directory.members.map((m) => m.group))].sort();
		expect(groups.map((g) => groupSlugOf(g))).toEqual(
			groups.map(
				(g) =>
					({
						ECR: 'ecr',
						EPP: 'epp',
						'Greens/EFA': 'greens-efa',
						ID: 'id',
						NI: 'ni',
						Renew: 'renew',
						'S&D': 's-d',
						'The Left': 'left'
					})[g]
			)
		);
	});
});

describe('familyNameOrder', () => {
	it('sorts by the family name the directory prints in capitals', () => {
		expect(familyNameOrder('Dace MELBĀRDE')).toBe('melbarde dace');
		expect(familyNameOrder('David McALLISTER')).toBe('mcallister david');
		expect(familyNameOrder('Niklas NIENAß')).toBe('nienass niklas');
		expect(familyNameOrder("Sophia IN 'T VELD")).toBe("in 't veld sophia");
		expect(familyNameOrder('Jakop G. DALUNDE')).toBe('dalunde jakop g');
		expect(familyNameOrder('Pernando Barrena Arza')).toBe('arza pernando barrena');
	});
});

describe('splitAuthorLine', () => {
	it('splits names and keeps "on behalf of the … Group" whole', () => {
		expect(splitAuthorLine('Dace Melbārde, Andrey Slabakov\non behalf of the ECR Group')).toEqual([
			'Dace Melbārde',
			'Andrey Slabakov',
			'on behalf of the ECR Group'
		]);
		expect(splitAuthorLine('Brando Benifei and Dragoş Tudorache')).toEqual(['Brando Benifei', 'Dragoş Tudorache']);
		expect(splitAuthorLine('Margrete Auken on behalf of the Greens/EFA\nGroup')).toEqual([
			'Margrete Auken',
			'on behalf of the Greens/EFA Group'
		]);
		expect(
			splitAuthorLine(
				'Lina Gálvez Muñoz\non behalf of the Group of the Progressive Alliance of Socialists and Democrats'
			)
		).toEqual(['Lina Gálvez Muñoz', 'on behalf of the Group of the Progressive Alliance of Socialists and Democrats']);
	});

	it('joins names the documents wrap over two lines', () => {
		// CULT amendment 177, as printed.
		const block =
			'Loucas Fourlas, Iuliu Winkler, Sabine Verheyen, Theodoros Zagorakis, Michaela\nŠojdrová, Peter Pollák, François-Xavier Bellamy, Isabel Benjumea Benjumea, Milan\nZver';
		const entries = splitAuthorLine(block);
		expect(entries).toEqual([
			'Loucas Fourlas',
			'Iuliu Winkler',
			'Sabine Verheyen',
			'Theodoros Zagorakis',
			'Michaela Šojdrová',
			'Peter Pollák',
			'François-Xavier Bellamy',
			'Isabel Benjumea Benjumea',
			'Milan Zver'
		]);
		expect(matchAuthors(entries, index).every((m) => m.kind === 'member')).toBe(true);
		expect(splitAuthorLine('Anna-\nMichelle Asimakopoulou, Kira Peter-\n  Hansen')).toEqual([
			'Anna-Michelle Asimakopoulou',
			'Kira Peter-Hansen'
		]);
	});

	it('returns nothing for an empty block', () => {
		expect(splitAuthorLine(' \n ,')).toEqual([]);
	});
});
