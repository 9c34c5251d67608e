/**
 * The zip and XML layer of a Word file: bytes → the parsed XML parts we read, with limits.
 *
 * Why these libraries: fflate is maintained, pure JavaScript (runs on the server and in the browser) and
 * synchronous, and its `unzipSync` filter sees every entry's declared `originalSize` before anything is
 * inflated, so a zip bomb is refused from the central directory alone; its streaming `Unzip` lets us count
 * the bytes actually inflated and stop as soon as an entry lies about its size. htmlparser2 (in XML mode) is
 * maintained, has no native parts, and streams events in document order, which Word needs (the order of runs,
 * tabs and breaks inside a paragraph is the text); we build our small tree from them. It replaced
 * fast-xml-parser's ordered mode, which took 4.1 s for the 27 MB of document.xml in the eight Council files
 * where this takes 1.7 s (same machine, same files).
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { Parser } from 'htmlparser2';

export const DOCX_LIMITS = {
	/** Sum of the declared uncompressed sizes of all entries. */
	totalBytes: 100 * 1024 * 1024,
	entryBytes: 50 * 1024 * 1024,
	entries: 2000
};

/** The parts of the package the reader uses; absent optional parts are null. */
export interface DocxParts {
	document: XmlNode[];
	styles: XmlNode[] | null;
	numbering: XmlNode[] | null;
	footnotes: XmlNode[] | null;
}

const PARTS = {
	document: 'word/document.xml',
	styles: 'word/styles.xml',
	numbering: 'word/numbering.xml',
	footnotes: 'word/footnotes.xml'
} as const;

// Compressed bytes handed to the inflater at a time: a deflate stream expands at most ~1,032 times, so the
// actual output is checked at least every 16 MB however the entry lies about its size.
const CHUNK = 16 * 1024;

export type PackageResult = { ok: true; parts: DocxParts } | { ok: false; error: string };

/** Opens a .docx: recognises what the bytes are, refuses bombs and damaged zips, parses the XML parts. */
export function openDocx(bytes: Uint8Array, fileName: string): PackageResult {
	const fail = (why: string): PackageResult => ({ ok: false, error: `${fileName}: ${why}` });
	const kind = sniff(bytes);
	if (kind !== 'zip') return fail(kind);

	// Pass 1: the central directory only; the filter returns false, so nothing is inflated.
	const declared = new Map<string, number>();
	let total = 0;
	try {
		unzipSync(bytes, {
			filter(file) {
				declared.set(file.name, file.originalSize);
				total += file.originalSize;
				return false;
			}
		});
	} catch {
		return fail('the zip archive is damaged (its directory cannot be read), so it is not a readable Word file.');
	}
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
	if (declared.size > DOCX_LIMITS.entries)
		return fail(
			`the archive holds ${declared.size} entries; a Word file is refused above ${DOCX_LIMITS.entries} (zip bomb?).`
		);
	for (const [name, size] of declared) {
		if (size > DOCX_LIMITS.entryBytes)
			return fail(
				`the entry ${name} would unpack to ${mb(size)}; refused above ${mb(DOCX_LIMITS.entryBytes)} (zip bomb?).`
			);
	}
	if (total > DOCX_LIMITS.totalBytes)
		return fail(`the archive would unpack to ${mb(total)}; refused above ${mb(DOCX_LIMITS.totalBytes)} (zip bomb?).`);
	if (!declared.has(PARTS.document))
		return fail('the zip archive has no word/document.xml, so it is not a Word document.');

	// Pass 2: inflate only the parts we read, counting what actually comes out.
	const wanted = new Set<string>(Object.values(PARTS).filter((p) => declared.has(p)));
	const inflated = inflateParts(bytes, wanted, declared);
	if (typeof inflated === 'string') return fail(inflated);

	const parsed: Partial<Record<keyof DocxParts, XmlNode[] | null>> = {};
	for (const [key, path] of Object.entries(PARTS) as [keyof DocxParts, string][]) {
		const data = inflated.get(path);
		if (!data) {
			parsed[key] = null;
			continue;
		}
		const xml = parseXml(data);
		if (!xml) return fail(`${path} is not well-formed XML, so the file is damaged.`);
		parsed[key] = xml;
	}
	return { ok: true, parts: parsed as DocxParts };
}

function sniff(b: Uint8Array): 'zip' | string {
	const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
	if (b.length === 0) return 'the file is empty.';
	if (starts(0x25, 0x50, 0x44, 0x46))
		return 'this is a PDF, not a Word .docx file (renamed?). Import the Word version of the text.';
	if (starts(0xd0, 0xcf, 0x11, 0xe0))
		return 'this is an old binary Word .doc file (OLE format), not .docx. Save it as .docx in Word and import that.';
	if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
	if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'this is an RTF file, not a Word .docx file.';
	return 'this is not a Word .docx file (it is not a zip archive).';
}

/** The wanted entries' bytes, or why they could not be inflated within their declared sizes. */
function inflateParts(
	bytes: Uint8Array,
	wanted: Set<string>,
	declared: Map<string, number>
): Map<string, Uint8Array> | string {
	const out = new Map<string, Uint8Array>();
	let problem: string | null = null;
	let actualTotal = 0;
	const unzip = new Unzip();
	unzip.register(UnzipInflate);
	unzip.onfile = (file: UnzipFile) => {
		if (!wanted.has(file.name) || out.has(file.name)) return;
		const limit = Math.min(declared.get(file.name) ?? 0, DOCX_LIMITS.entryBytes);
		const chunks: Uint8Array[] = [];
		let size = 0;
		file.ondata = (err, chunk, final) => {
			if (problem) return;
			if (err) {
				problem = `the entry ${file.name} is damaged (${err.message}).`;
				return;
			}
			size += chunk.length;
			actualTotal += chunk.length;
			if (size > limit || actualTotal > DOCX_LIMITS.totalBytes) {
				problem = `the entry ${file.name} inflates to more than its declared ${limit} bytes (zip bomb?); reading stopped.`;
				file.terminate();
				return;
			}
			chunks.push(chunk);
			if (final) out.set(file.name, concat(chunks, size));
		};
		file.start();
	};
	try {
		for (let at = 0; at < bytes.length && !problem; at += CHUNK) {
			unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
		}
	} catch (e) {
		return `the zip archive is damaged (${e instanceof Error ? e.message : String(e)}).`;
	}
	if (problem) return problem;
	for (const name of wanted) {
		if (!out.has(name)) return `the entry ${name} could not be inflated, so the zip archive is damaged.`;
		if (out.get(name)!.length !== declared.get(name))
			return `the entry ${name} is shorter than its declared size, so the zip archive is damaged.`;
	}
	return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
	const all = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.length;
	}
	return all;
}

/** An element (`tag` set) or a text node (`tag` null, `text` decoded). */
export interface XmlNode {
	tag: string | null;
	/** By qualified name ('w:val'), values decoded. */
	attrs: Record<string, string>;
	children: XmlNode[];
	text: string;
}

const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;
const LEAF: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

const SLASH = 0x2f;

/**
 * Parses one part into its top-level nodes, or null if it is not well-formed: an element closed by another's
 * end tag, or left open at the end (a truncated part). (htmlparser2 skips an end tag that closes nothing.) htmlparser2 in XML mode decodes the predefined and the
 * numeric character references (&#8217;), in text and in attribute values.
 */
function parseXml(data: Uint8Array): XmlNode[] | null {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		return null;
	}
	// Word never writes a DTD; one here could only serve entity expansion tricks.
	if (/<!DOCTYPE/i.test(text.slice(0, 4096))) return null;
	const top: XmlNode[] = [];
	const open: XmlNode[] = [];
	let wellFormed = true;
	const parser = new Parser(
		{
			onopentag(tag, attrs) {
				// Most elements (w:b, w:sz) are empty: they share one empty child list until they get a child.
				const node: XmlNode = { tag, attrs, children: LEAF, text: '' };
				if (open.length) adopt(open[open.length - 1], node);
				else top.push(node);
				open.push(node);
			},
			ontext(value) {
				if (open.length) adopt(open[open.length - 1], { tag: null, attrs: NONE, children: LEAF, text: value });
			},
			onclosetag(tag, implied) {
				// Implied closes are self-closing tags (`<w:b/>`, ending in "/>") or the parser's repairs.
				if (open.pop()?.tag !== tag || (implied && text.charCodeAt(parser.endIndex - 1) !== SLASH)) wellFormed = false;
			},
			onerror() {
				wellFormed = false;
			}
		},
		{ xmlMode: true, decodeEntities: true }
	);
	parser.end(text);
	return wellFormed && open.length === 0 && top.length > 0 ? top : null;
}

function adopt(parent: XmlNode, node: XmlNode): void {
	if (parent.children === LEAF) parent.children = [node];
	else parent.children.push(node);
}

// ---- navigation in the tree ----

/** The element's tag name ('w:p'), or null for a text node. */
export function tagOf(node: XmlNode): string | null {
	return node.tag;
}

export function childrenOf(node: XmlNode): XmlNode[] {
	return node.children;
}

/** An attribute by its qualified name ('w:val'). */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
	return node?.attrs[name];
}

export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
	if (node) for (const c of node.children) if (c.tag === tag) return c;
	return undefined;
}

export function childrenNamed(node: XmlNode | undefined, tag: string): XmlNode[] {
	return node ? node.children.filter((c) => c.tag === tag) : [];
}

/** The concatenated text nodes directly inside an element (the content of a w:t). */
export function textOf(node: XmlNode): string {
	let s = '';
	for (const c of node.children) if (c.tag === null) s += c.text;
	return s;
}

/** The root element of a part ('w:document'), skipping comments and whitespace. */
export function rootOf(part: XmlNode[] | null, tag: string): XmlNode | undefined {
	return part?.find((n) => n.tag === tag);
}
