#!/usr/bin/env bash
# npm test: Prettier and ESLint (npm run lint), svelte-check, the production build, Vitest (unit + database on PGlite), the browser tests' build, and
# Playwright against that built server in the system Chromium. Every step runs even if an earlier one failed, so one run shows
# everything that is wrong; the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
	echo "No Chromium found at $chromium. The browser tests use the system Chromium:" >&2
	echo "  on Debian/Ubuntu: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to another Chromium)" >&2
	exit 1
fi
export CHROMIUM_PATH="$chromium"

results="${TEST_RESULTS_DIR:-test-reports}"
rm -rf "$results" && mkdir -p "$results"
step() { # step NAME COMMAND...: runs a step and records whether it passed
	local name="$1"; shift
	echo "── $name"
	if "$@"; then echo "$name passed" >>"$results/steps.txt"; else echo "$name failed" >>"$results/steps.txt"; fi
}

# Unformatted files and ESLint errors fail the run like a failing test.
step lint npm run lint
step svelte-check npm run check
# The build comes before Vitest: src/lib/server/workers.test.ts starts it as `npm start` does.
step build npm run build
step vitest npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
# The browser tests run against their own build (build-e2e/, with POST /test-hooks); build/ stays the production
# one, and tests/e2e/production-build.test.ts checks that it has no test hooks.
step build-e2e npm run build:e2e
if [ -d build-e2e ]; then
	PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" step playwright npx playwright test --reporter=list,json
fi
node scripts/test-summary.mjs "$results"
