import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readCouncilDocx } from './read';
import { councilFileBytes } from '$lib/server/testing/council-files';

// Small Word files built here, to test what the real ones cannot: bad input, and the numbering and mark
// rules in isolation.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(body: string, extra: Record<string, string> = {}, entries: Zippable = {}): Uint8Array {
	const files: Zippable = {
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
		),
		'word/document.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`
		),
		...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
		...entries
	};
	return zipSync(files);
}

const p = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const r = (t: string, rPr = '') =>
	`<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

const COVER =
	p(r('Interinstitutional File: 2021/0106(COD)')) +
	p(r('Brussels, 29 November 2021 (OR. en)')) +
	p(r('14278/21')) +
	p(r('To:\tDelegations'));
const TITLE = p(r('Proposal for a')) + p(r('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL'));

const NUMBERING = `<w:numbering ${W}>
	<w:abstractNum w:abstractNumId="0">
		<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
		<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
		<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
	</w:abstractNum>
	<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
	<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
	<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
	<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const FOOTNOTES = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
	<w:footnote w:id="2"><w:p><w:r><w:t>OJ L 119, 4.5.2016, p. 1.</w:t></w:r></w:p></w:footnote></w:footnotes>`;

const ARTICLE = [
	p(r('Article 4b', '<w:i/>')),
	p(r('Requirements', '<w:i/>')),
	p(r('The following applies') + r(' in all cases', '<w:b/>') + r(':'), num(1)),
	p(
		r('first point') +
			r(' remote', '<w:strike/>') +
			r(';') +
			`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>`,
		num(1, 1)
	),
	p(r('second point:'), num(1, 1)),
	p(r('a sub-point', '<w:u w:val="single"/>'), num(1, 2)),
	p(r('Second paragraph.'), num(1)),
	p(r('Paragraph after a restart.'), num(2)),
	p(r('A roman one.'), num(3))
].join('');

describe('a small Word file built for the test', () => {
	const result = readCouncilDocx(
		docx(COVER + TITLE + ARTICLE, { 'word/numbering.xml': NUMBERING, 'word/footnotes.xml': FOOTNOTES }),
		'fixture.docx'
	);

	it('prints labels from numbering.xml, with the counters Word keeps', () => {
		if (!result.ok) throw new Error(result.error);
		const article = result.items.find((i) => i.kind === 'article')!;
		console.log(`Fixture article:\n${article.text}`);
		expect(article).toMatchObject({ number: '4b', title: 'Requirements' });
		expect(article.text.split('\n')).toEqual([
			'1. The following applies in all cases:',
			'(a) first point;[^1]',
			'(b) second point:',
			'(i) a sub-point',
			'2. Second paragraph.',
			// w:startOverride starts that list instance at 4.
			'4. Paragraph after a restart.',
			'I. A roman one.'
		]);
	});

	it('records bold, struck and underlined runs as marks, and Word footnotes as [^N]', () => {
		if (!result.ok) throw new Error(result.error);
		const article = result.items.find((i) => i.kind === 'article')!;
		expect(article.marks).toEqual({ added: ['in all cases'], deleted: ['remote'], changed: ['a sub-point'] });
		expect(article.footnotes).toEqual([{ marker: '1', text: 'OJ L 119, 4.5.2016, p. 1.' }]);
		expect(result.cover).toMatchObject({
			councilRef: 'ST 14278/21',
			date: '2021-11-29',
			procedure: '2021/0106(COD)',
			addressees: 'Delegations'
		});
	});
});

describe('XML text', () => {
	it('decodes entity and numeric character references', () => {
		const body =
			TITLE +
			p(r('Article 1', '<w:i/>')) +
			p(r('Subject matter', '<w:i/>')) +
			p(r('R&amp;D &lt;tools&gt; of the provider&#8217;s &#x2018;system&#x2019;'));
		const res = readCouncilDocx(docx(body), 'entities.docx');
		if (!res.ok) throw new Error(res.error);
		expect(res.items[0].text).toBe('R&D <tools> of the provider’s ‘system’');
	});
});

/** Overwrites a 4-byte little-endian field in every header with the given signature. */
function patchSize(zip: Uint8Array, signature: number, offset: number, value: number): Uint8Array {
	const out = zip.slice();
	const view = new DataView(out.buffer);
	for (let i = 0; i + 4 <= out.length; i++)
		if (view.getUint32(i, true) === signature) view.setUint32(i + offset, value, true);
	return out;
}
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

describe('bad input is refused with a message naming the file', () => {
	const refuse = (bytes: Uint8Array, pattern: RegExp, opts?: { expectProcedure?: string }) => {
		const res = readCouncilDocx(bytes, 'upload.docx', opts);
		console.log(`→ ${res.ok ? 'accepted' : res.error}`);
		expect(res.ok).toBe(false);
		if (!res.ok) {
			expect(res.error).toContain('upload.docx');
			expect(res.error).toMatch(pattern);
		}
	};

	it('not a zip', () => refuse(strToU8('just some text, not a Word file'), /not a zip archive/));
	it('an empty file', () => refuse(new Uint8Array(), /empty/));
	it('a PDF renamed .docx', () => refuse(strToU8('%PDF-1.7\n1 0 obj <<>> endobj'), /PDF/));
	it('an old binary .doc', () =>
		refuse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /old binary Word \.doc/));
	it('a truncated zip', () => {
		const real = councilFileBytes('2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx');
		refuse(real.subarray(0, Math.floor(real.length / 2)), /damaged/);
	});
	it('a zip whose compressed data is corrupt', () => {
		// Varied text, so that the compressed stream is long enough to corrupt in its middle.
		let seed = 7;
		const noise = Array.from(
			{ length: 3000 },
			() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), String.fromCharCode(97 + (seed % 26)))
		).join('');
		const zip = docx(p(r(noise)));
		const bad = zip.slice();
		for (let i = 200; i < 260; i++) bad[i] ^= 0xff;
		refuse(bad, /damaged|not well-formed/);
	});
	it('a document.xml that is not well-formed', () => {
		refuse(docx(p(r('x')) + '<w:p><w:r><w:t>an element left open</w:p>'), /not well-formed/);
		refuse(docx(p(r('x')) + '<w:p><w:r><w:t>cut off'), /not well-formed/);
	});
	it('a zip without word/document.xml', () =>
		refuse(zipSync({ 'hello.txt': strToU8('hello') }), /no word\/document\.xml/));
	it('an entry declaring more than 50 MB', () =>
		refuse(patchSize(docx(p(r('x'))), CENTRAL, 24, 60 * 1024 * 1024), /would unpack to 60\.0 MB.*zip bomb/));
	it('entries declaring more than 100 MB in all', () => {
		const zip = docx(p(r('x')), {}, { 'a.bin': strToU8('a'), 'b.bin': strToU8('b'), 'c.bin': strToU8('c') });
		refuse(patchSize(zip, CENTRAL, 24, 30 * 1024 * 1024), /would unpack to 1[0-9]{2}\.0 MB.*zip bomb/);
	});
	it('more than 2,000 entries', () => {
		const many: Zippable = {};
		for (let i = 0; i < 2001; i++) many[`word/media/f${i}.txt`] = strToU8('x');
		refuse(docx(p(r('x')), {}, many), /2003 entries/);
	});
	it('an entry that inflates to more than it declares (stopped while inflating)', () => {
		// 5 MB of text declared as 1,000 bytes, in both the central directory and the local header.
		const big = docx(p(r('x'.repeat(5 * 1024 * 1024))));
		refuse(
			patchSize(patchSize(big, CENTRAL, 24, 1000), LOCAL, 22, 1000),
			/inflates to more than its declared 1000 bytes/
		);
	});
	it('a Word file without recitals, articles or annexes', () =>
		refuse(docx(p(r('Dear colleagues, please find the agenda attached.'))), /no recitals, articles or annexes/));
	it('a text of another procedure', () => {
		const other =
			p(r('Interinstitutional File: 2020/0374(COD)')) +
			TITLE +
			p(r('Article 1', '<w:i/>')) +
			p(r('Subject matter', '<w:i/>')) +
			p(r('This Regulation lays down rules.'));
		refuse(docx(other), /2020\/0374\(COD\), not to 2021\/0106\(COD\)/, { expectProcedure: '2021/0106(COD)' });
	});
});
