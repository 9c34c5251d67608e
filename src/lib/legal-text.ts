/** A line of a legal text, cut into plain text and footnote references (`[^12]` in the source files). */
export interface LegalLine {
	/** Nesting depth for display: 0 paragraphs, 1 lettered points, 2 roman sub-points, 3 indents. */
	depth: number;
	parts: ({ text: string } | { footnote: string })[];
}

const roman = /^\((?:i{1,3}|iv|v|vi{1,3}|ix|x)\)\s/;
const letter = /^\([a-z]{1,2}\)\s/;

/**
 * Splits a provision's text into display lines. A "(i)" is a roman sub-point when it follows a line
 * ending in ':' inside a lettered point or another roman sub-point, and the letter (i) after (h) otherwise.
 */
export function legalLines(text: string): LegalLine[] {
	let previousDepth = 0;
	let previousEndsList = false;
	return text.split('\n').map((line) => {
		let depth = 0;
		const isRomanLike = roman.test(line);
		if (isRomanLike && (previousDepth === 2 || (previousDepth === 1 && previousEndsList))) depth = 2;
		else if (letter.test(line) || isRomanLike) depth = 1;
		else if (/^[—–-]\s/.test(line)) depth = Math.min(previousDepth + 1, 3);
		else if (!/^\d+[a-z]?\.\s/.test(line) && previousDepth > 0 && !/^[A-Z]/.test(line)) depth = previousDepth;
		previousDepth = depth;
		previousEndsList = /:\s*$/.test(line);
		return { depth, parts: splitFootnotes(line) };
	});
}

function splitFootnotes(line: string): LegalLine['parts'] {
	const parts: LegalLine['parts'] = [];
	let last = 0;
	for (const m of line.matchAll(/\[\^([^\]\s]+)\]/g)) {
		if (m.index > last) parts.push({ text: line.slice(last, m.index) });
		parts.push({ footnote: m[1] });
		last = m.index + m[0].length;
	}
	if (last < line.length || parts.length === 0) parts.push({ text: line.slice(last) });
	return parts;
}
