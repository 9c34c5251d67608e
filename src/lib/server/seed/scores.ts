import type { DbConnection } from '../db';
import { banCriterion, banScore } from '../db/schema';
import type { AiActData } from './load';
import type { SeededDocuments } from './procedure';
import { toSourceRefs } from './sources';
import { consolidationSources } from './consolidated';

/** The coalition's five demands on the ban, in the order the charts show them. */
export const banCriteria = [
	{ key: 'private-actors', label: 'Covers private as well as public actors' },
	{ key: 'post-rbi', label: 'Covers post as well as real-time identification' },
	{ key: 'no-exceptions', label: 'Has no exceptions' },
	{ key: 'biometric-categorisation', label: 'Bans biometric categorisation' },
	{ key: 'emotion-recognition', label: 'Bans emotion recognition' }
] as const;

export type BanCriterionKey = (typeof banCriteria)[number]['key'];

interface ScoreSeed {
	document: keyof SeededDocuments;
	criterion: BanCriterionKey;
	score: 0 | 0.5 | 1;
	justification: string;
	/** The provision the score rests on, as an eId (the EP's new points use the eIds their amendments created). */
	provisionEid: string;
	/** Where in the document, as a lawyer would cite it. */
	locator: string;
	/** Verbatim from the document; a database test checks each quote against the seeded text. */
	quote: string;
}

/** Each text's entry in the dossier's source catalogue; the consolidation cites its own sources. */
const sourceOf: Record<Exclude<keyof SeededDocuments, 'consolidated'>, string> = {
	proposal: 'COM',
	generalApproach: 'CGA',
	epAmendments: 'EPTA',
	finalAct: 'OJ'
};

/**
 * Each text scored against each demand: 1 met, 0.5 met in part or with an exception, 0 not met.
 * Read from the texts in data/ai-act (Article 5 and the provisions it points to), not from commentary.
 * The act as the Digital Omnibus (Regulation (EU) 2026/1744) left it is scored from the unofficial
 * consolidation of its Article 5, whose biometric points (e) to (h) and paragraphs 2 to 8 are the 2024 text.
 */
/** The proposal's only word on both practices: users of such systems inform the people exposed. */
const proposalArticle52 = {
	document: 'proposal',
	score: 0,
	provisionEid: 'art_52__para_2',
	locator: 'Article 52(2)',
	quote:
		'Users of an emotion recognition system or a biometric categorisation system shall inform of the operation of the system the natural persons exposed thereto.'
} satisfies Partial<ScoreSeed>;

export const banScoreSeeds: ScoreSeed[] = [
	// Covers private as well as public actors
	{
		document: 'proposal',
		criterion: 'private-actors',
		score: 0,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Article 5(1)(d)',
		quote:
			'the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purpose of law enforcement',
		justification:
			'Only use “for the purpose of law enforcement” is prohibited, and law enforcement means activities carried out by law enforcement authorities (Article 3(41)). Private actors, and public authorities acting for other purposes, are not covered.'
	},
	{
		document: 'generalApproach',
		criterion: 'private-actors',
		score: 0,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Article 5(1)(d)',
		quote: 'by law enforcement authorities or on their behalf for the purpose of law enforcement',
		justification:
			'The Council narrows the prohibition further, to use by law enforcement authorities or on their behalf for law enforcement. Private actors are not covered.'
	},
	{
		document: 'epAmendments',
		criterion: 'private-actors',
		score: 1,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Amendment 220, Article 5(1)(d)',
		quote: '(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;',
		justification:
			'Amendment 220 removes the words “for the purpose of law enforcement”: the prohibition applies to any use, by whoever makes it, private actors included.'
	},
	{
		document: 'finalAct',
		criterion: 'private-actors',
		score: 0,
		provisionEid: 'art_5__para_1__point_h',
		locator: 'Article 5(1), point (h) and second subparagraph',
		quote:
			'Point (h) of the first subparagraph is without prejudice to Article 9 of Regulation (EU) 2016/679 for the processing of biometric data for purposes other than law enforcement.',
		justification:
			'Point (h) prohibits real-time identification only “for the purposes of law enforcement”; use for other purposes, by private actors among others, is left to data-protection law (GDPR Article 9).'
	},
	{
		document: 'consolidated',
		criterion: 'private-actors',
		score: 0,
		provisionEid: 'art_5__para_1__point_h',
		locator: 'Article 5(1), point (h) and second subparagraph, as amended',
		quote:
			'Point (h) of the first subparagraph is without prejudice to Article 9 of Regulation (EU) 2016/679 for the processing of biometric data for purposes other than law enforcement.',
		justification:
			'Unchanged by Regulation (EU) 2026/1744: point (h) and the subparagraph after it read as in the final act. Real-time identification is prohibited only “for the purposes of law enforcement”; other uses, by private actors among others, are left to data-protection law. The new points (ba) and (bb) concern generated intimate images and child sexual abuse material, not biometric identification.'
	},
	// Covers post as well as real-time identification
	{
		document: 'proposal',
		criterion: 'post-rbi',
		score: 0,
		provisionEid: 'anx_III__point_1__point_a',
		locator: 'Annex III, point 1(a); Article 5(1)(d)',
		quote:
			'AI systems intended to be used for the ‘real-time’ and ‘post’ remote biometric identification of natural persons',
		justification:
			'Article 5(1)(d) prohibits only ‘real-time’ identification. Post identification is listed as high-risk in Annex III, not prohibited.'
	},
	{
		document: 'generalApproach',
		criterion: 'post-rbi',
		score: 0,
		provisionEid: 'anx_III__point_1__point_a',
		locator: 'Annex III, point 1(a); Article 3(38) deleted',
		quote: '(a) Remote biometric identification systems.',
		justification:
			'Only ‘real-time’ identification is prohibited (Article 5(1)(d)). The Council deletes the definition of a ‘post’ system (Article 3(38) “[deleted]”) and lists remote biometric identification as high-risk in Annex III.'
	},
	{
		document: 'epAmendments',
		criterion: 'post-rbi',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_dd',
		locator: 'Amendment 227, new Article 5(1)(dd)',
		quote:
			'unless they are subject to a pre-judicial authorisation in accordance with Union law and strictly necessary for the targeted search connected to a specific serious criminal offense as defined in Article 83(1) of TFEU that already took place for the purpose of law enforcement',
		justification:
			'Amendment 227 prohibits the analysis of recorded footage of publicly accessible spaces through ‘post’ remote biometric identification systems, but with an exception: a targeted search for a serious crime already committed, with prior judicial authorisation.'
	},
	{
		document: 'finalAct',
		criterion: 'post-rbi',
		score: 0,
		provisionEid: 'art_26__para_10',
		locator: 'Article 26(10); Annex III, point 1(a)',
		quote:
			'the deployer of a high-risk AI system for post-remote biometric identification shall request an authorisation, ex ante, or without undue delay and no later than 48 hours',
		justification:
			'Post identification is not prohibited: it is a high-risk use (Annex III, point 1(a)), with conditions for law enforcement in Article 26(10), and no authorisation is needed for “the initial identification of a potential suspect”.'
	},
	{
		document: 'consolidated',
		criterion: 'post-rbi',
		score: 0,
		provisionEid: 'art_5__para_1__point_h',
		locator: 'Article 5(1)(h) and Article 113(c)(i), as amended',
		quote:
			'the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purposes of law enforcement',
		justification:
			'Unchanged by Regulation (EU) 2026/1744: point (h) still prohibits only ‘real-time’ identification, so post identification is not prohibited. The consolidation does not include Article 26 or Annex III, where the 2024 text makes it a high-risk use; the amended Article 113(c)(i) applies the Annex III high-risk rules only from 2 December 2027.'
	},
	// Has no exceptions
	{
		document: 'proposal',
		criterion: 'no-exceptions',
		score: 0,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Article 5(1)(d)(i)–(iii) and 5(3)',
		quote: 'unless and in as far as such use is strictly necessary for one of the following objectives',
		justification:
			'Three exceptions: the search for victims of crime “including missing children”, a specific, substantial and imminent threat to life or of a terrorist attack, and suspects of offences punishable by at least three years. In urgency, use may start before any authorisation (Article 5(3)).'
	},
	{
		document: 'generalApproach',
		criterion: 'no-exceptions',
		score: 0,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Article 5(1)(d)(ii)–(iii)',
		quote:
			'the prevention of a specific and substantial threat to the critical infrastructure, life, health or physical safety of natural persons or the prevention of terrorist attacks',
		justification:
			'The three exceptions stay and widen: the threat no longer needs to be imminent and includes critical infrastructure and health, and point (iii) adds other offences punishable by at least five years.'
	},
	{
		document: 'epAmendments',
		criterion: 'no-exceptions',
		score: 1,
		provisionEid: 'art_5__para_1__point_d',
		locator: 'Amendments 220–223 and 229–231, Article 5(1)(d) and 5(2)–(4)',
		quote: '(d) the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces;',
		justification:
			'Amendments 221, 222 and 223 delete the three objectives of Article 5(1)(d), and Amendments 229, 230 and 231 delete paragraphs 2 to 4 on their use: the real-time ban has no exception. (The new ban on post identification keeps one; it is scored under “post as well as real-time”.)'
	},
	{
		document: 'finalAct',
		criterion: 'no-exceptions',
		score: 0,
		provisionEid: 'art_5__para_1__point_h',
		locator: 'Article 5(1)(h)(i)–(iii) and 5(2)–(7)',
		quote: 'unless and in so far as such use is strictly necessary for one of the following objectives',
		justification:
			'Three exceptions: victims of abduction, trafficking or sexual exploitation and missing persons; an imminent threat to life or a terrorist threat; suspects of offences listed in Annex II punishable by at least four years. Paragraphs 2 to 7 set the authorisation and reporting rules.'
	},
	{
		document: 'consolidated',
		criterion: 'no-exceptions',
		score: 0,
		provisionEid: 'art_5__para_1__point_h',
		locator: 'Article 5(1)(h)(i)–(iii) and 5(2)–(7), as amended',
		quote: 'unless and in so far as such use is strictly necessary for one of the following objectives',
		justification:
			'Unchanged by Regulation (EU) 2026/1744: the same three exceptions as in the final act (victims and missing persons, an imminent threat to life or a terrorist threat, suspects of Annex II offences punishable by at least four years), and paragraphs 2 to 7 on authorisation and reporting are word for word the 2024 text.'
	},
	// Bans biometric categorisation
	{
		...proposalArticle52,
		criterion: 'biometric-categorisation',
		justification:
			'Not prohibited: Article 5 does not mention it, and Article 52(2) only asks users to inform the people exposed (not even that for systems permitted by law to detect, prevent and investigate criminal offences).'
	},
	{
		document: 'generalApproach',
		criterion: 'biometric-categorisation',
		score: 0,
		provisionEid: 'art_52__para_2',
		locator: 'Article 52(2)',
		quote:
			'Users of a biometric categorisation system shall inform of the operation of the system the natural persons exposed thereto.',
		justification:
			'Not prohibited: only the duty to inform remains, with the same exemption for systems permitted by law to detect, prevent and investigate criminal offences.'
	},
	{
		document: 'epAmendments',
		criterion: 'biometric-categorisation',
		score: 1,
		provisionEid: 'art_5__para_1__point_ba',
		locator: 'Amendment 217, new Article 5(1)(ba)',
		quote:
			'biometric categorisation systems that categorise natural persons according to sensitive or protected attributes or characteristics or based on the inference of those attributes or characteristics',
		justification:
			'Amendment 217 prohibits biometric categorisation by sensitive or protected attributes, inferred ones included. Its one exception is narrow: approved therapeutical purposes, with the specific informed consent of the people exposed.'
	},
	{
		document: 'finalAct',
		criterion: 'biometric-categorisation',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_g',
		locator: 'Article 5(1)(g)',
		quote:
			'this prohibition does not cover any labelling or filtering of lawfully acquired biometric datasets, such as images, based on biometric data or categorizing of biometric data in the area of law enforcement',
		justification:
			'Prohibited only to deduce or infer race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation, and not for the labelling or filtering of lawfully acquired datasets or in law enforcement. Other categorisation by sensitive attributes is high-risk (Annex III, point 1(b)).'
	},
	{
		document: 'consolidated',
		criterion: 'biometric-categorisation',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_g',
		locator: 'Article 5(1)(g), as amended',
		quote:
			'this prohibition does not cover any labelling or filtering of lawfully acquired biometric datasets, such as images, based on biometric data or categorizing of biometric data in the area of law enforcement',
		justification:
			'Unchanged by Regulation (EU) 2026/1744: point (g) reads as in the final act. Prohibited only to deduce or infer race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation, and not for the labelling or filtering of lawfully acquired datasets or in law enforcement.'
	},
	// Bans emotion recognition
	{
		...proposalArticle52,
		criterion: 'emotion-recognition',
		justification:
			'Not prohibited: Article 52(2) only asks users of an emotion recognition system to inform the people exposed.'
	},
	{
		document: 'generalApproach',
		criterion: 'emotion-recognition',
		score: 0,
		provisionEid: 'art_52__para_2a',
		locator: 'Article 52(2a)',
		quote:
			'Users of an emotion recognition system shall inform of the operation of the system the natural persons exposed thereto.',
		justification:
			'Not prohibited: only a duty to inform, which does not apply to systems permitted by law to detect, prevent and investigate criminal offences.'
	},
	{
		document: 'epAmendments',
		criterion: 'emotion-recognition',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_dc',
		locator: 'Amendment 226, new Article 5(1)(dc)',
		quote:
			'to infer emotions of a natural person in the areas of law enforcement, border management, in workplace and education institutions',
		justification:
			'Amendment 226 prohibits emotion recognition in four areas (law enforcement, border management, the workplace and education), not everywhere.'
	},
	{
		document: 'finalAct',
		criterion: 'emotion-recognition',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_f',
		locator: 'Article 5(1)(f)',
		quote:
			'to infer emotions of a natural person in the areas of workplace and education institutions, except where the use of the AI system is intended to be put in place or into the market for medical or safety reasons',
		justification:
			'Prohibited only in the workplace and in education, and not for medical or safety reasons: narrower than the Parliament’s text. Elsewhere, law enforcement and border management included, emotion recognition is high-risk (Annex III, point 1(c)).'
	},
	{
		document: 'consolidated',
		criterion: 'emotion-recognition',
		score: 0.5,
		provisionEid: 'art_5__para_1__point_f',
		locator: 'Article 5(1)(f), as amended',
		quote:
			'to infer emotions of a natural person in the areas of workplace and education institutions, except where the use of the AI system is intended to be put in place or into the market for medical or safety reasons',
		justification:
			'Unchanged by Regulation (EU) 2026/1744: point (f) reads as in the final act. Emotion recognition is prohibited only in the workplace and in education, and not for medical or safety reasons.'
	}
];

/** Seeds the five criteria and the twenty-five scores (five texts × five criteria). */
export async function seedBanScores(
	tx: DbConnection,
	data: AiActData,
	ctx: { dossierId: number; documents: SeededDocuments }
) {
	const criteria = await tx
		.insert(banCriterion)
		.values(banCriteria.map((c, i) => ({ dossierId: ctx.dossierId, key: c.key, label: c.label, sortOrder: i })))
		.returning({ id: banCriterion.id, key: banCriterion.key });
	const criterionId = new Map(criteria.map((c) => [c.key, c.id]));
	const catalogue = data.dossier.meta.sources;
	await tx.insert(banScore).values(
		banScoreSeeds.map((s) => ({
			criterionId: criterionId.get(s.criterion)!,
			documentId: ctx.documents[s.document],
			score: s.score,
			justification: s.justification,
			provisionEid: s.provisionEid,
			sources: (s.document === 'consolidated'
				? [{ ...consolidationSources(data.consolidated)[0], locator: s.locator }]
				: toSourceRefs([{ id: sourceOf[s.document], locator: s.locator }], catalogue)
			).map((ref) => ({ ...ref, quote: s.quote }))
		}))
	);
	return { criteria: criteria.length, scores: banScoreSeeds.length };
}
