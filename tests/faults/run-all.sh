#!/usr/bin/env bash
# Runs the fault scripts in order, then the quick benchmark, and sums up:
#   1. tests/faults/postgres_restart.sh   (stops PostgreSQL ~5 s: run it alone)
#   2. tests/faults/kill_during_upload.sh (PostgreSQL and SQLite)
#   3. tests/faults/two_replicas.sh
#   4. tests/bench/run.sh --quick         (one check: it ran without errors)
# Each script prints "CHECK PASS ..." / "CHECK FAIL ..." lines; a script that
# exits non-zero without printing a failed check counts as one failed check.
# Ends on the line "faults: N passed, N failed"; exits non-zero on any failure.
# Builds the release binary once (skipped with ADUAN_SKIP_BUILD=1 or ADUAN_BIN).
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"

ensure_binary
export ADUAN_BIN
new_temp_dir faults
work="$TEMP_DIR"
passed=0
failed=0

run() { # NAME COMMAND...
    local name=$1 status=0 p f
    shift
    echo "== $name"
    "$@" 2>&1 | tee "$work/$name.log" || status=$?
    p="$(grep -c '^CHECK PASS' "$work/$name.log" || true)"
    f="$(grep -c '^CHECK FAIL' "$work/$name.log" || true)"
    if ((status != 0 && f == 0)); then
        echo "CHECK FAIL $name exited with status $status"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

bench_quick() {
    local status=0
    "$REPO_ROOT/tests/bench/run.sh" --quick || status=$?
    if ((status == 0)); then
        echo "CHECK PASS quick benchmark: every scenario ran with no error (report above)"
    else
        echo "CHECK FAIL quick benchmark exited with status $status"
    fi
    return 0
}

run postgres_restart "$REPO_ROOT/tests/faults/postgres_restart.sh"
run kill_during_upload "$REPO_ROOT/tests/faults/kill_during_upload.sh"
run two_replicas "$REPO_ROOT/tests/faults/two_replicas.sh"
run bench_quick bench_quick

echo "faults: $passed passed, $failed failed"
((failed == 0))
