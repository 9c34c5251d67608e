/**
 * Writes tiny PDFs for the reader's tests: pages of positioned Helvetica text, an image-only page, or a
 * file that claims to be encrypted. Offsets in the cross-reference table are computed, so pdfjs opens the
 * files without falling back to its repair mode.
 */

export interface FixtureLine {
	x: number;
	y: number;
	text: string;
	size?: number;
}

export interface FixturePage {
	lines?: FixtureLine[];
	/** A page with a 1×1 grey image and no text, as a scan has. */
	image?: boolean;
}

export interface FixtureOptions {
	/** Adds a standard security handler whose user password is not empty, so a password is required. */
	encrypted?: boolean;
}

const A4 = [0, 0, 595.3, 841.9];

export function fixturePdf(pages: FixturePage[], options: FixtureOptions = {}): Uint8Array {
	const objects: string[] = [];
	const add = (body: string) => objects.push(body);
	add('<< /Type /Catalog /Pages 2 0 R >>');
	add(''); // the page tree, written once the pages' numbers are known
	add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
	const kids: number[] = [];
	for (const page of pages) {
		const content = page.image
			? 'q 100 0 0 100 50 700 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q'
			: textContent(page.lines ?? []);
		add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
		const contentRef = objects.length;
		add(
			`<< /Type /Page /Parent 2 0 R /MediaBox [${A4.join(' ')}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentRef} 0 R >>`
		);
		kids.push(objects.length);
	}
	objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
	let encrypt = '';
	if (options.encrypted) {
		add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`);
		encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
	}
	return serialise(objects, encrypt);
}

/** One BT…ET per line, so that pdfjs gives each line (and each cell of a table row) its own item. */
function textContent(lines: FixtureLine[]): string {
	return lines.map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x} ${l.y} Td (${escape(l.text)}) Tj ET`).join('\n');
}

/** The few characters outside Latin-1 that the fixtures print, in WinAnsiEncoding. */
const WIN_ANSI: Record<string, string> = { '–': '\x96', '‘': '\x91', '’': '\x92' };

function escape(text: string): string {
	return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[–‘’]/g, (c) => WIN_ANSI[c]);
}

function serialise(objects: string[], trailerExtra: string): Uint8Array {
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	for (const [i, body] of objects.entries()) {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	}
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
	// Latin-1, one byte per character, so that the offsets above are byte offsets.
	return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** The cover of a committee's amendments document, as the Parliament lays it out. */
export function coverLines(procedure: string, range = '1 - 2'): FixtureLine[] {
	return [
		{ x: 76, y: 751.7, text: 'European Parliament', size: 16 },
		{ x: 76, y: 735, text: '2019-2024', size: 10 },
		{ x: 207, y: 693.3, text: 'Committee on Culture and Education', size: 11 },
		{ x: 433, y: 615, text: procedure },
		{ x: 71, y: 589.3, text: '1.4.2022' },
		{ x: 142, y: 504.2, text: 'AMENDMENTS', size: 24 },
		{ x: 142, y: 476.6, text: range, size: 24 },
		{ x: 142, y: 436.3, text: 'Draft opinion' },
		{ x: 142, y: 422.5, text: 'Marcel Kolaja' },
		{ x: 142, y: 408.7, text: '(PE719.637v01-00)' },
		...footer(1, 2)
	];
}

export function footer(page: number, total: number): FixtureLine[] {
	return [
		{ x: 71, y: 70.3, text: 'AM\\1253331EN.docx', size: 11 },
		{ x: 285, y: 70.3, text: `${page}/${total}`, size: 11 },
		{ x: 445, y: 70.3, text: 'PE730.175v01-00', size: 11 },
		{ x: 534, y: 33.4, text: 'EN', size: 24 }
	];
}

/** An amendment block from `top` downwards; `target: null` leaves the target line out. */
export function amendmentLines(
	number: number,
	top: number,
	target: string | null,
	left: string,
	right: string
): FixtureLine[] {
	const lines: FixtureLine[] = [
		{ x: 71, y: top, text: `Amendment ${number}` },
		{ x: 71, y: top - 13.8, text: 'Dace Melbarde, Andrey Slabakov' },
		{ x: 71, y: top - 41.4, text: 'Proposal for a regulation' }
	];
	if (target) lines.push({ x: 71, y: top - 55.2, text: target });
	lines.push(
		{ x: 94.4, y: top - 81, text: 'Text proposed by the Commission' },
		{ x: 391.2, y: top - 81, text: 'Amendment' }
	);
	if (left) lines.push({ x: 71, y: top - 106.8, text: left });
	lines.push({ x: 315, y: top - 106.8, text: right }, { x: 494.5, y: top - 138.6, text: 'Or. en' });
	return lines;
}
