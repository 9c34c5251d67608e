import { and, eq, type Column, type SQL } from 'drizzle-orm';

/**
 * The rows of a reviewed table (positions, assessments) the public may see: approved and public, as
 * `isPublished` in `$lib/review` says of one record.
 */
export function published(table: { reviewState: Column; visibility: Column }): SQL {
	return and(eq(table.reviewState, 'approved'), eq(table.visibility, 'public'))!;
}
