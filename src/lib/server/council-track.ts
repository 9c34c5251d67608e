import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbConnection } from './db';
import { actor, document, provision, textVersion, type TextMarks } from './db/schema';
import { findVersion, lineageAround, selectVersions, type Version } from './compare';
import { diffProvisionText, type TextDiff } from '../diff';
import { compareMarks, type MarkCheck } from '../diff/marks';
import { nearestIn } from '../lineage/graph';
import { provisionIdOf } from './amendments/lookups';

/** Kinds on the Council's track: its presidencies' compromise texts, and the general approach they led to. */
const councilKinds = ['council_text', 'general_approach'] as const;

export interface TrackDocument {
	key: string;
	kind: string;
	title: string;
	officialReference: string;
	url: string | null;
	date: string | null;
	/** The presidency as the cover page prints it, else the issuing actor's name. */
	presidency: string | null;
	/** The Council's document number ('ST 14278/21'), when the cover gives one. */
	councilRef: string | null;
	/** The text it says it revises ("No. prev. doc."): its title when the dossier holds it, else its reference. */
	revises: string | null;
}

export interface TrackStep {
	document: TrackDocument;
	/** The provision in this text; null when the text does not have it. */
	version: Version | null;
	/** The text this one is diffed against: the one before that has the provision, or the proposal. */
	against: { key: string; title: string } | null;
	diff: TextDiff | null;
	/** The marks of the provision and its parts; null when the text carries no marks at all. */
	marks: TextMarks | null;
	markCheck: MarkCheck | null;
}

export interface CouncilTrack {
	proposal: {
		key: string;
		title: string;
		officialReference: string;
		url: string | null;
		date: string | null;
		version: Version | null;
	} | null;
	steps: TrackStep[];
}

const shown = (v: Pick<Version, 'text' | 'deleted'> | null) => (v && !v.deleted ? v.text : '');
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * One provision through the Council's texts in date order, each diffed against the text before it that has
 * the provision (the first against the Commission proposal), with the text's own change marks set beside
 * our diff. The Council numbers as the proposal does, so a text's provision is the one with the proposal's
 * eId; where it has none, lineage is followed. Undefined when the dossier has no such provision.
 */
export async function councilTrack(
	db: DbConnection,
	dossierId: number,
	eid: string
): Promise<CouncilTrack | undefined> {
	if ((await provisionIdOf(db, dossierId, eid)) === undefined) return undefined;
	const start = await selectVersions(db, and(eq(provision.dossierId, dossierId), eq(provision.eid, eid)));

	const docs = await db
		.select({ doc: document, actorName: actor.name })
		.from(document)
		.leftJoin(actor, eq(actor.id, document.actorId))
		.where(and(eq(document.dossierId, dossierId), inArray(document.kind, ['proposal', ...councilKinds])))
		.orderBy(asc(document.sortOrder), asc(document.id));
	const proposalDoc = docs.find((d) => d.doc.kind === 'proposal')?.doc;
	const track = docs
		.filter((d) => d.doc.kind !== 'proposal')
		.sort((a, b) => (a.doc.date ?? '9999').localeCompare(b.doc.date ?? '9999') || a.doc.sortOrder - b.doc.sortOrder);

	const graph = start.length ? await lineageAround(db, start) : { versions: [], links: [] };
	const counterpart = async (documentId: number, numbered: string | null): Promise<Version | null> => {
		if (numbered) {
			const same = await findVersion(db, dossierId, documentId, numbered);
			if (same) return same;
		}
		for (const v of start) {
			const near = nearestIn(v.id, documentId, graph.versions, graph.links);
			if (near) return near.version;
		}
		return null;
	};
	const proposalVersion = proposalDoc ? await counterpart(proposalDoc.id, eid) : null;
	// The Council's numbering is the proposal's: look a text's provision up under the proposal's eId.
	const numbered = proposalVersion?.eid ?? eid;
	const versions = await Promise.all(track.map((d) => counterpart(d.doc.id, numbered)));
	const marked = await documentsWithMarks(
		db,
		track.map((d) => d.doc.id)
	);
	const marksOf = await Promise.all(versions.map((v) => (v && marked.has(v.documentId) ? subtreeMarks(db, v) : null)));
	const titleOf = new Map(docs.map((d) => [d.doc.id, d.doc.title]));

	let before: { id: number; key: string; title: string; version: Version } | null =
		proposalDoc && proposalVersion
			? { id: proposalDoc.id, key: proposalDoc.key, title: proposalDoc.title, version: proposalVersion }
			: null;
	const steps: TrackStep[] = track.map(({ doc, actorName }, i) => {
		const version = versions[i];
		const provenance = doc.provenance ?? {};
		const step: TrackStep = {
			document: {
				key: doc.key,
				kind: doc.kind,
				title: doc.title,
				officialReference: doc.officialReference,
				url: doc.url,
				date: doc.date,
				presidency: text(provenance.presidency) ?? actorName ?? null,
				councilRef: text(provenance.councilRef),
				revises: (doc.previousId ? titleOf.get(doc.previousId) : undefined) ?? text(provenance.previousRef)
			},
			version,
			against: null,
			diff: null,
			marks: null,
			markCheck: null
		};
		if (!version) return step;
		const marks = marksOf[i];
		step.against = before && { key: before.key, title: before.title };
		step.diff = diffProvisionText(shown(before?.version ?? null), shown(version));
		step.marks = marks;
		if (marks) {
			const sinceProposal = diffProvisionText(shown(proposalVersion), shown(version));
			step.markCheck = {
				added: compareMarks(marks.added, sinceProposal, 'insert'),
				deleted: version.eid.includes('__') ? null : compareMarks(marks.deleted, sinceProposal, 'delete'),
				// Underlines mark changes since the text it revises: only comparable with a diff against that text.
				changed: before && doc.previousId === before.id ? compareMarks(marks.changed, step.diff, 'insert') : null
			};
		}
		before = { id: doc.id, key: doc.key, title: doc.title, version };
		return step;
	});
	return {
		proposal: proposalDoc
			? {
					key: proposalDoc.key,
					title: proposalDoc.title,
					officialReference: proposalDoc.officialReference,
					url: proposalDoc.url,
					date: proposalDoc.date,
					version: proposalVersion
				}
			: null,
		steps
	};
}

/** The texts that carry change marks at all (a text read from a PDF has none). */
async function documentsWithMarks(db: DbConnection, ids: number[]): Promise<Set<number>> {
	if (!ids.length) return new Set();
	const rows = await db
		.selectDistinct({ id: textVersion.documentId })
		.from(textVersion)
		.where(and(inArray(textVersion.documentId, ids), isNotNull(textVersion.marks)));
	return new Set(rows.map((r) => r.id));
}

/**
 * A provision's marks with its parts': the import files a marked run with the deepest part that holds it,
 * while a provision's text holds its parts' text too.
 */
async function subtreeMarks(db: DbConnection, v: Version): Promise<TextMarks> {
	const rows = await db
		.select({ marks: textVersion.marks })
		.from(textVersion)
		.innerJoin(provision, eq(provision.id, textVersion.provisionId))
		.where(
			and(
				eq(textVersion.documentId, v.documentId),
				or(eq(provision.eid, v.eid), sql`starts_with(${provision.eid}, ${`${v.eid}__`})`)
			)
		)
		.orderBy(asc(textVersion.docOrder));
	const all = rows.flatMap((r) => (r.marks ? [r.marks] : []));
	return {
		added: all.flatMap((m) => m.added),
		deleted: all.flatMap((m) => m.deleted),
		changed: all.flatMap((m) => m.changed)
	};
}
