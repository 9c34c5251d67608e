import { describe, expect, it } from 'vitest';
import { councilFileBytes } from '$lib/server/testing/council-files';
import { readTextDocument } from './import';

describe('reading a Council text for an import', () => {
	const bytes = councilFileBytes('2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx');
	const options = { fileName: 'slo.docx', procedure: '2021/0106(COD)' };

	it('reads the file the dry run read moments ago only once', () => {
		const dry = readTextDocument(bytes, options);
		if (!dry.ok) throw new Error(dry.error);
		console.log(`${dry.nodes.length} provisions, cover ${dry.cover.councilRef} of ${dry.cover.date}`);
		expect(readTextDocument(bytes.slice(), options)).toBe(dry);
	});

	it('reads other bytes, or the same bytes for another procedure, afresh', () => {
		const first = readTextDocument(bytes, options);
		const changed = bytes.slice();
		changed[changed.length - 30] ^= 1; // other bytes, whatever they now read as
		expect(readTextDocument(changed, options)).not.toBe(first);
		const other = readTextDocument(bytes, { ...options, procedure: '2020/0374(COD)' });
		expect(other).toMatchObject({ ok: false, error: expect.stringContaining('not to 2020/0374(COD)') });
	});
});
