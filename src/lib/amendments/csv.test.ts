import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BOM, neutraliseCell, restoreCell, toCsv } from './csv';

describe('neutraliseCell', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(neutraliseCell('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
		expect(neutraliseCell('+1')).toBe("'+1");
		expect(neutraliseCell('-2')).toBe("'-2");
		expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutraliseCell('\t=1')).toBe("'\t=1");
		expect(neutraliseCell('Article 5 – paragraph 1')).toBe('Article 5 – paragraph 1');
		expect(neutraliseCell("'quoted")).toBe("'quoted");
	});

	it('is undone exactly by restoreCell, even for text that starts with an apostrophe', () => {
		for (const v of ['=1', "'=1", "''+x", "'plain", 'plain', '', '-', '@'])
			expect(restoreCell(neutraliseCell(v))).toBe(v);
	});
});

describe('toCsv', () => {
	it('writes a BOM, CRLF lines and RFC 4180 quoting that csv-parse reads back', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['x, "y"', 'line 1\nline 2'],
				['=cmd', 'ü']
			]
		);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv).toContain('"x, ""y"""');
		const rows = parse(csv.slice(1)) as string[][];
		expect(rows).toEqual([
			['a', 'b'],
			['x, "y"', 'line 1\nline 2'],
			["'=cmd", 'ü']
		]);
	});
});
