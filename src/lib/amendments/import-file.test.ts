import { describe, expect, it } from 'vitest';
import { parseImportFile } from './import-file';

const ep = { tablingContext: 'EP plenary, 14 June 2023', tabledOn: '2023-06-14', status: 'plenary_adopted' as const };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseImportFile', () => {
	it('reads a CSV with a BOM, CRLF and quoted multi-line cells, reporting where each row starts', () => {
		const file = utf8(
			'\uFEFFtabling_context,number,target,base_text,proposed_text,deletes_provision,authors\r\nA,1,Article 5,"two\r\nlines",x,no,greens-efa; s-d\r\nA,2,Article 5,b,,TRUE,\r\n'
		);
		const parsed = parseImportFile(file, ep);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.format).toBe('csv');
		expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
		expect(parsed.rows[0].given).toMatchObject({
			baseText: 'two\nlines',
			authors: ['greens-efa', 's-d'],
			deletesProvision: false
		});
		expect(parsed.rows[1].given).toMatchObject({ number: '2', deletesProvision: true, authors: [] });
	});

	it('refuses a bad row with its line and reason, keeping the others', () => {
		const parsed = parseImportFile(
			utf8(
				'tabling_context,number,target,base_text,proposed_text,tabled_on\nA,1,Art 5,b,p,2023-13-01\nA,2,Art 5,b,p,2023-01-01\n'
			),
			ep
		);
		expect(parsed).toMatchObject({
			ok: true,
			rows: [{ line: 3 }],
			refused: [{ line: 2, number: '1', reason: expect.stringContaining('Tabled on') }]
		});
	});

	it('files the Parliament JSON items with the given context, date and status', () => {
		const items = [
			{
				number: 6,
				target: 'Recital 2 a (new)',
				commissionText: '',
				amendmentText: '(2a) Text.',
				deleted: false,
				newProvision: true,
				justification: null,
				pdfPage: 4
			}
		];
		const parsed = parseImportFile(utf8(JSON.stringify({ source: {}, items })), ep);
		expect(parsed).toMatchObject({
			ok: true,
			format: 'ep-json',
			rows: [
				{
					where: 'item 1',
					given: { number: '6', tablingContext: ep.tablingContext, status: 'plenary_adopted', newProvision: true }
				}
			]
		});
	});

	it('explains UTF-16, a wrong encoding, a malformed file and an unknown layout', () => {
		expect(parseImportFile(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), ep)).toMatchObject({
			ok: false,
			error: expect.stringContaining('UTF-16')
		});
		expect(parseImportFile(Uint8Array.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]), ep)).toMatchObject({
			ok: false,
			error: expect.stringContaining('line 2')
		});
		expect(parseImportFile(utf8('tabling_context,number\n"A,1\n'), ep)).toMatchObject({
			ok: false,
			error: expect.stringContaining('malformed')
		});
		expect(parseImportFile(utf8('{"rows": []}'), ep)).toMatchObject({
			ok: false,
			error: expect.stringContaining('"amendments"')
		});
	});
});
