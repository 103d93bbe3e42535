#!/usr/bin/env bash
# Every test: the API's unit tests and the end-to-end suite on the embedded
# SQLite default, then the end-to-end suite again on PostgreSQL. Ends on one
# line that sums them up.
set -euo pipefail
cd "$(dirname "$0")/.."

postgres_url="${ADUAN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
if ! command -v pg_isready >/dev/null || ! pg_isready -d "$postgres_url/postgres" -q; then
    echo "PostgreSQL is not reachable at $postgres_url (set ADUAN_TEST_POSTGRES_URL)" >&2
    exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "== unit tests and end-to-end tests on SQLite"
cargo test --workspace --locked --lib --bins --tests 2>&1 | tee -a "$log"

echo "== end-to-end tests on PostgreSQL"
ADUAN_TEST_DATABASE=postgres cargo test -p aduan-tests --locked --tests 2>&1 | tee -a "$log"

echo "== API fuzzing with schemathesis"
tests/fuzz/schemathesis.sh 2>&1 | tee -a "$log"

echo "== web app: lint, types, unit tests, build, size budget, end-to-end tests in Chromium"
frontend/run-tests.sh 2>&1 | tee -a "$log"

awk '/^test result:/ { passed += $4; failed += $6 } END { printf "total: %d passed, %d failed\n", passed, failed }' "$log"
