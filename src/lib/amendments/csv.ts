/**
 * CSV writing for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark (so Excel reads
 * UTF-8), and formula neutralising: a cell starting with = + - @ (or tab, carriage return) gets a leading
 * apostrophe so a spreadsheet shows it as text instead of running it. `restoreCell` undoes exactly that, so
 * an export imports back unchanged.
 */

export const BOM = '\uFEFF';

const formulaStart = /^'*[=+\-@\t\r]/;
const neutralised = /^'+[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would read as a formula (and to one already so prefixed). */
export function neutraliseCell(value: string): string {
	return formulaStart.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseCell`. */
export function restoreCell(value: string): string {
	return neutralised.test(value) ? value.slice(1) : value;
}

export function quoteCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV lines (each ending in CRLF), every cell neutralised and quoted; for streaming after `toCsv`. */
export function csvLines(records: readonly (readonly string[])[]): string {
	return records.map((cells) => cells.map((c) => quoteCell(neutraliseCell(c))).join(',') + '\r\n').join('');
}

/** A whole CSV file: BOM, header, records. */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
	return BOM + csvLines([header, ...records]);
}
