import { bigint, check, pgTable, smallint } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One row counting the writes to the app's data. Triggers on every table (migration
 * `data_version_triggers`) raise it inside the writing transaction, so a reader sees the new number
 * exactly when it sees the new data, in every process. The page cache keys rendered pages by it.
 */
export const dataVersion = pgTable(
	'data_version',
	{
		id: smallint('id').primaryKey().default(1),
		version: bigint('version', { mode: 'number' }).notNull().default(0)
	},
	(t) => [check('data_version_one_row', sql`${t.id} = 1`)]
);
