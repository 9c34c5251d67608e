import type { Confidence, Stance } from '../../positions/stance';
import { moreNationalMapping } from './position-mapping-national-2026-12';

/**
 * How each record of dossier.json (`nationalPositions`, `councilPresidencies`) and of
 * `national-positions-2026-12.json` (its part of the table is `mapping-national-2026-12.ts`, whose
 * bases quote the record's verbatim `quote`) is put on Trilogue's scale, by hand, record by record. The rules:
 * - a stance is set only where the record's summary says it; otherwise it stays 'unknown';
 * - a record yields one position per topic it speaks to, or one about the ban as a whole (topic null);
 * - confidence: 'official' = stated in an official document of the actor; 'reported' = stated by a
 *   secondary source; 'inferred' = our reading of something else (a vote on a text, a national law);
 * - what a data protection authority, a court, a civil-society group or a single MP does is not the
 *   government's stance on the EU ban: those records stay 'unknown' (their summary still shows).
 * `basis` says why, quoting the record's summary; it is shown beside the stance.
 */
export interface MappedPosition {
	topic: string | null;
	stance: Stance;
	/** Defaults to the record's sources: 'official' when one is official, else 'reported'. */
	confidence?: Confidence;
	/** The slug of the actor when it is not the record's own (e.g. Spain acting as Council Presidency). */
	actor?: string;
	/** Overrides the record's basis for this position. */
	basis?: string;
}

export interface RecordMapping {
	basis: string;
	/** The position's note on its date when the record has none of its own (e.g. "Reported on …"). */
	dateNote?: string;
	positions: MappedPosition[];
}

const unknown = (basis: string, topic: string | null = null): RecordMapping => ({
	basis,
	positions: [{ topic, stance: 'unknown' }]
});

/** Keyed by `Country date` (national records; 'undated' when the date is null) or the presidency's actor slug. */
export const positionMapping: Record<string, RecordMapping> = {
	// Italy: national law (a moratorium), not a stated position on the EU ban, hence 'inferred'.
	'Italy 2021-11-18': unknown(
		'A Senate committee “approved an amendment”: not yet law, nor a government position; the adopted moratorium (1 Dec 2021) is mapped.'
	),
	'Italy 2021-12-01': {
		basis:
			'National law: Parliament “adopted the moratorium on video-surveillance systems using facial recognition”, with crime prevention and prosecution “carved out (with conditions)” (18 Nov 2021 record): a ban with exceptions, inferred.',
		positions: [
			{ topic: null, stance: 'ban_with_exceptions', confidence: 'inferred' },
			{
				topic: 'private-actors',
				stance: 'full_ban',
				confidence: 'inferred',
				basis:
					'National law: the moratorium “covers private entities and public authorities such as municipalities”, with no exception for private actors: inferred.'
			}
		]
	},
	'Italy 2022-11': unknown(
		'The data protection authority (Garante) enforcing the moratorium: an independent authority, not the government’s stance.'
	),
	'Italy 2023-06': {
		basis:
			'National law: Decree-law 51/2023 “extended the moratorium … to 31 December 2025” (with its crime-prevention carve-out), though the Interior Minister “had publicly favoured facial recognition”: inferred.',
		positions: [{ topic: null, stance: 'ban_with_exceptions', confidence: 'inferred' }]
	},
	'Italy 2025-12-31': unknown(
		'“Whether it was extended again or replaced after 31 December 2025 could not be verified.”'
	),

	'Germany 2021-11-24': {
		basis:
			'Coalition agreement, as reported: “biometric recognition in public spaces is to be ruled out under EU law”, with no exception mentioned.',
		positions: [{ topic: null, stance: 'full_ban', confidence: 'reported' }]
	},
	'Germany 2022-10': {
		basis:
			'Written comments to the Council, as reported: Germany “supported banning real-time remote biometric identification in public spaces” (no exception mentioned) “but wanted to allow ex-post (post) identification”.',
		positions: [
			{ topic: 'real-time-rbi', stance: 'full_ban', confidence: 'reported' },
			{ topic: 'post-rbi', stance: 'opposes', confidence: 'reported' }
		]
	},
	'Germany 2022-12-06': {
		basis:
			'The minister “backed the Council general approach”, whose Article 5(1)(d) bans real-time identification “unless” for listed objectives, while saying “improvements are still possible”: inferred from the vote.',
		positions: [{ topic: null, stance: 'ban_with_exceptions', confidence: 'inferred' }]
	},
	'Germany 2024-02-02': {
		basis:
			'Germany “joined the unanimous Coreper approval” of the final text, whose ban on real-time identification has exceptions: inferred from the vote.',
		positions: [{ topic: null, stance: 'ban_with_exceptions', confidence: 'inferred' }]
	},

	'Portugal 2021-10-08': unknown(
		'A national bill providing for police biometric systems “restricted to terrorism prevention with judicial authorisation”: national law, silent on the EU ban.'
	),
	'Portugal 2021-11': unknown(
		'The data protection commission (CNPD), an independent authority, objecting to a national bill: not the government’s stance.'
	),
	'Portugal 2021-11-19': unknown(
		'Biometric provisions “dropped in view of the CNPD opinion and lack of time”: no stance on the EU ban stated.'
	),

	'Belgium 2023-03-29': unknown('A civil-society campaign (“Protect My Face”), not the government.'),
	'Belgium 2023-06-13': unknown(
		'A petition heard by the Brussels regional parliament, where “some MPs considered a total ban too far”: no government stance.'
	),
	'Belgium 2024-12': unknown(
		'A minister “proposed a bill … that would allow police to use real-time facial recognition” (single secondary source): national law under the adopted Act, not a stance on the EU ban.',
		'real-time-rbi'
	),

	'France 2023-05-19': unknown(
		'National law on algorithmic video surveillance, where “facial recognition and biometric identification were expressly excluded”: no stance on the EU ban stated.'
	),
	'France 2025-04-24': unknown(
		'A Conseil constitutionnel decision on a national experiment: not a government stance on the EU ban.'
	),
	'France 2026-01-13': unknown(
		'A national vote extending algorithmic video protection, “final enactment not verified”: no stance on the EU ban.'
	),

	'Hungary 2025-03-18': unknown(
		'National law “allowing police to use facial recognition to identify participants”; whether it is real-time is disputed and Hungary says it is “in line with EU law”: no stated stance on the ban.'
	),
	'Hungary 2025-04-25': unknown(
		'The Commission is “currently assessing” the law; “Hungary said it was in line with EU law”: no stance on the ban stated.'
	),
	'Hungary 2025-09-30': unknown('NGOs asking the Commission to open infringement proceedings: not the government.'),

	'Netherlands 2022-12-05': {
		basis:
			'Official letter: the minister “referred to … AI Act exceptions to the ban on real-time facial recognition in public space” before the Council; that the government accepts them is our reading (the source’s label: “government accepts council exceptions”).',
		positions: [
			{ topic: 'real-time-rbi', stance: 'ban_with_exceptions', confidence: 'inferred' },
			{ topic: 'exceptions', stance: 'ban_with_exceptions', confidence: 'inferred' }
		]
	},
	'Netherlands 2024-05-16': unknown('A motion by one MP, “vote outcome not verified”: not the government.'),
	'Netherlands 2025-01-22': unknown('A motion by several parties, “outcome not verified”: not the government.'),

	'Austria undated': unknown('“No official Austrian government position on an RBI ban was found.”'),

	'Spain 2023-11-24': {
		basis:
			'“No separate Spanish national position on a ban was found”: the proposals were Spain’s as Council Presidency, mapped to the Presidency.',
		positions: [
			{ topic: null, stance: 'unknown' },
			...(['facial-scraping', 'biometric-categorisation', 'predictive-policing'] as const).map((topic) => ({
				topic,
				stance: 'full_ban' as const,
				confidence: 'reported' as const,
				actor: 'presidency-spain-h2-2023',
				basis:
					'As Council Presidency, “proposing to accept Parliament bans on untargeted facial-image scraping, emotion recognition in workplace/education, sensitive biometric categorisation and individual predictive policing” (Euractiv).'
			})),
			{
				topic: 'emotion-recognition',
				stance: 'ban_with_exceptions',
				confidence: 'reported',
				actor: 'presidency-spain-h2-2023',
				basis:
					'As Council Presidency, proposing to accept the Parliament’s ban on “emotion recognition in workplace/education” only, not elsewhere (Euractiv).'
			}
		]
	},

	// Council presidencies: their compromise texts, as reported; a presidency chairing a vote states no stance of its own.
	'presidency-slovenia-council-presidency-h2-2021': {
		basis:
			'The compromise text “extended real-time RBI to actors ‘on behalf of’ law enforcement and widened the objectives/authorisation process”: a ban with wider exceptions.',
		positions: [{ topic: 'exceptions', stance: 'ban_with_exceptions', confidence: 'reported' }]
	},
	'presidency-france-h1-2022': {
		basis:
			'The JHA note “broadened RBI exceptions” (removed the “imminent” requirement, added critical infrastructure): a ban with wider exceptions.',
		positions: [{ topic: 'exceptions', stance: 'ban_with_exceptions', confidence: 'reported' }]
	},
	'presidency-czech-republic-h2-2022': unknown(
		'“Secured the Council general approach” as chair; “a delicate balance” states no stance of its own.'
	),
	'presidency-sweden-h1-2023': unknown(
		'Expected “EP divergence on Article 5 on the ban of real-time remote biometric identification”: no stance stated.',
		'real-time-rbi'
	),
	'presidency-spain-h2-2023': unknown(
		'“Negotiated the provisional agreement”; its proposals of 24 November 2023 are mapped from that record.'
	),
	'presidency-belgium-h1-2024': unknown(
		'Chaired the “Coreper unanimous endorsement” and the Council adoption: no stance of its own stated.'
	),

	...moreNationalMapping
};
