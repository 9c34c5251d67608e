/**
 * How one line of an article or annex begins. The source texts keep point labels in the text ("1. ", "(a) ",
 * "(iii) ", "4.5. "), one paragraph or point per line, but do not encode nesting; the splitter rebuilds it
 * from these tokens.
 */
export type LineToken =
	| {
			type: 'label';
			/** Labels of one family are siblings: 'arabic' "1.", 'number' "(1)", 'letter' "(a)", 'roman' "(i)",
			 * 'indent' "—", and 'decimal1', 'decimal2'… for "4.5." and "4.5.1.". */
			family: string;
			/** The label without punctuation: "1", "-1a", "4.5", "h", "iii". */
			label: string;
			/** The label as printed: "1.", "(h)", "a)". */
			num: string;
			/** True for "(i)", "(v)", "(x)": a letter after (h)/(u)/(w) or a Roman numeral; decided in context. */
			ambiguous: boolean;
			deleted: boolean;
	  }
	| { type: 'heading'; prefix: 'sec' | 'part'; label: string; num: string; body: string }
	| { type: 'note' }
	| { type: 'plain' };

export type LabelToken = Extract<LineToken, { type: 'label' }>;

const DELETED = /^\[deleted\][.;]?$/;
const ROMAN = /^(?=[ivx])(x{0,3})(ix|iv|v?i{0,3})$/;

/** Classifies a line; `inAnnex` enables "Section A" / "Part I" headings, which only annexes use. */
export function classifyLine(line: string, inAnnex: boolean): LineToken {
	let m = /^(\d+(?:\.\d+)+)\.?(?:\s+|$)(.*)$/.exec(line);
	if (m) {
		const printed = line.slice(0, line.length - m[2].length).trim();
		return label(`decimal${m[1].split('.').length - 1}`, m[1], printed, m[2]);
	}
	// "1.", "2aa.", "-1a."; the Council prints one "-1c" without its dot, and the minus makes it unambiguous.
	m = /^(-?\d+[a-z]{0,2})\.(?:\s+|$)(.*)$/.exec(line) ?? /^(-\d+[a-z]+)\s+(.*)$/.exec(line);
	if (m) return label('arabic', m[1], line.slice(0, line.length - m[2].length).trim(), m[2]);
	m = /^\((\d+[a-z]{0,2})\)(?:\s+|$)(.*)$/.exec(line);
	if (m) return label('number', m[1], `(${m[1]})`, m[2]);
	// "(a)", "(aa)", "(-a)", "(iii)", and the Council's occasional "a)".
	m = /^\((-?[a-z]{1,4})\)(?:\s+|$)(.*)$/.exec(line) ?? /^([a-z])\)\s+(.*)$/.exec(line);
	if (m) {
		const printed = line.slice(0, line.length - m[2].length).trim();
		const tok = label(ROMAN.test(m[1]) ? 'roman' : 'letter', m[1], printed, m[2]);
		if (m[1] === 'i' || m[1] === 'v' || m[1] === 'x') {
			return { ...tok, family: m[1] === 'i' ? 'roman' : 'letter', ambiguous: true };
		}
		return tok;
	}
	m = /^[—–-]\s+(.*)$/.exec(line);
	if (m) return label('indent', '', line.charAt(0), m[1]);
	if (inAnnex) {
		m = /^(Section|SECTION|Part|PART)\s+([A-Z]|\d+|[IVX]+)(?:\s*[.:—–-]\s*(.*)|\s*)$/.exec(line);
		if (m) {
			const prefix = m[1].toLowerCase() === 'part' ? 'part' : 'sec';
			return { type: 'heading', prefix, label: m[2], num: `${m[1]} ${m[2]}`, body: m[3] ?? '' };
		}
	}
	// Footnote separators and the "* Regulation (EU) YYY/XX" notes quoted inside amending articles.
	if (/^_{3,}$/.test(line) || /^\*\s/.test(line)) return { type: 'note' };
	return { type: 'plain' };
}

function label(family: string, lbl: string, num: string, body: string): LabelToken {
	return { type: 'label', family, label: lbl, num, ambiguous: false, deleted: DELETED.test(body.trim()) };
}

/** Value of a lower-case Roman numeral ("iv" → 4); 0 when it is not one. */
export function romanValue(s: string): number {
	if (!ROMAN.test(s)) return 0;
	const v: Record<string, number> = { i: 1, v: 5, x: 10 };
	let total = 0;
	for (let k = 0; k < s.length; k++) {
		const cur = v[s[k]];
		const next = k + 1 < s.length ? v[s[k + 1]] : 0;
		total += cur < next ? -cur : cur;
	}
	return total;
}

/** True when the label opens a list: "(a)", "(i)", "1.", "(1)", "4.1.", or an inserted "-1a." / "(-a)". */
export function isFirstLabel(family: string, lbl: string): boolean {
	if (lbl.startsWith('-') || family === 'indent') return true;
	if (family === 'letter') return lbl === 'a';
	if (family === 'roman') return lbl === 'i';
	if (family.startsWith('decimal')) return lbl.endsWith('.1');
	return lbl === '1';
}

/** Whether the line introduces a list; footnote markers after the colon ("as follows:[^3]") do not count. */
export function endsWithColon(line: string | undefined): boolean {
	return line !== undefined && /:\s*(\[\^\w+\]\s*)*$/.test(line);
}
