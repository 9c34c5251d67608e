/**
 * Tokens of one paragraph. Whitespace is not a token: the diff compares words and keeps the
 * offsets so the text between tokens can be given back verbatim.
 */
export interface TokenList {
	text: string;
	tokens: string[];
	starts: number[];
	ends: number[];
}

// A paragraph-opening number label ("1.", "2a.", and as the Council numbers what it inserts, "2aa." and
// "-1a.") or a point label closed by a bracket only ("a)", "ii)") is only a label at the very start;
// elsewhere "1." is a number ending a sentence and should diff like one.
const LEADING_NUMBER_LABEL = /^(?:-?\d{1,3}[a-z]{0,2}\.|[a-z]{1,4}\)|\d{1,3}\))(?=\s|$)/;

// Order matters: footnote markers and bracketed labels must win over the word and punctuation
// branches, otherwise "(a)" would come out as "(", "a", ")".
// - `[^12]` footnote reference;
// - `(a)`, `(iii)`, `(2)`, `(EU)`: short bracketed label, including inside "Article 2(2)";
// - a word of Unicode letters/digits/marks (Greek and Cyrillic included), joined over apostrophes
//   and hyphens ("person’s", "real-time") and over "/" ("2002/584/JHA"), and over "." or ","
//   followed by digits ("1.5", "10,000") so numbers stay whole;
// - any other single non-space character (punctuation, quotes).
const TOKEN =
	/\[\^[^\]\s]{1,12}\]|\([\p{L}\p{N}]{1,5}\)|[\p{L}\p{N}\p{M}]+(?:[’'\-‐‑/][\p{L}\p{N}\p{M}]+|[.,]\p{N}+)*|\S/gu;

const WORDY = /[\p{L}\p{N}]/u;
const LABEL = /^(?:\([\p{L}\p{N}]{1,5}\)|-?\d{1,3}[a-z]{0,2}\.|[a-z]{1,4}\)|\d{1,3}\))$/u;

/** Split `text` into tokens (see TOKEN above); labels and footnote markers stay whole. */
export function tokenise(text: string): TokenList {
	const tokens: string[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	let from = 0;
	const lead = LEADING_NUMBER_LABEL.exec(text);
	if (lead) {
		tokens.push(lead[0]);
		starts.push(0);
		ends.push(lead[0].length);
		from = lead[0].length;
	}
	TOKEN.lastIndex = from;
	for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
		tokens.push(m[0]);
		starts.push(m.index);
		ends.push(m.index + m[0].length);
	}
	return { text, tokens, starts, ends };
}

/** True for tokens that count as words: anything with a letter or digit, so labels and `[^12]` too. */
export function isWordToken(token: string): boolean {
	return WORDY.test(token);
}

/** True for a paragraph or point label such as "(a)", "(iii)" or "1.". */
export function isLabelToken(token: string): boolean {
	return LABEL.test(token);
}

/** The label a paragraph opens with ("(d)", "2."), or null. */
export function paragraphLabel(list: TokenList): string | null {
	const first = list.tokens[0];
	return first !== undefined && isLabelToken(first) ? first : null;
}

/**
 * Paragraphs of a provision: the texts separate paragraphs and points with "\n".
 * Surrounding whitespace and blank lines carry no meaning in the sources, so they are dropped.
 */
export function splitParagraphs(text: string): string[] {
	const out: string[] = [];
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		if (trimmed) out.push(trimmed);
	}
	return out;
}

/** Count the word tokens in `tokens[from, to)`. */
export function countWords(tokens: string[], from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) if (WORDY.test(tokens[i])) n++;
	return n;
}

/**
 * Several paragraphs' tokens as one list, their texts joined by "\n": each keeps its own tokenisation (a
 * leading "1." stays a label), so a paragraph split in two or two merged can be diffed word by word.
 */
export function joinTokenLists(lists: TokenList[]): TokenList {
	if (lists.length === 1) return lists[0];
	const out: TokenList = { text: '', tokens: [], starts: [], ends: [] };
	for (const list of lists) {
		if (out.text) out.text += '\n';
		const shift = out.text.length;
		out.text += list.text;
		out.tokens.push(...list.tokens);
		for (let k = 0; k < list.tokens.length; k++) {
			out.starts.push(list.starts[k] + shift);
			out.ends.push(list.ends[k] + shift);
		}
	}
	return out;
}

/** Tokens of a text of several "\n"-separated paragraphs, each tokenised as a paragraph of its own. */
export function tokeniseParagraphs(text: string): TokenList {
	return joinTokenLists(text.split('\n').map(tokenise));
}
