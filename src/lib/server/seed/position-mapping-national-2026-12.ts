import type { RecordMapping } from './position-mapping';
import type { Confidence } from '../../positions/stance';
import { formatDate } from '../../dates';

/**
 * How each record of `national-positions-2026-12.json` is put on Trilogue's scale, by hand. The file's
 * own rule (`meta.scope`) is ours: a stance only where the record's quote states a position on the ban
 * or its exceptions, and the basis quotes those words (“…”, verbatim from the quote); records about a
 * government's national law or police practice stay 'unknown' but still show in the country's history
 * and feed. The topic is the record's `topicHint`; a record whose quote states a stance on a second
 * part of the ban also gets that topic. Confidence defaults to the source's kind (official or reported).
 */

/** A record about national law or practice, or one that states no position: unknown on its topic. */
const unknownOn = (topic: string, basis: string, dateNote?: string): RecordMapping => ({
	basis,
	dateNote,
	positions: [{ topic, stance: 'unknown' }]
});

/** Exceptions sought (and, where given, the real-time ban accepted in principle): a ban with exceptions. */
const withExceptions = (
	topics: string[],
	basis: string,
	more: { confidence?: Confidence; dateNote?: string } = {}
): RecordMapping => ({
	basis,
	dateNote: more.dateNote,
	positions: topics.map((topic) => ({ topic, stance: 'ban_with_exceptions', confidence: more.confidence }))
});

/**
 * The note of a record dated by the report that carries it, not by the statement (the file does this for
 * undated Council negotiating positions): the page shows "Reported on …".
 */
export function reportedOn(date: string, rest: string): string {
	return `Reported ${date.length === 10 ? 'on' : 'in'} ${formatDate(date)}: the date of the report, not of the statement; ${rest}`;
}

const nationalLaw = 'national law, no stated position on the EU ban.';
const ansa = (country: string) =>
	unknownOn(
		'exceptions',
		`Reserved judgement: the delegations wanted to “visionare il testo prima di dire se e quanto lavoro c'è ancora da fare per considerarlo chiuso”; the source “does not attribute a specific biometric position to ${country}”.`,
		reportedOn('2023-12-19', 'the Coreper discussion it reports is not dated.')
	);
const investigateEurope = reportedOn('2025-01-22', 'the Council statements it reports are not dated.');

/** Keyed like the dossier's national records, `Country date`. */
export const moreNationalMapping: Record<string, RecordMapping> = {
	'Germany 2022-03-16': unknownOn(
		'real-time-rbi',
		'What Germany will do at home once the Act applies (“Germany will refrain from using AI applications for remote biometric identification”), not a position on the EU ban.'
	),
	'Germany 2024-09': unknownOn(
		'facial-scraping',
		`A plan for national powers “für die biometrische Gesichtersuche im Netz” (biometric face search online): ${nationalLaw}`
	),
	'Germany 2025-04': unknownOn(
		'facial-scraping',
		`A coalition commitment to national powers for “den nachträglichen biometrischen Abgleich mit öffentlich zugänglichen Internetdaten”: ${nationalLaw}`
	),

	'Denmark 2024-01-10': withExceptions(
		['real-time-rbi', 'exceptions'],
		'The minister, as reported: real-time facial recognition for law enforcement “som udgangspunkt skal være forbudt” (should in principle be banned), and the government argued “for, at EU skal indføre en række undtagelser for forbuddet” (for a number of exceptions to the ban): a ban with exceptions.'
	),
	'Denmark 2024-02': {
		// The document is the Danish Institute for Human Rights' analysis, not the government's own: reported.
		basis:
			'The government wants police use “på offentlige steder” (in public places), and Denmark “står dog uden for denne del af AI-forordningen” (stands outside this part of the AI Act) by its justice opt-out: national practice, no stated position on the EU ban.',
		positions: [{ topic: 'real-time-rbi', stance: 'unknown', confidence: 'reported' }]
	},
	'Denmark 2024-09': unknownOn(
		'post-rbi',
		`A national agreement that police may use facial recognition “i efterforskning” (in investigations); “Tilladelsen gælder ikke ansigtsgenkendelse i realtid”: ${nationalLaw}`
	),

	'Sweden 2024-10-10': unknownOn(
		'post-rbi',
		`A government bill for “biometriska jämförelser av ansiktsbilder” against the Migration Agency’s registers: ${nationalLaw}`
	),
	'Sweden 2025-03-20': unknownOn(
		'real-time-rbi',
		'A national bill to use real-time identification “fullt ut i den utsträckning EU:s AIförordning medger” (to the full extent the AI Act allows): national law under the Act’s own option, not a position on the ban.'
	),
	'Sweden 2025-11-27': unknownOn(
		'real-time-rbi',
		`A referral for a national law: the government “vill ge polisen bredare undantag för att bekämpa allvarlig kriminalitet” (wants to give police broader exceptions), as reported, under the Act: ${nationalLaw}`
	),

	'Netherlands 2021-12-13': unknownOn(
		'real-time-rbi',
		'Use “zeer terughoudend en met inachtneming van de noodzakelijke waarborgen” (very restrained, with the necessary safeguards) under the rules in force: no position on what the EU ban should be.'
	),
	'Netherlands 2023-07': withExceptions(
		['real-time-rbi', 'exceptions'],
		'The minister’s answers, as quoted: “Een dergelijk totaalverbod acht het kabinet onwenselijk” (the cabinet finds such a total ban undesirable), since “er zich situaties voordoen waarin realtime biometrische identificatie door de rechtshandhaving geoorloofd zou moeten zijn” (there are situations where law enforcement should be allowed it): a ban with exceptions.'
	),
	'Netherlands 2024-10-09': unknownOn(
		'post-rbi',
		'“Het kabinet onderschrijft de onderliggende zorgen van de motie” (a motion on facial-recognition uses lacking a legal basis): about national law, no position on the EU ban.'
	),
	'Netherlands 2024-12-09': unknownOn(
		'post-rbi',
		'Police practice: “de politie geen realtime gezichtsherkenningstechnologie inzet bij demonstraties”, and uses it “achteraf” (afterwards) to identify suspects: no position on the EU ban.'
	),

	'France 2023-05-31': unknownOn(
		'real-time-rbi',
		'A national bill of the Senate’s Law Committee, which “a cependant estimé qu’il n’était pas possible de se priver de la reconnaissance faciale dans des cas particulièrement graves”: “This is a parliamentary, not government, position.”'
	),
	'France 2023-11-21': unknownOn(
		'exceptions',
		'France “has been pushing for a broad national security exemption within the EU Council”: an exemption from the Act’s scope; the quote does not say what France wanted for the ban or its exceptions (its record of 22 January 2025 does).',
		'The date of the MEPs’ meeting the report was written ahead of; when France made the push is not stated.'
	),
	'France 2025-01-22': withExceptions(
		['exceptions'],
		'As reported from the negotiation documents: France “a poussé (avec succès) pour que le règlement européen épargne ce qui relève de la « sécurité nationale »”, to “garder la possibilité de recourir à la reconnaissance faciale en temps réel dans l’espace public”: exceptions to the ban.',
		{ dateNote: reportedOn('2025-01-22', 'the statements it reports date “from late 2022 onward”.') }
	),
	'Greece 2025-01': withExceptions(
		['exceptions'],
		'One aggregated press item: “Aux côtés d’autres pays comme la Grèce, la France a par ailleurs obtenu que prisons et zones de contrôles aux frontières soient « exclues de la définition de l’espace public »”: places taken out of the ban’s reach. That Greece sought it is our reading of “Aux côtés”, hence inferred.',
		{ confidence: 'inferred', dateNote: reportedOn('2025-01', 'when Greece took this position is not stated.') }
	),
	'Portugal 2025-01-22': withExceptions(
		['exceptions'],
		'As reported by Público: “Portugal esteve ao lado da França e da Hungria para garantir excepções ao regulamento da inteligência artificial” (sided with France and Hungary to secure exceptions to the regulation); security forces “não devem ser impedidas de desempenhar as suas funções”: a ban with exceptions.',
		{ dateNote: investigateEurope }
	),
	'Hungary 2025-01-22': withExceptions(
		['exceptions'],
		'As reported by Público: “Portugal esteve ao lado da França e da Hungria para garantir excepções ao regulamento da inteligência artificial” (Portugal sided with France and Hungary to secure exceptions to the regulation): a ban with exceptions.',
		{ dateNote: investigateEurope }
	),
	'Italy 2023-12-19': ansa('Italy'),
	'Poland 2023-12-19': ansa('Poland'),
	'Hungary 2023-12-19': ansa('Hungary'),
	'Finland 2023-12-19': ansa('Finland'),

	'Italy 2023-05-01': unknownOn(
		'real-time-rbi',
		'National practice: video surveillance “è uno strumento fondamentale”, talks with the Garante on “una soluzione condivisa”; “it was not said whether real-time use was meant”: no position on the EU ban.'
	),
	'Italy 2024-02-02': unknownOn(
		'exceptions',
		"A trilogue position that safeguarded “gli interessi di sicurezza, ordine pubblico e le prerogative delle Forze dell'ordine”: the quote names neither the ban nor its exceptions, so no stance is read into it."
	),
	'Italy 2026-06-10': unknownOn(
		'exceptions',
		'National decrees: police uses need “a request from the police commissioner and authorisation from the judicial authority”: national law under the Act, not a position on the ban.'
	),

	'Austria 2021-08': unknownOn(
		'real-time-rbi',
		'National practice, as reported: “plant die Regierung trotz der Kritik weiterhin, Gesichtserkennung einzusetzen”, reading the Commission draft as allowing “die Anwendung zu Strafverfolgungszwecken”: a reading of the draft, not a position on what the ban should be.'
	),
	'Belgium 2025-02-10': unknownOn(
		'real-time-rbi',
		`A coalition agreement on national experiments with “du déploiement de la technologie de reconnaissance faciale pour la détection des condamnés et des suspects”: ${nationalLaw}`,
		reportedOn('2025-02-10', 'the agreement itself is earlier (“not stated in the excerpt”).')
	),
	'Luxembourg 2021-07-01': unknownOn(
		'real-time-rbi',
		`National law on police video surveillance: “Tout dispositif de reconnaissance faciale est exclu”; ${nationalLaw}`
	),
	'Spain 2025-03-11': unknownOn(
		'exceptions',
		'A national draft law setting “los supuestos de uso de la IA para la identificación biométrica remota «en tiempo real»”, authorised by courts: national law under the Act’s own option, not a position on the ban.'
	),
	'Poland 2024-11-18': unknownOn(
		'real-time-rbi',
		`A national draft law, as a civil-society group reports it: “Rząd nie skorzystał z możliwości przyznania służbom prawa do stosowania technologii rozpoznawania twarzy”; ${nationalLaw}`
	),
	'Poland 2025-07': unknownOn(
		'exceptions',
		'One ministry’s comments on the national draft (“uzupełnienia katalogu wyłączeń o policję”, adding the police to its exclusions): national law, not the government’s position on the ban.'
	),
	'Czechia 2025-06-11': unknownOn(
		'real-time-rbi',
		`A police-law reform that “umožní využívání kamer s technologií poznávání tváří v reálném čase”: ${nationalLaw}`
	),
	'Czechia 2025-08-14': unknownOn(
		'real-time-rbi',
		'A ministry official on national practice: the police “musí reagovat na vývoj legislativy”, the deadline “byla nesmyslně krátká”: no position on the EU ban.'
	),
	'Ireland 2023-12-14': unknownOn(
		'post-rbi',
		`A national bill on “biometric identification, using facial images, by An Garda Síochána for an exhaustive list of the most serious of offences”: ${nationalLaw}`
	),
	'Ireland 2026-05-27': unknownOn(
		'post-rbi',
		`A national bill for “biometric analysis on a retrospective basis only”: ${nationalLaw}`
	),
	'Finland 2025-09': unknownOn(
		'post-rbi',
		`A government bill to improve “edellytyksiä biometriikan käyttöön lainvalvonta- ja rikoksentorjuntatarkoituksissa”: ${nationalLaw}`
	)
};
