/**
 * What the cover page and cover note of a Council document say about it: its number, date, presidency,
 * addressees, the text it revises and the procedure. Only what is printed is returned; a field the cover
 * does not print is null, never guessed.
 */
import type { CouncilCover } from './read';

const MONTHS: Record<string, number> = {
	january: 1,
	february: 2,
	march: 3,
	april: 4,
	may: 5,
	june: 6,
	july: 7,
	august: 8,
	september: 9,
	october: 10,
	november: 11,
	december: 12,
	janvier: 1,
	février: 2,
	fevrier: 2,
	mars: 3,
	avril: 4,
	mai: 5,
	juin: 6,
	juillet: 7,
	août: 8,
	aout: 8,
	septembre: 9,
	octobre: 10,
	novembre: 11,
	décembre: 12,
	decembre: 12
};

/** Presidencies by the adjective the notes use, in English and French. */
const PRESIDENCIES: Record<string, string> = {
	slovenian: 'Slovenia',
	czech: 'Czechia',
	french: 'France',
	portuguese: 'Portugal',
	german: 'Germany',
	swedish: 'Sweden',
	spanish: 'Spain',
	belgian: 'Belgium',
	slovène: 'Slovenia',
	tchèque: 'Czechia',
	française: 'France',
	portugaise: 'Portugal',
	allemande: 'Germany',
	suédoise: 'Sweden',
	espagnole: 'Spain',
	belge: 'Belgium'
};
const PRESIDENCY_EN = /\b(Slovenian|Czech|French|Portuguese|German|Swedish|Spanish|Belgian)\s+Presidency\b/g;
const PRESIDENCY_FR = /\b[Pp]résidence\s+(slovène|tchèque|française|portugaise|allemande|suédoise|espagnole|belge)\b/g;

/** "14278/21", "12206/1/22 REV 1", "14954/22 + ADD 1", as printed after an optional "ST". */
const REF = /(?:ST\s+)?(\d{3,5}\/(?:\d+\/)?\d{2}(?:\s*(?:\+\s*)?(?:REV|ADD|COR)\s*\d+)*)/;
const FIELD_STOP = /\s+(?:No\.\s*(?:prev\.|Cion)|N[º°o]\.?\s*doc\.|Subject\s*:|Objet\s*:)/;

/** 'ST ' + the reference as printed, spaces tidied: '14954/22 + ADD 1' → 'ST 14954/22 + ADD 1'. */
export function normaliseCouncilRef(printed: string): string | null {
	const m = REF.exec(printed.trim());
	return m ? `ST ${m[1].replace(/\s+/g, ' ').trim()}` : null;
}

/** Reads the cover from its printed lines (the paragraphs before the regulation's title). */
export function readCover(lines: string[]): CouncilCover {
	const tidy = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
	const all = tidy.join('\n');
	const field = (re: RegExp) => {
		for (const l of tidy) {
			const m = re.exec(l);
			if (m) return m[1].split(FIELD_STOP)[0].trim() || null;
		}
		return null;
	};
	const french = /^(Origine|Destinataire|Objet)\s*:/m.test(all) || /\bBruxelles\b/.test(all);

	const refLine = tidy.find((l) => new RegExp(`^${REF.source}$`).test(l));
	const previousField = field(/(?:No\.\s*prev\.\s*doc\.|N[º°o]\.?\s*doc\.\s*préc\.)\s*:\s*(.+)$/);
	const compared =
		/compared with the [^.]*?\(doc\.\s*([^)]+)\)/i.exec(all) ?? /par rapport [^.]*?\(doc\.\s*([^)]+)\)/i.exec(all);
	const commission = field(/(?:No\.\s*Cion\s*doc\.|N[º°o]\.?\s*doc\.\s*Cion)\s*:\s*(.+)$/);
	const commissionRef = commission ? normaliseCouncilRef(commission) : null;
	// The first compromise revises the Commission proposal itself ("The changes in the document compared with
	// the Commission's proposal are underlined"): its previous text is the proposal named in 'No. Cion doc.'.
	const revisesProposal = /changes in the document compared with the Commission['’]s proposal/i.test(all);
	const previousRef = previousField
		? normaliseCouncilRef(previousField)
		: compared
			? normaliseCouncilRef(compared[1])
			: revisesProposal
				? commissionRef
				: null;

	const presidency = mainPresidency(all);
	return {
		councilRef: refLine ? normaliseCouncilRef(refLine) : null,
		date: coverDate(all),
		presidency: presidency?.printed ?? null,
		presidencyCountry: presidency?.country ?? null,
		addressees: field(/^(?:To|Destinataires?)\s*:\s*(.+)$/),
		previousRef,
		commissionRef,
		procedure: /\b(\d{4}\/\d{4}\s*\((?:COD|CNS|NLE|APP|INI)\))/.exec(all)?.[1].replace(/\s+/g, '') ?? null,
		subject: subject(tidy),
		language: french ? 'fr' : 'en'
	};
}

function coverDate(all: string): string | null {
	const m = /\b(?:Brussels|Bruxelles|Luxembourg),\s*(?:le\s+)?(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})/u.exec(all);
	if (!m) return null;
	const month = MONTHS[m[2].toLowerCase()];
	if (!month) return null;
	return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/**
 * The presidency that wrote the note: the one it names most often (a note also recalls earlier presidencies'
 * texts, once each). The 'From:' line wins when it names one.
 */
function mainPresidency(all: string): { printed: string; country: string } | null {
	const from = /^(?:From|Origine)\s*:\s*(.+)$/m.exec(all)?.[1] ?? '';
	const counts = new Map<string, { printed: string; country: string; n: number; last: number }>();
	for (const re of [PRESIDENCY_EN, PRESIDENCY_FR]) {
		for (const m of all.matchAll(re)) {
			const country = PRESIDENCIES[m[1].toLowerCase()];
			const fromLine = from.includes(m[0]);
			const c = counts.get(country) ?? { printed: m[0], country, n: 0, last: 0 };
			c.n += fromLine ? 1000 : 1;
			c.last = m.index;
			counts.set(country, c);
		}
	}
	const best = [...counts.values()].sort((a, b) => b.n - a.n || b.last - a.last)[0];
	return best ? { printed: best.printed, country: best.country } : null;
}

/** 'Subject:' and the lines that carry it on ("- General approach (6 December 2022)"). */
function subject(lines: string[]): string | null {
	const k = lines.findIndex((l) => /^(Subject|Objet)\s*:/.test(l));
	if (k < 0) return null;
	const parts = [lines[k].replace(/^(Subject|Objet)\s*:\s*/, '')];
	for (let j = k + 1; j < lines.length && /^[-–]/.test(lines[j]); j++) parts.push(lines[j]);
	return parts.join(' ').replace(/\s+/g, ' ').trim() || null;
}
