/**
 * Authors as amendment documents print them ('Dace Melbārde', 'on behalf of the Renew Group'), matched to
 * the Parliament's directory ('Dace MELBĀRDE') and to the political groups. Pure: the import planner and
 * the seed call it with the members they read from the database or the directory file.
 */

/** Letters NFKD leaves whole; each is folded to what a reader would type without the accent. */
const FOLDS: Record<string, string> = {
	ß: 'ss',
	ẞ: 'ss',
	ø: 'o',
	Ø: 'o',
	ł: 'l',
	Ł: 'l',
	đ: 'd',
	Đ: 'd',
	ð: 'd',
	Ð: 'd',
	æ: 'ae',
	Æ: 'ae',
	œ: 'oe',
	Œ: 'oe',
	þ: 'th',
	Þ: 'th',
	ı: 'i',
	ħ: 'h',
	Ħ: 'h',
	ŧ: 't',
	Ŧ: 't',
	ŀ: 'l',
	Ŀ: 'l'
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/**
 * A case- and accent-insensitive key of a name: 'Dragoş TUDORACHE' and 'Dragoș Tudorache' both give
 * 'dragos tudorache'. Hyphens of any kind become '-' with no space around them (a reader may keep the
 * space of a line wrap), apostrophes become ', other punctuation a space.
 */
export function normaliseName(s: string): string {
	return s
		.replace(/\u00ad/g, '') // a soft hyphen only marks where a word may break
		.replace(/[’‘ʼ`´]/g, "'")
		.replace(FOLDABLE, (c) => FOLDS[c])
		.normalize('NFKD')
		.replace(/\p{M}/gu, '') // cedilla and comma below both go: ş and ș are the same letter to a reader
		.replace(FOLDABLE, (c) => FOLDS[c])
		.toLowerCase()
		.replace(/[\u2010-\u2015\u2212-]/g, '-')
		.replace(/[^\p{L}\p{N}' -]+/gu, ' ')
		.replace(/\s*-\s*/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The letters and digits of a name only: 'Anna-Michelle', 'Anna Michelle' and 'AnnaMichelle' agree. */
const compactKey = (key: string) => key.replace(/[^\p{L}\p{N}]/gu, '');

/** A URL slug of a name, folded like `normaliseName` ('Morten Løkkegaard' → 'morten-lokkegaard'). */
export function nameSlug(s: string): string {
	return normaliseName(s)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * A sort key putting the family name first, as the Parliament lists Members: 'Dace MELBĀRDE' → 'melbarde dace'.
 * The directory prints family names in capitals ('McALLISTER' and 'NIENAß' included); a name without any,
 * as a document prints it, is taken to end with its family name.
 */
export function familyNameOrder(name: string): string {
	const words = name.trim().split(/\s+/);
	// 'IN', ''T', 'VELD', 'McALLISTER', 'NIENAß' are family words; an initial ('G.') is not.
	const family = words.filter(
		(w) => /\p{Lu}{2}/u.test(w) || (/\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w) && !/^\p{Lu}\.$/u.test(w))
	);
	const [surname, given] = family.length
		? [family, words.filter((w) => !family.includes(w))]
		: [words.slice(-1), words.slice(0, -1)];
	return normaliseName([...surname, ...given].join(' '));
}

/** The political groups' short names as documents and the directory print them, by our actor slug. */
const groupNames: Record<string, string[]> = {
	epp: ['EPP', 'PPE', 'EPP Group', 'European People’s Party'],
	's-d': ['S&D', 'S and D', 'Socialists and Democrats'],
	renew: ['Renew', 'Renew Europe'],
	'greens-efa': ['Greens/EFA', 'Verts/ALE', 'Greens', 'Greens/European Free Alliance'],
	ecr: ['ECR', 'European Conservatives and Reformists'],
	id: ['ID', 'Identity and Democracy'],
	left: ['The Left', 'Left', 'GUE/NGL', 'The Left - GUE/NGL'],
	ni: ['NI', 'Non-attached', 'Non-attached Members']
};

/** "the Renew Group", "The Left", "the Group of the EPP" → the part that names the group ('renew', 'left', 'epp'). */
const groupKey = (s: string) =>
	normaliseName(s)
		.replace(/^the /, '')
		.replace(/^group of (the )?/, '')
		.replace(/ group$/, '');

/** Normalised group name → group slug; the default `groups` of `matchAuthors`. */
export const politicalGroups: ReadonlyMap<string, string> = new Map(
	Object.entries(groupNames).flatMap(([slug, names]) => names.map((n) => [groupKey(n), slug] as const))
);

/** The group slug of a short name ('Greens/EFA', 'The Left', 'PPE'), or undefined. */
export function groupSlugOf(
	shortName: string,
	groups: ReadonlyMap<string, string> = politicalGroups
): string | undefined {
	return groups.get(groupKey(shortName));
}

interface IndexedMember {
	slug: string;
	/** The name's words, hyphenated parts apart: 'Ioan-Dragoş Tudorache' → ioan, dragos, tudorache. */
	words: Set<string>;
}

export interface MemberIndex {
	/** Normalised name → slug; null when two members share it, so neither is guessed. */
	byKey: Map<string, string | null>;
	byCompact: Map<string, string | null>;
	/** The name's last word → members, for names printed with a given name more or fewer. */
	byLastWord: Map<string, IndexedMember[]>;
}

const wordsOf = (key: string) => key.split(/[ -]/).filter(Boolean);

function put(map: Map<string, string | null>, key: string, slug: string) {
	map.set(key, map.has(key) && map.get(key) !== slug ? null : slug);
}

/** Indexes members by name once, so matching each printed name is a Map lookup. */
export function buildMemberIndex(members: readonly { slug: string; name: string }[]): MemberIndex {
	const index: MemberIndex = { byKey: new Map(), byCompact: new Map(), byLastWord: new Map() };
	for (const { slug, name } of members) {
		const key = normaliseName(name);
		if (!key) continue;
		put(index.byKey, key, slug);
		put(index.byCompact, compactKey(key), slug);
		const words = wordsOf(key);
		const last = words[words.length - 1];
		index.byLastWord.set(last, [...(index.byLastWord.get(last) ?? []), { slug, words: new Set(words) }]);
	}
	return index;
}

export type AuthorMatch =
	| { printed: string; kind: 'member'; slug: string }
	| { printed: string; kind: 'group'; slug: string }
	| { printed: string; kind: 'unmatched'; suggestedSlug: string };

const BEHALF = /^on behalf of (.+)$/;

/**
 * Matches printed authors, one result per entry in the same order: nothing is dropped. An entry is a
 * group when it reads "on behalf of the … Group"; a member when its normalised name (or its letters
 * alone, for names a reader joined oddly) is a member's; otherwise unmatched, with the slug to give it.
 * Last, a name printed with one given name more or fewer than the directory's ('Ioan-Dragoş Tudorache',
 * directory 'Dragoş TUDORACHE') matches when exactly one member has the same last word and all of one
 * name's words are in the other.
 */
export function matchAuthors(
	printed: readonly string[],
	index: MemberIndex,
	groups: ReadonlyMap<string, string> = politicalGroups
): AuthorMatch[] {
	return printed.map((entry): AuthorMatch => {
		const key = normaliseName(entry);
		const behalf = BEHALF.exec(key);
		const group = behalf ? groups.get(groupKey(behalf[1])) : undefined;
		if (group) return { printed: entry, kind: 'group', slug: group };
		const member = behalf ? undefined : memberOf(key, index);
		if (member) return { printed: entry, kind: 'member', slug: member };
		return { printed: entry, kind: 'unmatched', suggestedSlug: nameSlug(entry) };
	});
}

function memberOf(key: string, index: MemberIndex): string | undefined {
	if (!key) return undefined;
	const exact = index.byKey.get(key) ?? index.byCompact.get(compactKey(key));
	if (exact) return exact;
	if (index.byKey.get(key) === null) return undefined; // ambiguous: two members print this name
	const words = wordsOf(key);
	const candidates = (index.byLastWord.get(words[words.length - 1]) ?? []).filter((m) => {
		const shared = words.filter((w) => m.words.has(w)).length;
		return shared >= 2 && (shared === words.length || shared === m.words.size);
	});
	const slugs = new Set(candidates.map((c) => c.slug));
	return slugs.size === 1 ? candidates[0].slug : undefined;
}

/** "on behalf of [the] … Group", which may wrap over lines; without "Group", up to the end of its line. */
const BEHALF_PHRASE = /(on\s+behalf\s+of\s+(?:the\s+)?(?:group\s+of\s+the\s+[^,\n]*|[^,]*?\bgroup\b|[^,\n]*))/i;

/**
 * Splits a printed author block into entries: names separated by commas, semicolons or ' and ', and each
 * "on behalf of the … Group" as one entry. A line break inside the names is a wrap, not a separator: the
 * committee documents wrap names mid-name ('Michaela\nŠojdrová', 'Milan\nZver'), always with a comma
 * between names. A hyphen at the end of a line stays, joined to the next ('Anna-\nMichelle').
 */
export function splitAuthorLine(text: string): string[] {
	const entries: string[] = [];
	for (const [i, part] of text.split(BEHALF_PHRASE).entries()) {
		// split() with a capturing group puts the phrases at odd indexes.
		if (i % 2 === 1) {
			entries.push(part.replace(/\s+/g, ' ').trim());
			continue;
		}
		const joined = part
			.replace(/\u00ad/g, '')
			.replace(/([\p{L}.])([-\u2010\u2011])[ \t]*\r?\n\s*/gu, '$1$2')
			.replace(/\s+/g, ' ');
		for (const name of joined.split(/\s*[,;]\s*|\s+and\s+/)) if (name.trim()) entries.push(name.trim());
	}
	return entries;
}
