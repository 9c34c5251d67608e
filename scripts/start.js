// `npm start`: the built server (`build/`, adapter-node, behind scripts/server.js) in WORKERS processes
// sharing one port. TRILOGUE_BUILD names another build folder (the browser tests run `build-e2e/`).
// Several workers need PostgreSQL (DATABASE_URL): sessions, sign-in throttling and the page cache's data
// version live in the database, so the workers agree. The embedded PGlite database belongs to one
// process, so with it the server runs one worker and says so.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const asked = process.env.WORKERS === 'auto' ? availableParallelism() : Number(process.env.WORKERS ?? 1);
if (!Number.isInteger(asked) || asked < 1) {
	console.error(`WORKERS must be a whole number of processes (or "auto"), not "${process.env.WORKERS}".`);
	process.exit(1);
}
let workers = asked;
if (workers > 1 && !process.env.DATABASE_URL) {
	console.warn(
		`WORKERS=${asked} asked for, but the embedded PGlite database can be opened by one process only: ` +
			'running 1 worker. Set DATABASE_URL to a PostgreSQL server to run more.'
	);
	workers = 1;
}

if (workers === 1) {
	await import('./server.js');
} else if (cluster.isPrimary) {
	let stopping = false;
	let started = false;
	const fork = () => cluster.fork();
	// The first worker migrates (and on an empty database seeds) before it listens; the others start after it,
	// so two processes never migrate at once.
	fork().once('listening', () => {
		started = true;
		for (let i = 1; i < workers; i++) fork();
		console.log(`${workers} workers listening`);
	});
	relayDataVersions();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		if (!started) {
			console.error(`The first worker stopped (${signal ?? `exit ${code}`}) before it could listen.`);
			process.exit(1);
		}
		console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`);
		setTimeout(fork, 1000);
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
		});
	}
} else {
	// adapter-node closes the server on SIGTERM and then emits this; the channel to the primary would keep
	// the worker alive after that.
	process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
	await import('./server.js');
}

/**
 * A worker that wrote tells the others the new data version before its answer goes out (clusterPeers in
 * src/lib/server/data-version.ts): the primary passes the announcement on to every other worker and
 * answers the writer once all have taken it in. A worker that does not answer (it is stopping) is not
 * waited for long: the writer gives up after a second.
 */
function relayDataVersions() {
	const announce = 'trilogue:data-version';
	const taken = 'trilogue:data-version-taken';
	const pending = new Map();
	let relayed = 0;
	cluster.on('message', (worker, message) => {
		if (message?.type === taken) return pending.get(message.id)?.();
		if (message?.type !== announce) return;
		const others = Object.values(cluster.workers ?? {}).filter((w) => w && w !== worker && w.isConnected());
		const answer = () => worker.isConnected() && worker.send({ type: taken, id: message.id });
		if (others.length === 0) return answer();
		const id = ++relayed;
		let left = others.length;
		const forget = setTimeout(() => pending.delete(id), 5000);
		pending.set(id, () => {
			if (--left > 0) return;
			clearTimeout(forget);
			pending.delete(id);
			answer();
		});
		for (const w of others) w.send({ type: announce, version: message.version, id });
	});
}
