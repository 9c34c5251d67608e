import { eq } from 'drizzle-orm';
import type { OpenDatabase } from './db';
import { dataVersion } from './db/schema';

/** The channel the `bump_data_version` trigger notifies (migration `data_version_triggers`). */
export const dataVersionChannel = 'data_version';

/**
 * How this process learns that the data changed. `current()` resolves to a number that differs from
 * every earlier answer once a write has committed: anything rendered at an older number is stale.
 */
export interface DataVersionWatch {
	current(): Promise<number>;
	stop(): Promise<void>;
}

/**
 * PGlite is one process and delivers the trigger's notification when the writing transaction commits, so
 * a local count of notifications is exact and costs no query. PostgreSQL may have other writers (other
 * workers, scripts), whose notifications reach this process a moment after their commit; so every answer
 * reads the version row, and reads that overlap share one query (see `sharedReads`).
 */
export async function watchDataVersion(open: OpenDatabase): Promise<DataVersionWatch> {
	if (open.kind === 'pglite') {
		let generation = 0;
		const stop = await open.listen(dataVersionChannel, () => generation++);
		return { current: async () => generation, stop };
	}
	const read = sharedReads(async () => {
		const [row] = await open.db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
		return row?.version ?? 0;
	});
	return { current: read, stop: async () => {} };
}

/**
 * Wraps a read so that callers arriving together share one query, without ever answering a caller with
 * a read that began before it arrived (that read may predate a commit the caller already saw): a caller
 * arriving while a read is under way waits for the next one, which all such callers share.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
	let running: Promise<T> | null = null;
	let next: Promise<T> | null = null;
	const start = (): Promise<T> => {
		running = read().finally(() => (running = null));
		return running;
	};
	return () => {
		if (!running) return start();
		next ??= running.then(
			() => ((next = null), start()),
			() => ((next = null), start())
		);
		return next;
	};
}
