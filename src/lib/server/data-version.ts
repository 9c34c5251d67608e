import cluster from 'node:cluster';
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
	/**
	 * Called after every request that may have written, before its response goes out: once it resolves,
	 * every process this one can reach (the other workers of `npm start`) answers with the new version.
	 */
	afterWrite(): Promise<void>;
	stop(): Promise<void>;
}

/** The other processes serving the same database, and how to tell them a version before answering. */
export interface Peers {
	/** Resolves once every peer has taken `version` in (or after a short wait, if one does not answer). */
	announce(version: number): Promise<void>;
	/** Registers what to do when a peer announces a version. */
	onAnnounce(take: (version: number) => void): void;
}

/**
 * How old the last read of the version row may be before PostgreSQL is asked again. It bounds how long a
 * write this process was not told of (another host's, a script's, a notification lost while the listening
 * connection reconnected) can go unseen.
 */
export const defaultMaxAgeMs = 1000;

/**
 * PGlite is one process and delivers the trigger's notification when the writing transaction commits, so
 * a local count of notifications is exact and costs no query.
 *
 * PostgreSQL may have other writers. A page-cache hit must not cost a query (on a busy 2-core machine
 * every hit would wait for the database's turn on a core), so this process keeps the version it last
 * read and asks again only when it may be stale:
 * - a notification arrived (any writer, any host: PostgreSQL sends it at commit);
 * - a request of this process wrote: `afterWrite` reads the row and announces the new version to the
 *   other workers through the cluster's primary, and waits for them, before the write's response goes out.
 *   So an edit made through the app is on the next anonymous view in every worker, exactly;
 * - the last read is older than `maxAgeMs` (a second by default).
 * A write from outside the app's workers (a script, another host) is seen once its notification arrives,
 * a few milliseconds after its commit.
 */
export async function watchDataVersion(
	open: OpenDatabase,
	peers = clusterPeers(),
	maxAgeMs = defaultMaxAgeMs
): Promise<DataVersionWatch> {
	if (open.kind === 'pglite') {
		let generation = 0;
		const stop = await open.listen(dataVersionChannel, () => generation++);
		return { current: async () => generation, afterWrite: async () => {}, stop };
	}
	let version = 0;
	let confirmedAt = 0;
	let stale = true;
	const read = sharedReads(async () => {
		const startedAt = Date.now();
		stale = false; // a notification from here on asks again: this read may have begun before its commit
		const [row] = await open.db
			.select({ version: dataVersion.version })
			.from(dataVersion)
			.where(eq(dataVersion.id, 1))
			.catch((error: unknown) => {
				stale = true; // not read: the next caller asks again rather than trust the old version
				throw error;
			});
		version = Math.max(version, row?.version ?? 0);
		confirmedAt = startedAt;
		return version;
	});
	const stopListening = await open.listen(dataVersionChannel, () => (stale = true));
	peers?.onAnnounce((announced) => (version = Math.max(version, announced)));
	await read();
	let announced = version;
	return {
		current: () => (stale || Date.now() - confirmedAt > maxAgeMs ? read() : Promise.resolve(version)),
		async afterWrite() {
			const now = await read();
			if (now <= announced) return; // nothing written (a refused form, a sign-in: untracked tables)
			announced = now;
			await peers?.announce(now);
		},
		stop: stopListening
	};
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

/** The messages between a worker and the primary (scripts/start.js relays them). */
export const announceMessage = 'trilogue:data-version';
export const announcedMessage = 'trilogue:data-version-taken';
/** How long a write's response waits for the other workers at most (a worker may be starting or stopping). */
const announceWaitMs = 1000;

/**
 * The other workers of `npm start` (node:cluster), reached through the primary, which passes an
 * announcement on to every other worker and answers once they all took it. Null outside a cluster.
 */
export function clusterPeers(): Peers | null {
	if (!cluster.isWorker || !process.send) return null;
	let sent = 0;
	const waiting = new Map<number, () => void>();
	const takers: ((version: number) => void)[] = [];
	process.on('message', (message: { type?: string; version?: number; id?: number }) => {
		if (message?.type === announceMessage && typeof message.version === 'number') {
			for (const take of takers) take(message.version);
			process.send?.({ type: announcedMessage, id: message.id });
		} else if (message?.type === announcedMessage && typeof message.id === 'number') {
			waiting.get(message.id)?.();
		}
	});
	return {
		announce(version) {
			const id = ++sent;
			return new Promise<void>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					waiting.delete(id);
					resolve();
				};
				const timer = setTimeout(done, announceWaitMs);
				waiting.set(id, done);
				process.send?.({ type: announceMessage, version, id });
			});
		},
		onAnnounce: (take) => void takers.push(take)
	};
}
