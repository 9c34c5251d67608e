import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { atomDate, escapeXml, renderAtom, tagUri } from './atom';
import { itemUpdated, sortItems, toAtomEntries, type FeedItem } from './items';

const hostile = 'Amendment <script>alert("x")</script> & “quotes” \'apos\' \u0000\u0007 end';

function feedWith(entries: Parameters<typeof renderAtom>[0]['entries']) {
	return renderAtom({
		id: tagUri('example.org', 2026, 'ai-act/feed'),
		title: `Feed ${hostile}`,
		subtitle: 'Sub & title',
		self: 'https://example.org/dossiers/ai-act/feed.atom?a=1&b=2',
		alternate: 'https://example.org/dossiers/ai-act/timeline',
		author: 'Trilogue',
		fallbackUpdated: '2026-01-01T00:00:00Z',
		entries
	});
}

describe('escapeXml', () => {
	it('escapes markup and drops characters XML does not allow', () => {
		expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
		expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
	});
});

describe('atomDate', () => {
	it('turns full and partial ISO dates into RFC 3339', () => {
		expect(atomDate('2024-07-12')).toBe('2024-07-12T00:00:00Z');
		expect(atomDate('2024-04')).toBe('2024-04-01T00:00:00Z');
		expect(atomDate('2024')).toBe('2024-01-01T00:00:00Z');
		expect(atomDate(new Date('2026-11-26T04:14:14.257Z'))).toBe('2026-11-26T04:14:14Z');
	});
	it('returns null for unknown or malformed dates', () => {
		expect(atomDate(null)).toBeNull();
		expect(atomDate('mid-2024')).toBeNull();
		expect(atomDate('2024-13-40')).toBeNull();
	});
});

describe('tagUri', () => {
	it('makes a stable tag: URI and encodes unsafe characters', () => {
		expect(tagUri('Example.org', 2026, 'ai-act/stage/commission-proposal')).toBe(
			'tag:example.org,2026:ai-act/stage/commission-proposal'
		);
		expect(tagUri('example.org', 2026, 'a b/ü#')).toBe('tag:example.org,2026:a%20b/%C3%BC%23');
	});
});

describe('renderAtom', () => {
	it('is well-formed XML that a feed parser reads back, hostile text included', () => {
		const xml = feedWith([
			{
				id: tagUri('example.org', 2026, 'ai-act/a'),
				title: hostile,
				updated: '2024-07-12T00:00:00Z',
				link: 'https://example.org/x?a=1&b=2',
				summary: hostile,
				categories: ['Stage & more']
			},
			{
				id: tagUri('example.org', 2026, 'ai-act/b'),
				title: 'Older',
				updated: '2021-04-21T00:00:00Z',
				link: 'https://example.org/y'
			}
		]);
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).not.toContain('<script>');
		const feed = parseFeed(xml);
		expect(feed.meta.type).toBe('atom');
		// eslint-disable-next-line no-control-regex -- the hostile title's control characters, which the feed drops.
		const clean = hostile.replace(/[\u0000\u0007]/g, '');
		expect(feed.title).toBe(`Feed ${clean}`);
		expect(feed.updated?.toISOString()).toBe('2024-07-12T00:00:00.000Z');
		expect(feed.self).toBe('https://example.org/dossiers/ai-act/feed.atom?a=1&b=2');
		expect(feed.items.map((i) => i.id)).toEqual(['tag:example.org,2026:ai-act/a', 'tag:example.org,2026:ai-act/b']);
		expect(feed.items[0].title).toBe(clean);
		expect(feed.items[0].description).toBe(clean);
		expect(feed.items[0].url).toBe('https://example.org/x?a=1&b=2');
	});

	it('sorts entries newest first and falls back to a given date when empty', () => {
		const empty = parseFeed(feedWith([]));
		expect(empty.items).toEqual([]);
		expect(empty.updated?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
	});
});

describe('feed items', () => {
	const item = (key: string, date: string | null, recordedAt = '2026-11-01T10:00:00Z'): FeedItem => ({
		key,
		kind: 'stage',
		title: key,
		date,
		recordedAt: new Date(recordedAt),
		link: `/dossiers/ai-act/timeline#${key}`,
		summary: ''
	});

	it('dates an item by when it happened, or when it was recorded if that is unknown or still ahead', () => {
		expect(itemUpdated(item('a', '2024-07-12'), '2026-11-26')).toBe('2024-07-12T00:00:00Z');
		expect(itemUpdated(item('b', null), '2026-11-26')).toBe('2026-11-01T10:00:00Z');
		expect(itemUpdated(item('c', '2027-08-02'), '2026-11-26')).toBe('2026-11-01T10:00:00Z');
	});

	it('sorts newest first, dedupes by key and limits', () => {
		const sorted = sortItems(
			[item('old', '2021-04-21'), item('new', '2024-07-12'), item('old', '2021-04-21'), item('mid', '2023-06-14')],
			'2026-11-26',
			2
		);
		expect(sorted.map((i) => i.key)).toEqual(['new', 'mid']);
	});

	it('makes absolute links and stable ids under the host', () => {
		const [entry] = toAtomEntries([item('stage/commission-proposal', '2021-04-21')], {
			origin: 'https://example.org',
			dossierSlug: 'ai-act',
			today: '2026-11-26'
		});
		expect(entry.id).toBe('tag:example.org,2026:ai-act/stage/commission-proposal');
		expect(entry.link).toBe('https://example.org/dossiers/ai-act/timeline#stage/commission-proposal');
		expect(entry.categories).toEqual(['Stage']);
	});
});
