/**
 * Atom 1.0 (RFC 4287) rendering. Pure: every string that goes into the XML passes through `escapeXml`,
 * which also drops characters XML 1.0 does not allow, so no database text can break the feed.
 */

export interface AtomEntry {
	/** A stable, unique IRI, e.g. from `tagUri`. */
	id: string;
	title: string;
	/** RFC 3339 timestamp. */
	updated: string;
	published?: string;
	/** Absolute URL of the page the entry is about. */
	link?: string;
	/** Plain text. */
	summary?: string;
	categories?: string[];
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle?: string;
	/** Absolute URL of the feed itself. */
	self: string;
	/** Absolute URL of the page the feed follows. */
	alternate: string;
	/** RFC 3339; defaults to the newest entry's, or `fallbackUpdated`. */
	updated?: string;
	fallbackUpdated: string;
	author: string;
	entries: AtomEntry[];
}

// Characters outside XML 1.0's Char production (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
const invalidXmlChars = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and double-quoted attribute values. */
export function escapeXml(value: string): string {
	return value
		.replace(invalidXmlChars, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * An RFC 3339 timestamp from a Date or a (possibly partial) ISO date: '2024-04' → '2024-04-01T00:00:00Z'.
 * Returns null for a missing or malformed date.
 */
export function atomDate(value: Date | string | null | undefined): string | null {
	if (value == null) return null;
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
	if (!m) return null;
	const iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00Z`;
	return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/**
 * A tag: URI (RFC 4151) that stays the same for the same item: `tag:example.org,2021:ai-act/stage/x`.
 * The specific part is percent-encoded where needed so any key is safe.
 */
export function tagUri(authority: string, year: string | number, specific: string): string {
	const safe = specific.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) =>
		[...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
	);
	return `tag:${authority.toLowerCase()},${year}:${safe}`;
}

const el = (name: string, text: string, indent = '\t\t') => `${indent}<${name}>${escapeXml(text)}</${name}>`;

export function renderAtom(feed: AtomFeed): string {
	const entries = [...feed.entries].sort((a, b) => b.updated.localeCompare(a.updated));
	const updated = feed.updated ?? entries[0]?.updated ?? feed.fallbackUpdated;
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		el('id', feed.id, '\t'),
		`\t<title type="text">${escapeXml(feed.title)}</title>`,
		...(feed.subtitle ? [`\t<subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
		el('updated', updated, '\t'),
		`\t<link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
		`\t<link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
		`\t<author><name>${escapeXml(feed.author)}</name></author>`,
		'\t<generator>Trilogue</generator>'
	];
	for (const entry of entries) {
		lines.push('\t<entry>');
		lines.push(el('id', entry.id));
		lines.push(`\t\t<title type="text">${escapeXml(entry.title)}</title>`);
		lines.push(el('updated', entry.updated));
		if (entry.published) lines.push(el('published', entry.published));
		if (entry.link) lines.push(`\t\t<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`);
		for (const term of entry.categories ?? []) lines.push(`\t\t<category term="${escapeXml(term)}"/>`);
		if (entry.summary) lines.push(`\t\t<summary type="text">${escapeXml(entry.summary)}</summary>`);
		lines.push('\t</entry>');
	}
	lines.push('</feed>', '');
	return lines.join('\n');
}
