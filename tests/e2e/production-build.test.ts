import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Every file of a build folder (source maps left out: they quote the sources, comments included). */
function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && !e.name.endsWith('.map'))
		.map((e) => path.join(e.parentPath, e.name));
}
const contains = (dir: string, needle: string) => files(dir).some((f) => readFileSync(f, 'utf8').includes(needle));
const manifestOf = (dir: string) =>
	readFileSync(
		files(path.join(dir, 'server')).find((f) => /manifest\.js/.test(path.basename(f)))!,
		'utf8'
	);

test('the test hooks are kept out of the production build: node build has no such route and no such code', () => {
	const production = manifestOf('build');
	expect(production).toContain('"/dossiers/[slug]/timeline"'); // the manifest is the one that lists routes
	expect(production).not.toContain('test-hooks');
	for (const marker of ['answerTestHook', 'reset-throttle', 'remove-document'])
		expect(contains('build', marker), marker).toBe(false);
	// The browser tests' own build has them, so the check above looks at the right thing.
	expect(contains('build-e2e', 'answerTestHook')).toBe(true);
});

test('without ORIGIN the production server refuses to start, and says why', async () => {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: '0',
		DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trilogue-no-origin-'))
	};
	delete env.ORIGIN;
	delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	expect(code).not.toBe(0);
	expect(output).toContain('ORIGIN is not set');
});
