import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Whether a timestamp column holds the instant a JavaScript Date was read from. PostgreSQL keeps
 * microseconds and a Date only milliseconds, so a plain `=` never matches a value set by now().
 */
export function sameInstant(column: PgColumn, at: Date): SQL {
	return sql`date_trunc('milliseconds', ${column}) = ${at.toISOString()}::timestamptz`;
}
