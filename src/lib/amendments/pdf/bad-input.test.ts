import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amendmentLines, coverLines, fixturePdf, footer } from '$lib/server/testing/pdf-fixture';
import { describeOpenError, hasPdfHeader } from './layout';
import { readAmendmentPdf } from './read';
import { stopPdfWorker } from './pdfjs-thread';

const PROCEDURE = '2021/0106(COD)';
const CULT = 'ai-act/documents/ep-committee-amendments/AIA-CULT-Rule-57-Opinion-Amendments-1-April.pdf';
const SEEDED = new URL(`../../server/seed/data/${CULT}`, import.meta.url);
const REAL = existsSync(SEEDED) ? SEEDED : new URL(`../../../../../shared/data/${CULT}`, import.meta.url);

async function refusal(bytes: Uint8Array, fileName = 'upload.pdf', expectProcedure?: string): Promise<string> {
	const result = await readAmendmentPdf(bytes, fileName, { expectProcedure });
	if (result.ok) throw new Error(`${fileName} was read`);
	return result.error;
}

/** A two-page committee document: the cover, then amendments 1 and 2 on page 2. */
function committeeDocument(procedure = PROCEDURE, second: string | null = 'Article 2') {
	return fixturePdf([
		{ lines: coverLines(procedure) },
		{
			lines: [
				...amendmentLines(1, 762, 'Article 1 – paragraph 1 a (new)', '', '1a. Providers shall be bold.'),
				...amendmentLines(2, 560, second, 'The old text.', 'deleted'),
				...footer(2, 2)
			]
		}
	]);
}

describe('readAmendmentPdf on bad input', () => {
	it('refuses a file that is not a PDF', async () => {
		const bytes = new TextEncoder().encode('Amendment 1\nProposal for a regulation\n');
		expect(hasPdfHeader(bytes)).toBe(false);
		expect(await refusal(bytes, 'notes.txt')).toBe('notes.txt is not a PDF file (it does not start with "%PDF-").');
	});

	it('refuses a damaged PDF', async () => {
		const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(2000));
		expect(await refusal(garbage, 'garbage.pdf')).toMatch(/^garbage\.pdf is damaged/);
	});

	it('refuses a real document cut short in transfer', async () => {
		const real = new Uint8Array(readFileSync(REAL));
		const error = await refusal(real.subarray(0, Math.floor(real.length * 0.4)), 'cut.pdf');
		expect(error).toBe('cut.pdf is damaged: Invalid PDF structure (the file may be incomplete; upload it again).');
	}, 60_000);

	it('refuses an encrypted PDF', async () => {
		const bytes = fixturePdf([{ lines: [{ x: 71, y: 700, text: 'Secret' }] }], { encrypted: true });
		expect(await refusal(bytes, 'locked.pdf')).toBe(
			'locked.pdf is encrypted (password-protected); save an unprotected copy and upload that.'
		);
	});

	it("maps pdfjs's PasswordException to the encrypted message", () => {
		const error = Object.assign(new Error('No password given'), { name: 'PasswordException', code: 1 });
		expect(describeOpenError(error, 'a.pdf')).toBe(
			'a.pdf is encrypted (password-protected); save an unprotected copy and upload that.'
		);
		expect(
			describeOpenError(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }), 'a.pdf')
		).toBe('a.pdf is damaged: Invalid PDF structure (the file may be incomplete; upload it again).');
	});

	it('refuses an image-only PDF', async () => {
		const bytes = fixturePdf([{ image: true }, { image: true }]);
		expect(await refusal(bytes, 'scan.pdf')).toBe(
			'scan.pdf has no text on its pages (a scan?); upload the PDF the Parliament published.'
		);
	});

	it('refuses a PDF that is not a committee amendment document', async () => {
		const bytes = fixturePdf([{ lines: [{ x: 71, y: 700, text: 'Minutes of the meeting of 3 May' }] }]);
		expect(await refusal(bytes, 'minutes.pdf')).toBe(
			'minutes.pdf is not a Parliament committee amendment document: it has no AMENDMENTS, DRAFT REPORT or DRAFT OPINION cover and no "Amendment N" headings.'
		);
	});

	it('refuses a document of another procedure when one is expected', async () => {
		const bytes = committeeDocument('2020/0361(COD)');
		expect(await refusal(bytes, 'dsa.pdf', PROCEDURE)).toBe(
			'dsa.pdf is a document of procedure 2020/0361(COD), not of 2021/0106(COD); it belongs to another dossier.'
		);
		expect((await readAmendmentPdf(bytes, 'dsa.pdf')).ok).toBe(true);
	});
});

describe('readAmendmentPdf on a written fixture', () => {
	it('reads the cover, footer and amendments of a minimal committee document', async () => {
		const result = await readAmendmentPdf(committeeDocument(), 'mini.pdf', { expectProcedure: PROCEDURE });
		if (!result.ok) throw new Error(result.error);
		expect(result.meta).toMatchObject({
			committee: 'CULT',
			date: '2022-04-01',
			range: { first: 1, last: 2 },
			reference: 'PE730.175v01-00',
			docxName: 'AM\\1253331EN.docx',
			pages: 2
		});
		expect(
			result.amendments.map((a) => [a.number, a.target, a.commissionText, a.amendmentText, a.deleted, a.newProvision])
		).toEqual([
			[1, 'Article 1 – paragraph 1 a (new)', '', '1a. Providers shall be bold.', false, true],
			[2, 'Article 2', 'The old text.', '', true, false]
		]);
		expect(result.amendments[0].authors).toEqual(['Dace Melbarde', 'Andrey Slabakov']);
		expect(result.problems).toEqual([]);
	});

	it('reports a block without a target as a problem with its page, not as an amendment', async () => {
		const result = await readAmendmentPdf(committeeDocument(PROCEDURE, null), 'mini.pdf');
		if (!result.ok) throw new Error(result.error);
		expect(result.amendments.map((a) => a.number)).toEqual([1]);
		expect(result.problems).toEqual([
			{ page: 2, number: 2, reason: 'no target between "Proposal for a regulation" and the table' }
		]);
	});
});

describe('the PDF reader thread', () => {
	it('ends a read it could not finish with an error naming the file, and the next read works', async () => {
		const reading = readAmendmentPdf(new Uint8Array(readFileSync(REAL)), 'cut-short.pdf');
		await new Promise((resolve) => setTimeout(resolve, 50)); // the worker is still starting, or reading: either way unfinished
		await stopPdfWorker();
		const result = await reading;
		console.log(`→ ${result.ok ? 'read' : result.error}`);
		expect(result).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^cut-short\.pdf could not be read: the PDF reader stopped/)
		});
		const next = await readAmendmentPdf(committeeDocument(), 'next.pdf');
		expect(next.ok).toBe(true);
	});
});
