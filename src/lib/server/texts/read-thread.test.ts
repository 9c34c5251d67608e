import { describe, expect, it } from 'vitest';
import { councilFileBytes } from '$lib/server/testing/council-files';
import { readCouncilText } from '$lib/texts/read-council-text';
import { lastThreadReads, readCouncilTextsInThread } from './read-thread';

describe('reading Council Word files in a worker thread', () => {
	const options = { fileName: 'slo.docx', procedure: '2021/0106(COD)' };
	const bytes = councilFileBytes('2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.docx');

	it('reads in the thread what the import reads here, and refuses what it refuses', async () => {
		const [read, other] = await readCouncilTextsInThread([
			{ bytes, options },
			{ bytes, options: { ...options, procedure: '2020/0001(COD)' } }
		]);
		expect(lastThreadReads).toEqual({ inThread: 2, here: 0 });
		expect(read).toEqual(readCouncilText(bytes, options));
		expect(read.ok && read.nodes.length).toBeGreaterThan(900);
		expect(other.ok).toBe(false);
		expect(other).toEqual(readCouncilText(bytes, { ...options, procedure: '2020/0001(COD)' }));
	});

	it('reads nothing for no files', async () => {
		expect(await readCouncilTextsInThread([])).toEqual([]);
	});
});
