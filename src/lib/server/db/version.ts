import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The SQL of the stale-edit scheme (`$lib/stale-edit`): a save sets `nextVersion` and matches `atVersion`, so
 * it updates no row once someone else saved since the form was read.
 */

/** `version + 1`, for the SET of a save. */
export const nextVersion = (version: PgColumn): SQL => sql`${version} + 1`;

/** `id = ? AND version = ?`: the row as the editor read it. */
export function atVersion(table: { id: PgColumn; version: PgColumn }, id: number, version: number): SQL {
	return and(eq(table.id, id), eq(table.version, version))!;
}
