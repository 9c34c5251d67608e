import { aliasedTable, and, asc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { DbConnection } from './db';
import { document, provision, provisionLink, textVersion } from './db/schema';
import { diffProvisionText, type TextDiff } from '../diff';
import { groups, nearestIn, orderGroups, ownTexts, type GraphLink, type GraphVersion } from '../lineage/graph';
import { resolveCitation } from '../lineage/numbering';
import { documentNotice, type DocumentNotice } from '../documents/notice';

export interface CompareDocument {
	id: number;
	key: string;
	kind: string;
	title: string;
	shortTitle: string;
	officialReference: string;
	url: string | null;
	date: string | null;
	/** Rebuilt by Trilogue (the Parliament's position), with the note saying how. */
	reconstructed: string | null;
	/** Not an official text (an unofficial consolidation): shown wherever it is named. */
	notice: DocumentNotice | null;
}

/** Lists of amendments, not texts of the act: they hold no provisions of their own. */
export const amendmentLists = ['ep_amendments', 'ep_committee_amendments'] as const;

export interface Version extends GraphVersion {
	provisionId: number;
	kind: string;
	num: string | null;
	heading: string | null;
	derivedFrom: number[] | null;
}

/**
 * Every text of the act (not the lists of amendments): proposal, Council compromise texts, general approach,
 * Parliament position, final act, later consolidations; in column order, which follows their dates.
 */
export async function listTextDocuments(db: DbConnection, dossierId: number): Promise<CompareDocument[]> {
	const rows = await db
		.select()
		.from(document)
		.where(and(eq(document.dossierId, dossierId), notInArray(document.kind, [...amendmentLists])))
		.orderBy(asc(document.sortOrder), sql`${document.date} asc nulls last`, asc(document.id));
	return rows.map((d) => ({
		id: d.id,
		key: d.key,
		kind: d.kind,
		title: d.title,
		shortTitle: d.shortTitle,
		officialReference: d.officialReference,
		url: d.url,
		date: d.date,
		reconstructed: d.provenance?.reconstructed === true ? String(d.provenance.note ?? '') : null,
		notice: documentNotice(d)
	}));
}

const parent = aliasedTable(provision, 'parent');

/** Text versions with their provision's eId and parent eId. */
export async function selectVersions(db: DbConnection, where: ReturnType<typeof and>): Promise<Version[]> {
	return db
		.select({
			id: textVersion.id,
			documentId: textVersion.documentId,
			provisionId: textVersion.provisionId,
			eid: provision.eid,
			parentEid: parent.eid,
			kind: provision.kind,
			num: textVersion.num,
			heading: textVersion.heading,
			text: textVersion.text,
			deleted: textVersion.deleted,
			docOrder: textVersion.docOrder,
			derivedFrom: textVersion.derivedFrom
		})
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.leftJoin(parent, eq(parent.id, provision.parentId))
		.where(where)
		.orderBy(asc(textVersion.docOrder));
}

/** A provision's version in one text, by eId. */
export async function findVersion(
	db: DbConnection,
	dossierId: number,
	documentId: number,
	eid: string
): Promise<Version | undefined> {
	const [v] = await selectVersions(
		db,
		and(eq(provision.dossierId, dossierId), eq(textVersion.documentId, documentId), eq(provision.eid, eid))
	);
	return v;
}

/**
 * Reads what the visitor typed as a provision of one text: an eId ('art_5__para_1__point_d'), a citation
 * ('5(1)(d)', 'Article 5(1)(d)', 'Art. 52'), 'Recital 32' or 'Annex III'. Null when the text has no such provision.
 */
export async function findProvisionInput(
	db: DbConnection,
	dossierId: number,
	documentId: number,
	input: string
): Promise<string | null> {
	const wanted = input.trim();
	const rows = await db
		.select({ eid: provision.eid })
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.where(and(eq(provision.dossierId, dossierId), eq(textVersion.documentId, documentId)));
	const known = new Set(rows.map((r) => r.eid));
	if (known.has(wanted)) return wanted;
	const named = /^(recital|annex)\s+([0-9]+[a-z]*|[ivxlc]+[a-z]*)$/i.exec(wanted);
	if (named) {
		const eid =
			named[1].toLowerCase() === 'recital' ? `rec_${named[2].toLowerCase()}` : `anx_${named[2].toUpperCase()}`;
		return known.has(eid) ? eid : null;
	}
	const citation = wanted.replace(/^(article|art\.?)\s*/i, '').replace(/\s+/g, '');
	return resolveCitation(citation, known);
}

/** Links touching any of `ids`. */
async function linksAround(db: DbConnection, ids: number[]): Promise<GraphLink[]> {
	if (ids.length === 0) return [];
	return db
		.select({
			id: provisionLink.id,
			fromVersionId: provisionLink.fromVersionId,
			toVersionId: provisionLink.toVersionId,
			method: provisionLink.method,
			similarity: provisionLink.similarity
		})
		.from(provisionLink)
		.where(or(inArray(provisionLink.fromVersionId, ids), inArray(provisionLink.toVersionId, ids)));
}

/** The versions reachable from `start` through links, up to `hops` links away, and the links followed. */
export async function lineageAround(
	db: DbConnection,
	start: Version[],
	hops = 4
): Promise<{ versions: Version[]; links: GraphLink[] }> {
	const versions = new Map(start.map((v) => [v.id, v]));
	const links = new Map<number, GraphLink>();
	let frontier = start.map((v) => v.id);
	for (let i = 0; i < hops && frontier.length; i++) {
		const found = await linksAround(db, frontier);
		const fresh = new Set<number>();
		for (const l of found) {
			links.set(l.id, l);
			for (const id of [l.fromVersionId, l.toVersionId]) if (!versions.has(id)) fresh.add(id);
		}
		if (fresh.size === 0) break;
		const rows = await selectVersions(db, and(inArray(textVersion.id, [...fresh])));
		for (const v of rows) versions.set(v.id, v);
		frontier = [...fresh];
	}
	return { versions: [...versions.values()], links: [...links.values()] };
}

export interface LinkStep {
	method: string;
	similarity: number | null;
}

export interface ProvisionComparison {
	from: Version;
	to: Version | null;
	/** How `to` was found: the links followed (empty when chosen by hand with `toEid`). */
	path: LinkStep[];
	diff: TextDiff | null;
}

/**
 * One provision of one text against its counterpart in another (found through lineage, or named by
 * `toEid`), diffed word by word.
 */
export async function compareProvision(
	db: DbConnection,
	dossierId: number,
	input: { eid: string; fromDocumentId: number; toDocumentId: number; toEid?: string | null }
): Promise<ProvisionComparison | undefined> {
	const from = await findVersion(db, dossierId, input.fromDocumentId, input.eid);
	if (!from) return undefined;
	let to: Version | null = null;
	let path: LinkStep[] = [];
	if (input.toEid) {
		to = (await findVersion(db, dossierId, input.toDocumentId, input.toEid)) ?? null;
	} else {
		const graph = await lineageAround(db, [from]);
		const near = nearestIn(from.id, input.toDocumentId, graph.versions, graph.links);
		if (near) {
			to = near.version;
			path = near.path.map((l) => ({ method: l.method, similarity: l.similarity }));
		}
	}
	return { from, to, path, diff: to ? diffProvisionText(shown(from), shown(to)) : null };
}

/** What a version reads as: nothing when deleted. */
function shown(v: Pick<Version, 'text' | 'deleted'>): string {
	return v.deleted ? '' : v.text;
}

export interface ColumnCell {
	version: Version;
	/** The provision's own words, without its parts (shown once, in their own rows). */
	own: string;
	/** Against the first column's own words; null in the first column or when it has no version. */
	diff: TextDiff | null;
	/** Other versions of the same text in this row (a split or merged provision). */
	more: number;
}

export interface FourColumnView {
	documents: CompareDocument[];
	/** The article (or annex) in each text, by document id. */
	articles: Record<number, Version | null>;
	rows: { key: string; cells: (ColumnCell | null)[] }[];
	totals: { added: number; removed: number; operative: string[] }[];
}

/** The stages a reader compares first: proposal, general approach, Parliament position, final act. */
const DEFAULT_COLUMN_KINDS = ['proposal', 'general_approach', 'ep_position', 'final_act'];

/** The four-column view's columns when the reader chose none: one text per main stage, else the first four. */
export function defaultColumns(documents: CompareDocument[]): CompareDocument[] {
	const main = DEFAULT_COLUMN_KINDS.flatMap((kind) => documents.find((d) => d.kind === kind) ?? []);
	return main.length >= 2 ? main : documents.slice(0, 4);
}

/**
 * An article across texts, part by part: one row per provision followed through lineage, one column per
 * text (`columnIds`, in the texts' date order; by default `defaultColumns`), each later column diffed
 * against the first. `documentId` is the text whose numbering `eid` follows (the first that has it if absent).
 */
export async function articleColumns(
	db: DbConnection,
	dossierId: number,
	eid: string,
	documentId?: number,
	columnIds?: number[]
): Promise<FourColumnView | undefined> {
	const all = await listTextDocuments(db, dossierId);
	const documents = columnIds ? all.filter((d) => columnIds.includes(d.id)) : defaultColumns(all);
	const searched = [...documents, ...all.filter((d) => !documents.includes(d))].map((d) => d.id);
	const order = documentId ? [documentId, ...searched.filter((id) => id !== documentId)] : searched;
	let anchor: Version | undefined;
	for (const id of order) if ((anchor = await findVersion(db, dossierId, id, eid))) break;
	if (!anchor || anchor.eid.includes('__')) return undefined;

	const top = await lineageAround(db, [anchor]);
	const articles: Record<number, Version | null> = {};
	for (const d of documents) articles[d.id] = nearestIn(anchor.id, d.id, top.versions, top.links)?.version ?? null;
	const subtree = (v: Version) =>
		and(
			eq(textVersion.documentId, v.documentId),
			or(eq(provision.eid, v.eid), sql`starts_with(${provision.eid}, ${`${v.eid}__`})`)
		);
	const present = Object.values(articles).filter((v) => v !== null);
	const versions = await selectVersions(db, and(eq(provision.dossierId, dossierId), or(...present.map(subtree))));
	const ids = new Set(versions.map((v) => v.id));
	const links = (await linksAround(db, [...ids])).filter((l) => ids.has(l.fromVersionId) && ids.has(l.toVersionId));

	// A whole article's own words are its title (its text is all in its parts).
	const parts = ownTexts(versions);
	const own = new Map(
		versions.map((v) => [
			v.id,
			v.eid.includes('__') ? parts.get(v.id)! : [v.heading, parts.get(v.id)].filter(Boolean).join('\n')
		])
	);
	const rows = orderGroups(
		groups(versions, links),
		documents.map((d) => d.id)
	).map((group) => {
		const cells = documents.map((d) => {
			const inDoc = group.filter((v) => v.documentId === d.id);
			return inDoc.length
				? {
						version: inDoc[0],
						own: inDoc[0].deleted ? '' : own.get(inDoc[0].id)!,
						diff: null as TextDiff | null,
						more: inDoc.length - 1
					}
				: null;
		});
		const base = cells[0];
		if (base) for (const c of cells.slice(1)) if (c && (base.own || c.own)) c.diff = diffProvisionText(base.own, c.own);
		return { key: group.map((v) => v.id).join('-'), cells };
	});
	const totals = documents.map((_, i) => {
		const diffs = rows.map((r) => r.cells[i]?.diff).filter((d): d is TextDiff => !!d);
		return {
			added: diffs.reduce((s, d) => s + d.added, 0),
			removed: diffs.reduce((s, d) => s + d.removed, 0),
			operative: [...new Set(diffs.flatMap((d) => d.operativeChanges))]
		};
	});
	return { documents, articles, rows, totals };
}

export type ActSort = 'order' | 'changes' | 'added' | 'removed';

export interface ActRow {
	from: Version | null;
	to: Version | null;
	added: number;
	removed: number;
	operative: string[];
	coarse: boolean;
}

/** Counts only: a whole act is diffed often and its texts rarely change. Keyed by both texts' hashes. */
const countCache = new Map<string, Omit<ActRow, 'from' | 'to'>>();
const CACHE_LIMIT = 5000;

/**
 * Every article (or recital, or annex) of one text against its counterpart in another, with how much
 * changed. Provisions the second text adds come in as rows without a `from`.
 */
export async function compareDocuments(
	db: DbConnection,
	dossierId: number,
	input: {
		fromDocumentId: number;
		toDocumentId: number;
		kind: 'article' | 'recital' | 'annex';
		sort: ActSort;
		descending: boolean;
	}
): Promise<ActRow[]> {
	const versions = await selectVersions(db, and(eq(provision.dossierId, dossierId), eq(provision.kind, input.kind)));
	const ids = new Set(versions.map((v) => v.id));
	const links = (await linksAround(db, [...ids])).filter((l) => ids.has(l.fromVersionId) && ids.has(l.toVersionId));
	const fromVersions = versions.filter((v) => v.documentId === input.fromDocumentId);
	const reached = new Set<number>();
	const rows: ActRow[] = fromVersions.map((from) => {
		const to = nearestIn(from.id, input.toDocumentId, versions, links)?.version ?? null;
		if (to) reached.add(to.id);
		return { from, to, ...counts(from, to) };
	});
	for (const to of versions.filter((v) => v.documentId === input.toDocumentId && !reached.has(v.id))) {
		rows.push({ from: null, to, ...counts(null, to) });
	}
	const position = (r: ActRow) => (r.from ? r.from.docOrder : Number.MAX_SAFE_INTEGER / 2 + (r.to?.docOrder ?? 0));
	const key: Record<ActSort, (r: ActRow) => number> = {
		order: position,
		changes: (r) => r.added + r.removed,
		added: (r) => r.added,
		removed: (r) => r.removed
	};
	const by = key[input.sort];
	const sign = input.descending ? -1 : 1;
	return rows.sort((a, b) => sign * (by(a) - by(b)) || position(a) - position(b));
}

function counts(from: Version | null, to: Version | null): Omit<ActRow, 'from' | 'to'> {
	const a = from ? shown(from) : '';
	const b = to ? shown(to) : '';
	const k = `${hash(a)}:${a.length}:${hash(b)}:${b.length}`;
	const hit = countCache.get(k);
	if (hit) return hit;
	const d = diffProvisionText(a, b);
	const result = { added: d.added, removed: d.removed, operative: d.operativeChanges, coarse: d.coarse };
	if (countCache.size >= CACHE_LIMIT) countCache.delete(countCache.keys().next().value!);
	countCache.set(k, result);
	return result;
}

function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}
