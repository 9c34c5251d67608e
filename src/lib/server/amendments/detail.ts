import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, amendmentStatusChange, assessment, comment, document, provision, user } from '../db/schema';
import { nearDuplicates } from '$lib/amendments/near-duplicate';
import { isPublished } from '$lib/review';
import { authorsOf, type AmendmentAuthor } from './list';
import type { Viewer } from '../authorization';

/** The columns of an amendment worth reading (never the search vector). */
export const amendmentColumns = {
	id: amendment.id,
	dossierId: amendment.dossierId,
	number: amendment.number,
	tablingContext: amendment.tablingContext,
	tabledOn: amendment.tabledOn,
	targetProvisionId: amendment.targetProvisionId,
	targetLabel: amendment.targetLabel,
	targetPart: amendment.targetPart,
	baseText: amendment.baseText,
	proposedText: amendment.proposedText,
	deletesProvision: amendment.deletesProvision,
	newProvision: amendment.newProvision,
	justification: amendment.justification,
	status: amendment.status,
	visibility: amendment.visibility,
	sources: amendment.sources,
	version: amendment.version,
	updatedAt: amendment.updatedAt
};

/** Candidates compared for near-duplicates: plenty for any real provision, bounded for synthetic floods. */
const DUPLICATE_CANDIDATES = 2000;

/** One amendment as the viewer may see it, or undefined when it does not exist or is internal. */
export async function getAmendment(db: DbConnection, dossierId: number, id: number, viewer: Viewer) {
	const [row] = await db
		.select({
			...amendmentColumns,
			provisionEid: provision.eid,
			documentTitle: document.title,
			documentRef: document.officialReference,
			documentUrl: document.url
		})
		.from(amendment)
		.leftJoin(provision, eq(provision.id, amendment.targetProvisionId))
		.leftJoin(document, eq(document.id, amendment.documentId))
		.where(and(eq(amendment.id, id), eq(amendment.dossierId, dossierId)));
	if (!row || (row.visibility !== 'public' && !viewer.canSeeInternal)) return undefined;

	const [authors, history, review, comments, similar] = await Promise.all([
		authorsOf(db, [id]).then((m) => m.get(id) ?? []),
		db
			.select({
				status: amendmentStatusChange.status,
				date: amendmentStatusChange.date,
				note: amendmentStatusChange.note,
				recordedAt: amendmentStatusChange.recordedAt,
				by: user.name
			})
			.from(amendmentStatusChange)
			.leftJoin(user, eq(user.id, amendmentStatusChange.changedBy))
			.where(eq(amendmentStatusChange.amendmentId, id))
			.orderBy(asc(amendmentStatusChange.recordedAt), asc(amendmentStatusChange.id)),
		getAssessment(db, id, viewer),
		viewer.canSeeInternal ? listComments(db, id) : Promise.resolve([]),
		alsoTabled(db, row, viewer)
	]);
	// Who in the coalition recorded what is internal: the public sees the change, not the person.
	const shownHistory = viewer.canSeeInternal ? history : history.map((h) => ({ ...h, by: null }));
	return { ...row, authors, history: shownHistory, assessment: review, comments, alsoTabled: similar };
}

export type AmendmentDetail = NonNullable<Awaited<ReturnType<typeof getAmendment>>>;

export async function getAssessment(db: DbConnection, amendmentId: number, viewer: Viewer) {
	const [row] = await db
		.select({
			id: assessment.id,
			direction: assessment.direction,
			note: assessment.note,
			visibility: assessment.visibility,
			reviewState: assessment.reviewState,
			version: assessment.version,
			updatedAt: assessment.updatedAt,
			authorId: assessment.authorId,
			by: user.name
		})
		.from(assessment)
		.leftJoin(user, eq(user.id, assessment.authorId))
		.where(eq(assessment.amendmentId, amendmentId));
	if (!row) return null;
	if (viewer.canSeeInternal) return row;
	// The public sees an assessment once it is public and another member approved it; not who wrote it.
	if (!isPublished(row)) return null;
	return { ...row, by: null, authorId: null };
}

export async function listComments(db: DbConnection, amendmentId: number) {
	return db
		.select({ id: comment.id, body: comment.body, createdAt: comment.createdAt, by: user.name })
		.from(comment)
		.leftJoin(user, eq(user.id, comment.authorId))
		.where(and(eq(comment.targetType, 'amendment'), eq(comment.targetId, amendmentId)))
		.orderBy(asc(comment.createdAt), asc(comment.id));
}

export interface AlsoTabled {
	id: number;
	number: string;
	/** Where it was tabled: another committee's amendment is the commonest near-duplicate. */
	tablingContext: string;
	similarity: number;
	authors: AmendmentAuthor[];
}

/**
 * Other amendments on the same target with near-identical proposed text ("also tabled by …"), in any
 * tabling context: the same wording tabled in CULT and in ITRE is found both ways.
 */
async function alsoTabled(
	db: DbConnection,
	row: {
		id: number;
		targetProvisionId: number | null;
		targetPart: string;
		proposedText: string;
		deletesProvision: boolean;
	},
	viewer: Viewer
): Promise<AlsoTabled[]> {
	if (row.targetProvisionId === null) return [];
	const conditions = [
		eq(amendment.targetProvisionId, row.targetProvisionId),
		eq(amendment.targetPart, row.targetPart),
		ne(amendment.id, row.id)
	];
	if (!viewer.canSeeInternal) conditions.push(eq(amendment.visibility, 'public'));
	const candidates = await db
		.select({
			id: amendment.id,
			number: amendment.number,
			tablingContext: amendment.tablingContext,
			proposedText: amendment.proposedText,
			deletesProvision: amendment.deletesProvision
		})
		.from(amendment)
		.where(and(...conditions))
		.orderBy(desc(amendment.id))
		.limit(DUPLICATE_CANDIDATES);
	const found = nearDuplicates(row, candidates).slice(0, 20);
	const authors = await authorsOf(
		db,
		found.map((f) => f.id)
	);
	return found.map((f) => ({
		id: f.id,
		number: f.number,
		tablingContext: f.tablingContext,
		similarity: f.similarity,
		authors: authors.get(f.id) ?? []
	}));
}
