/** Splits rows into batches, keeping each INSERT under PostgreSQL's 65,535 bind-parameter limit. */
export function* chunked<T>(rows: T[], size: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
