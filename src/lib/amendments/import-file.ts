import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { restoreCell } from './csv';
import {
	columnField,
	csvColumns,
	recordFields,
	requiredCsvColumns,
	type AmendmentRecord,
	type CsvColumn
} from './record';
import type { AmendmentStatus } from './statuses';

/** The largest file the import accepts. The server's body limit (BODY_SIZE_LIMIT) must be above it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A row of the file: the fields it gives (a missing column leaves the field as it is). */
export interface ImportRow {
	/** 1-based line (CSV: where the record starts) or item number (JSON). */
	line: number;
	/** 'line 12' or 'item 12', for messages. */
	where: string;
	/** Which of the file's tabling documents the row belongs to (a PDF may hold two). */
	tabling?: number;
	given: Partial<AmendmentRecord> &
		Pick<AmendmentRecord, 'tablingContext' | 'number' | 'target' | 'baseText' | 'proposedText'>;
}

export interface Refusal {
	line: number;
	where: string;
	number?: string;
	reason: string;
}

/** How rows of the Parliament's own JSON file (which has no such fields) are filed. */
export interface EpFileDefaults {
	tablingContext: string;
	tabledOn: string | null;
	status: AmendmentStatus;
}

export type ImportFormat = 'csv' | 'json' | 'ep-json' | 'pdf';

/** The document a file of amendments was tabled in, when the file says (a committee's PDF does). */
export interface TablingDocument {
	/** Unique within the dossier, so a second import of the same document finds it. */
	key: string;
	title: string;
	shortTitle: string;
	officialReference: string;
	date: string | null;
	/** The committee's code ('CULT', 'IMCO-LIBE'), which is also the amendments' tabling context. */
	committee: string;
	committeeName: string;
	provenance: Record<string, unknown>;
}

export type ParsedImportFile =
	| { ok: true; format: ImportFormat; rows: ImportRow[]; refused: Refusal[]; tablings?: TablingDocument[] }
	| { ok: false; error: string };

/**
 * Reads an uploaded file: UTF-8 CSV with the documented header (RFC 4180 quoting), our JSON export
 * (`{ "amendments": [...] }`), or the Parliament amendments file (`{ "items": [...] }`). File-level
 * problems (size, encoding, syntax, header) are an `error`; a bad row is a `Refusal` with its line.
 */
export function parseImportFile(bytes: Uint8Array, ep: EpFileDefaults): ParsedImportFile {
	if (bytes.byteLength === 0) return { ok: false, error: 'The file is empty.' };
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: tooLarge(bytes.byteLength) };
	const decoded = decodeUtf8(bytes);
	if (!decoded.ok) return decoded;
	const text = decoded.text;
	const first = text.trimStart()[0];
	return first === '{' || first === '[' ? parseJson(text, ep) : parseCsv(text, bytes);
}

export function tooLarge(bytes: number): string {
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
	return `The file is ${mb(bytes)}; the import takes files up to ${mb(MAX_IMPORT_BYTES)}. Split it into smaller files.`;
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { ok: false, error: 'The file is in UTF-16; save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.' };
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { ok: true, text };
	} catch {
		const at = firstInvalidUtf8(bytes);
		const line = bytes.subarray(0, at).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
		return {
			ok: false,
			error: `The file is not UTF-8 (the first invalid byte is on line ${line}); it may be Windows-1252 or Latin-1. Save it as UTF-8 and try again.`
		};
	}
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let lo = 0;
	let hi = bytes.byteLength;
	// Binary search for the shortest prefix that fails (a prefix cut inside a character also fails, so allow 3 bytes).
	while (hi - lo > 4) {
		const mid = (lo + hi) >> 1;
		try {
			decoder.decode(bytes.subarray(0, mid), { stream: true });
			lo = mid;
		} catch {
			hi = mid;
		}
	}
	return lo;
}

function parseCsv(text: string, bytes: Uint8Array): ParsedImportFile {
	let records: { record: string[]; info: { bytes: number } }[];
	try {
		records = parse(text, {
			info: true,
			skip_empty_lines: true,
			relax_column_count: false,
			bom: true
		}) as unknown as typeof records;
	} catch (e) {
		const err = e as { message?: string; lines?: number };
		return {
			ok: false,
			error: `The CSV is malformed${err.lines ? ` near line ${err.lines}` : ''}: ${err.message ?? 'unreadable'}.`
		};
	}
	if (records.length === 0) return { ok: false, error: 'The file is empty.' };
	const header = records[0].record.map((h) => h.trim().toLowerCase());
	const unknown = header.filter((h) => !(csvColumns as readonly string[]).includes(h));
	if (unknown.length)
		return {
			ok: false,
			error: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The header is documented in the README.`
		};
	const missing = requiredCsvColumns.filter((c) => !header.includes(c));
	if (missing.length)
		return { ok: false, error: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.` };
	const duplicate = header.find((h, i) => header.indexOf(h) !== i);
	if (duplicate) return { ok: false, error: `The column ${duplicate} appears twice.` };

	const rows: ImportRow[] = [];
	const refused: Refusal[] = [];
	// Line numbers from byte offsets (csv-parse's own line count drifts on CRLF inside quoted cells).
	// Offsets count from after the byte order mark, which the decoder removed.
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	let at = bom + records[0].info.bytes;
	let line = 1 + countNewlines(bytes, 0, at);
	for (const { record, info } of records.slice(1)) {
		const end = bom + info.bytes;
		while (at < end && (bytes[at] === 0x0a || bytes[at] === 0x0d)) if (bytes[at++] === 0x0a) line++; // skipped blank lines
		const start = line;
		line += countNewlines(bytes, at, end);
		at = end;
		const raw: Record<string, unknown> = {};
		header.forEach(
			(column, i) => (raw[columnField[column as CsvColumn]] = csvValue(column as CsvColumn, restoreCell(record[i])))
		);
		const row = checkRow(raw, start, `line ${start}`);
		if ('reason' in row) refused.push(row);
		else rows.push(row);
	}
	return { ok: true, format: 'csv', rows, refused };
}

function countNewlines(bytes: Uint8Array, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) if (bytes[i] === 0x0a) n++;
	return n;
}

function csvValue(column: CsvColumn, cell: string): unknown {
	switch (column) {
		case 'authors':
			return cell
				.split(';')
				.map((s) => s.trim())
				.filter(Boolean);
		case 'deletes_provision':
		case 'new_provision': {
			const v = cell.trim().toLowerCase();
			if (['true', 'yes', '1'].includes(v)) return true;
			if (['false', 'no', '0', ''].includes(v)) return false;
			return cell;
		}
		case 'sources':
			if (cell.trim() === '') return [];
			try {
				return JSON.parse(cell);
			} catch {
				return cell;
			}
		case 'base_text':
		case 'proposed_text':
		case 'justification':
			return cell.replace(/\r\n?/g, '\n');
		default:
			return cell;
	}
}

function parseJson(text: string, ep: EpFileDefaults): ParsedImportFile {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, error: `The JSON is malformed: ${(e as Error).message}.` };
	}
	const obj = (data ?? {}) as { items?: unknown; amendments?: unknown };
	const rows: ImportRow[] = [];
	const refused: Refusal[] = [];
	if (Array.isArray(obj.items)) {
		obj.items.forEach((item, i) => {
			const it = (item ?? {}) as Record<string, unknown>;
			const raw = {
				tablingContext: ep.tablingContext,
				tabledOn: ep.tabledOn,
				status: ep.status,
				number: typeof it.number === 'number' ? String(it.number) : it.number,
				target: it.target,
				baseText: it.commissionText,
				proposedText: it.amendmentText,
				deletesProvision: it.deleted,
				newProvision: it.newProvision,
				justification: it.justification,
				authors: it.authors
			};
			const row = checkRow(raw, i + 1, `item ${i + 1}`);
			if ('reason' in row) refused.push(row);
			else rows.push(row);
		});
		return { ok: true, format: 'ep-json', rows, refused };
	}
	if (Array.isArray(obj.amendments)) {
		obj.amendments.forEach((item, i) => {
			const it = { ...((item ?? {}) as Record<string, unknown>) };
			const row = checkRow(it, i + 1, `item ${i + 1}`);
			if ('reason' in row) refused.push(row);
			else rows.push(row);
		});
		return { ok: true, format: 'json', rows, refused };
	}
	return {
		ok: false,
		error:
			'The JSON has neither an "amendments" list (Trilogue’s export) nor an "items" list (the Parliament amendments file).'
	};
}

const known = new Set(Object.keys(recordFields));

/**
 * Authors as files give them: actor identifiers (greens-efa) or printed names (Dace Melbārde), which the
 * planner matches to actors; a name that matches no one becomes a new actor and is never dropped.
 */
const authorEntries = z
	.array(
		z
			.string('Authors: a list of names or actor identifiers.')
			.trim()
			.min(1)
			.max(200, 'Authors: a name of at most 200 characters.'),
		'Authors: a list of names or actor identifiers.'
	)
	.max(100, 'Authors: at most 100.');
const required = ['tablingContext', 'number', 'target', 'baseText', 'proposedText'] as const;

/** Checks each given field on its own; how fields fit together is checked against the database's row. */
function checkRow(raw: Record<string, unknown>, line: number, where: string): ImportRow | Refusal {
	const given: Record<string, unknown> = {};
	const number = typeof raw.number === 'string' ? raw.number.trim() : undefined;
	for (const field of required) {
		if (raw[field] === undefined || raw[field] === null)
			return { line, where, number, reason: `${labels[field]} is missing.` };
	}
	for (const [field, value] of Object.entries(raw)) {
		if (!known.has(field) || value === undefined) continue;
		const parsed = (field === 'authors' ? authorEntries : recordFields[field as keyof typeof recordFields]).safeParse(
			value
		);
		if (!parsed.success)
			return { line, where, number, reason: parsed.error.issues[0]?.message ?? `${field} is invalid.` };
		given[field] = parsed.data;
	}
	return { line, where, given: given as ImportRow['given'] };
}

const labels: Record<(typeof required)[number], string> = {
	tablingContext: 'Tabling context',
	number: 'Number',
	target: 'Target',
	baseText: 'Base text',
	proposedText: 'Proposed text'
};
