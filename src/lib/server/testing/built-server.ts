import { spawn, type ChildProcess } from 'node:child_process';

export interface BuiltServer {
	child: ChildProcess;
	/** Everything it printed so far, stdout and stderr together. */
	output(): string;
	/** SIGTERM, then resolves when it has exited (workers included). */
	stop(): Promise<void>;
}

/** What the launcher prints once it serves: adapter-node's line, or the cluster's when there are several workers. */
export const listening = /Listening on |\d+ workers listening/;

/**
 * Starts the production build as `npm start` does (scripts/start.js, which needs `npm run build` first) and
 * resolves once its output matches `ready`. A fresh data folder is migrated and seeded before it listens,
 * which takes minutes on a busy machine, hence the long default wait. Rejects, with the output, if the
 * server stops or the wait ends first.
 */
export function startBuiltServer(
	env: Record<string, string>,
	ready = listening,
	waitMs = 600_000
): Promise<BuiltServer> {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const server: BuiltServer = {
		child,
		output: () => output,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			void server.stop();
			reject(new Error(`No “${ready}” within ${waitMs / 1000} s:\n${output}`));
		}, waitMs);
		const seen = (chunk: Buffer) => {
			output += chunk;
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve(server);
			}
		};
		child.stdout!.on('data', seen);
		child.stderr!.on('data', seen);
		child.once('exit', (code) => {
			clearTimeout(timer);
			if (!ready.test(output)) reject(new Error(`The server stopped (exit ${code}):\n${output}`));
		});
	});
}
