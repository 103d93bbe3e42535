# Helpers shared by tests/bench/run.sh and the tests/faults/ scripts. Source it
# after `set -euo pipefail`. Everything it starts or creates (server processes,
# PostgreSQL databases, temporary directories) is registered and removed by the
# EXIT trap it installs; scripts add their own steps with `on_exit 'command'`.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$REPO_ROOT/tests/bench"
# Server without a database name; databases are created and dropped here.
PG_BASE_URL="${ADUAN_BENCH_POSTGRES_URL:-${ADUAN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}}"
ADMIN_PASSWORD="bench-admin-password-1"

_cleanup_pids=()
_cleanup_dbs=()
_cleanup_dirs=()
_cleanup_hooks=()
_cleaned=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a command when the script exits (before servers are stopped).
on_exit() { _cleanup_hooks+=("$1"); }

_cleanup() {
    local status=$?
    ((_cleaned)) && return "$status"
    _cleaned=1
    set +e
    local hook pid db dir
    for hook in "${_cleanup_hooks[@]}"; do eval "$hook"; done
    for pid in "${_cleanup_pids[@]}"; do stop_process "$pid"; done
    for db in "${_cleanup_dbs[@]}"; do drop_db "$db"; done
    for dir in "${_cleanup_dirs[@]}"; do rm -rf -- "$dir"; done
    return "$status"
}
trap _cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# new_temp_dir NAME: sets TEMP_DIR to a new directory, removed at exit (unless
# KEEP_WORK=1). Not called as $(...): a subshell could not register it.
new_temp_dir() {
    TEMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/aduan-$1.XXXXXX")"
    [[ "${KEEP_WORK:-0}" == 1 ]] || _cleanup_dirs+=("$TEMP_DIR")
}

# Stops a process we started: SIGTERM, up to 15 s, then SIGKILL.
stop_process() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "'$tool' is not installed (see docs/performance.md)"
    done
}

# ---- PostgreSQL ---------------------------------------------------------------

pg_ready() { pg_isready -d "$PG_BASE_URL/postgres" -q; }

psql_db() { # DB [psql args...]
    local db=$1
    shift
    psql "$PG_BASE_URL/$db" -X -q -v ON_ERROR_STOP=1 "$@"
}

# Creates an empty database, dropped at exit unless KEEP_DB=1.
create_db() {
    local db=$1
    pg_ready || die "PostgreSQL is not reachable at $PG_BASE_URL"
    psql_db postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
    [[ "${KEEP_DB:-0}" == 1 ]] || _cleanup_dbs+=("$db")
}

drop_db() {
    local db=$1 i
    # PostgreSQL may be coming back from a fault test: wait a little for it.
    for ((i = 0; i < 30; i++)); do pg_ready && break; sleep 1; done
    psql_db postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 ||
        log "could not drop database $db"
}

# ---- the server ---------------------------------------------------------------

# Sets ADUAN_BIN: $ADUAN_BIN if given, else builds target/release/aduan (skipped
# with ADUAN_SKIP_BUILD=1).
ensure_binary() {
    if [[ -n "${ADUAN_BIN:-}" ]]; then
        [[ -x "$ADUAN_BIN" ]] || die "ADUAN_BIN=$ADUAN_BIN is not executable"
        return
    fi
    local target="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
    if [[ "${ADUAN_SKIP_BUILD:-0}" != 1 ]]; then
        log "building the release binary (cargo build --release -p aduan)"
        (cd "$REPO_ROOT" && cargo build --release -p aduan --quiet) || die "release build failed"
    fi
    ADUAN_BIN="$target/release/aduan"
    [[ -x "$ADUAN_BIN" ]] || die "no release binary at $ADUAN_BIN"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_server PORT DATABASE_URL DATA_DIR LOG_FILE [VAR=value...]
# DATABASE_URL empty = SQLite in DATA_DIR. Sets SERVER_PID.
start_server() {
    local port=$1 url=$2 data=$3 logfile=$4
    shift 4
    mkdir -p "$data"
    env DATABASE_URL="$url" \
        ADUAN_BIND="127.0.0.1:$port" \
        ADUAN_DATA_DIR="$data" \
        ADUAN_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        ADUAN_ACCESS_TOKEN_MINUTES=240 \
        ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE=0 \
        ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE=0 \
        RUST_LOG="${RUST_LOG:-warn}" \
        "$@" \
        "$ADUAN_BIN" serve >>"$logfile" 2>&1 &
    SERVER_PID=$!
    _cleanup_pids+=("$SERVER_PID")
}

http_code() { # URL [curl args...]
    local url=$1
    shift
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" || true
}

# wait_ready PORT PID SECONDS LOG_FILE: until /readyz answers 200.
wait_ready() {
    local port=$1 pid=$2 seconds=$3 logfile=$4 i
    for ((i = 0; i < seconds * 4; i++)); do
        [[ "$(http_code "http://127.0.0.1:$port/readyz")" == 200 ]] && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -20 "$logfile" >&2
            die "the server (pid $pid) exited during start-up"
        fi
        sleep 0.25
    done
    tail -20 "$logfile" >&2
    die "the server on port $port was not ready after ${seconds}s"
}

# Prints an access token for admin.
login() { # PORT
    curl -sf --max-time 10 -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
        "http://127.0.0.1:$1/api/v1/auth/login" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# Comma-separated ids of the active categories.
category_ids() { # PORT
    curl -sf --max-time 10 "http://127.0.0.1:$1/api/v1/categories" |
        python3 -c '
import json, sys
data = json.load(sys.stdin)
items = data["items"] if isinstance(data, dict) else data
print(",".join(c["id"] for c in items))'
}

# ---- checks (tests/faults) ----------------------------------------------------

CHECKS_PASSED=0
CHECKS_FAILED=0
pass() { CHECKS_PASSED=$((CHECKS_PASSED + 1)); echo "CHECK PASS $*"; }
fail() { CHECKS_FAILED=$((CHECKS_FAILED + 1)); echo "CHECK FAIL $*"; }
check() { # NAME COMMAND...: passes when COMMAND succeeds
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
checks_summary() { # prints the tally; returns 1 if any check failed
    echo "checks: $CHECKS_PASSED passed, $CHECKS_FAILED failed"
    ((CHECKS_FAILED == 0))
}
