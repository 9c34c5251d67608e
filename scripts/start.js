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
