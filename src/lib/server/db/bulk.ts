import { getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type DbConnection } from './index';

type Row<T extends PgTable> = T['$inferInsert'];

/**
 * Inserts many rows as one JSON parameter: `INSERT … SELECT … FROM json_populate_recordset(…)`. The same
 * rows through drizzle's `insert().values()` cost a bind parameter each, and building those statements took
 * more of the seed's time than PostgreSQL took to run them. Every row must give the same columns; a
 * column a row leaves out takes its schema default (`.default()` or `$defaultFn`), and a column with only a
 * database default must then be given. Rows come back (with `returning`) in the order given.
 */
export async function insertRows<T extends PgTable, K extends keyof T['$inferSelect'] & string = never>(
	db: DbConnection,
	table: T,
	rows: Row<T>[],
	returning: readonly K[] = []
): Promise<Pick<T['$inferSelect'], K>[]> {
	if (!rows.length) return [];
	const columns = getTableColumns(table) as Record<string, Column>;
	const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k as keyof typeof r] !== undefined)))];
	const given = keys.map((key) => {
		const column = columns[key];
		if (!column) throw new Error(`insertRows: ${getTableName(table)} has no column ${key}`);
		return [key, column] as const;
	});
	const records = rows.map((row) => {
		const record: Record<string, unknown> = {};
		for (const [key, column] of given) {
			let value = (row as Record<string, unknown>)[key];
			if (value === undefined) value = defaultOf(table, key, column);
			record[column.name] = toJson(value, column);
		}
		return record;
	});
	const names = sql.join(
		given.map(([, column]) => sql.identifier(column.name)),
		sql`, `
	);
	const back: SQL = returning.length
		? sql` returning ${sql.join(
				returning.map((key) => sql`${sql.identifier(columns[key].name)} as ${sql.identifier(key)}`),
				sql`, `
			)}`
		: sql``;
	const result = await db.execute(
		sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)${back}`
	);
	if (!returning.length) return [];
	return rowsOf<Record<string, unknown>>(result).map((r) => {
		const picked: Record<string, unknown> = {};
		for (const key of returning) picked[key] = columns[key].mapFromDriverValue(r[key]);
		return picked as Pick<T['$inferSelect'], K>;
	});
}

function defaultOf(table: PgTable, key: string, column: Column): unknown {
	if (column.defaultFn) return column.defaultFn();
	if (column.default !== undefined && !(column.default instanceof Object && 'queryChunks' in column.default))
		return column.default;
	if (!column.notNull) return null;
	throw new Error(`insertRows: every row of ${getTableName(table)} must give ${key} (a database default)`);
}

/** The value as json_populate_recordset reads it for the column's type. */
function toJson(value: unknown, column: Column): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	const type = column.getSQLType();
	if (type === 'json' || type === 'jsonb') return value;
	return column.mapToDriverValue(value);
}
