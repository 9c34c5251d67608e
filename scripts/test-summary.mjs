// Sums the results in one or more test-result folders and prints the closing line "N passed, N failed".
// A step (svelte-check, build) counts as one test; Vitest and Playwright count their own tests.
// Exits 1 if anything failed or a step's runner left no results.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;
for (const dir of process.argv.slice(2)) {
	if (!existsSync(dir)) {
		failed += 1;
		continue;
	}
	const files = readdirSync(dir);
	const steps = existsSync(path.join(dir, 'steps.txt'))
		? readFileSync(path.join(dir, 'steps.txt'), 'utf8').trim().split('\n')
		: [];
	for (const line of steps) {
		const [name, result] = line.split(' ');
		const runner = { vitest: 'vitest.json', playwright: 'playwright.json' }[name];
		if (runner && files.includes(runner)) {
			const counts = count(path.join(dir, runner));
			passed += counts.passed;
			failed += counts.failed;
			if (result === 'failed' && counts.failed === 0) failed += 1; // the runner itself failed
		} else if (result === 'passed') passed += 1;
		else failed += 1;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function count(file) {
	const json = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in json) return { passed: json.numPassedTests, failed: json.numFailedTests };
	const s = json.stats ?? {};
	return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
}
