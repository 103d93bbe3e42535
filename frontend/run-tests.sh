#!/usr/bin/env bash
# The web app's checks and tests: install, lint, type check, the generated API
# client is current, unit tests, build, the first-page size budget, and the
# end-to-end tests in Chromium against the real API. Ends on one line,
# `frontend: N passed, N failed` (unit + end-to-end tests; a failed check
# counts as one failed), and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export CI="${CI:-}" NO_COLOR=1 FORCE_COLOR=0

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
status=0

step() {
    local name="$1"
    shift
    echo "== frontend: $name"
    local start=$SECONDS
    if ! "$@"; then
        echo "frontend: $name FAILED ($((SECONDS - start)) s)"
        status=1
        return 1
    fi
    echo "frontend: $name ok ($((SECONDS - start)) s)"
}

# Adds a Vitest JSON report's counts; a run that failed without a failed test
# (a suite that could not start) counts as one failure.
count() {
    local report="$1" code="$2"
    local p f
    if [[ -s "$report" ]]; then
        p="$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests)' "$report")"
        f="$(node -e 'const r=require(process.argv[1]);console.log(r.numFailedTests)' "$report")"
    else
        p=0 f=0
    fi
    if [[ "$code" -ne 0 && "$f" -eq 0 ]]; then f=1; fi
    passed=$((passed + p))
    failed=$((failed + f))
}

if ! step "npm ci" npm ci --no-audit --no-fund --loglevel=error; then
    echo "frontend: 0 passed, 1 failed"
    exit 1
fi
step "lint (eslint)" npx eslint . || failed=$((failed + 1))
step "type check (tsc --noEmit)" npx tsc --noEmit || failed=$((failed + 1))
step "generated API client is current (check:api)" npm run -s check:api || failed=$((failed + 1))

echo "== frontend: unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
code=$?
count "$results/unit.json" "$code"
[[ $code -eq 0 ]] || status=1

built=1
step "build" npm run -s build || { failed=$((failed + 1)); built=0; }
if [[ $built -eq 1 ]]; then
    step "first-page budget (check:budget)" npm run -s check:budget || failed=$((failed + 1))
fi

echo "== frontend: end-to-end tests (Chromium + the real API)"
e2e_ready=1
if [[ $built -eq 0 ]]; then
    echo "frontend: no build, so no end-to-end tests"
    e2e_ready=0
fi
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
    echo "frontend: Chromium is missing (apt-get install -y chromium)"
    e2e_ready=0
fi
# The API under test: ADUAN_BIN, else this checkout's debug build (built when
# missing, and brought up to date when cargo is at hand: a no-op if current).
if [[ $e2e_ready -eq 1 && -z "${ADUAN_BIN:-}" ]]; then
    if command -v cargo >/dev/null; then
        (cd .. && cargo build -q -p aduan) || e2e_ready=0
    elif [[ ! -x ../target/debug/aduan ]]; then
        echo "frontend: ../target/debug/aduan is missing and cargo is not installed"
        e2e_ready=0
    fi
fi
if [[ $e2e_ready -eq 1 ]]; then
    npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json"
    code=$?
    count "$results/e2e.json" "$code"
    if [[ $code -ne 0 ]]; then
        status=1
        echo "frontend: the API's log is in frontend/e2e/.results/aduan.log"
    fi
else
    failed=$((failed + 1))
    status=1
fi

verdict=ok
if [[ $status -ne 0 || $failed -ne 0 ]]; then verdict=FAILED; status=1; fi
# For tests/run-all.sh, which sums lines in cargo's format.
echo "test result: $verdict. $passed passed; $failed failed;"
echo "frontend: $passed passed, $failed failed"
exit $status
