#!/usr/bin/env bash
# Fault: PostgreSQL stops for ~5 s under submission load.
#
# Starts the release server on a fresh database, runs a bounded submission load
# (tests/faults/client.py: every submission carries its own Idempotency-Key and
# is retried with it until 201, giving up after 60 s), stops the local cluster
# (pg_ctlcluster ... stop -m fast), keeps it down ~5 s, starts it again, then
# checks:
#   - /readyz answers 503 while the database is down (never 200),
#   - /readyz answers 200 within 5 s of the database accepting connections,
#   - every submission got its 201 (none gave up),
#   - every 201's complaint exists (by tracking code), with the receipt's id,
#   - no duplicate per Idempotency-Key: one complaint per key, no complaint
#     without a key, every 201 key recorded once,
#   - requests caught in the outage answer 503 within 3 s (they do not hang),
#   - the server stayed up.
#
# STOPPING POSTGRESQL AFFECTS EVERY USER OF THIS SERVER: run it alone, last in
# CI. The EXIT trap starts the cluster again whatever happens.
# Environment: ADUAN_FAULT_PG_CLUSTER ("<version> <name>", default: the only
# one in /etc/postgresql, "main"), ADUAN_FAULT_OUTAGE_SECONDS (default 5),
# ADUAN_BIN / ADUAN_SKIP_BUILD as for tests/bench/run.sh.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
FAULTS_DIR="$REPO_ROOT/tests/faults"

require psql pg_isready pg_ctlcluster curl python3
if [[ -n "${ADUAN_FAULT_PG_CLUSTER:-}" ]]; then
    read -r pg_version pg_cluster <<<"$ADUAN_FAULT_PG_CLUSTER"
else
    versions=(/etc/postgresql/*)
    ((${#versions[@]} == 1)) && [[ -d "${versions[0]}" ]] || die "set ADUAN_FAULT_PG_CLUSTER (found: ${versions[*]})"
    pg_version="$(basename "${versions[0]}")"
    pg_cluster=main
fi
outage="${ADUAN_FAULT_OUTAGE_SECONDS:-5}"
ensure_binary

new_temp_dir pgrestart
work="$TEMP_DIR"
db="aduan_fault_pgrestart_$$"
create_db "$db"
port="$(free_port)"
server_log="$work/server.log"
start_server "$port" "$PG_BASE_URL/$db" "$work/data" "$server_log"
server_pid=$SERVER_PID
wait_ready "$port" "$server_pid" 60 "$server_log"
categories="$(category_ids "$port")"

pg_stopped=0
start_postgres() {
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" start >/dev/null 2>&1 || true
    local i
    for ((i = 0; i < 60; i++)); do pg_ready && return 0; sleep 0.5; done
    return 1
}
# Whatever happens, PostgreSQL is running again when this script ends.
on_exit '((pg_stopped)) && { log "starting PostgreSQL again"; start_postgres; }'

log "submission load: 4 workers, up to 400 submissions"
python3 "$FAULTS_DIR/client.py" submit --ports "$port" --categories "$categories" \
    --count 400 --workers 4 --pause 0.05 --give-up 60 --max-seconds 90 \
    --stop-file "$work/stop" --out "$work/submissions.jsonl" &
client_pid=$!
_cleanup_pids+=("$client_pid")
sleep 2

log "stopping PostgreSQL $pg_version/$pg_cluster for ${outage}s"
pg_stopped=1
down_at=$(date +%s.%N)
pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" stop -m fast
readyz_down=()
while python3 -c "import sys, time; sys.exit(0 if time.time() - $down_at < $outage else 1)"; do
    readyz_down+=("$(http_code "http://127.0.0.1:$port/readyz" --max-time 4)")
    sleep 0.5
done
log "starting PostgreSQL; /readyz while down: ${readyz_down[*]}"
start_postgres || die "PostgreSQL did not come back"
pg_stopped=0
up_at=$(date +%s.%N)
ready_after=""
for ((i = 0; i < 120; i++)); do
    if [[ "$(http_code "http://127.0.0.1:$port/readyz" --max-time 2)" == 200 ]]; then
        ready_after=$(python3 -c "import time; print(round(time.time() - $up_at, 2))")
        break
    fi
    sleep 0.25
done
log "/readyz 200 ${ready_after:-never} s after PostgreSQL accepted connections"

sleep 3
touch "$work/stop"
log "waiting for the client (each submission gives up after 60 s)"
wait "$client_pid" || true

bad_down=0
saw_503=0
for code in "${readyz_down[@]}"; do
    [[ $code == 503 ]] && saw_503=1
    [[ $code == 200 ]] && bad_down=1
done
check "readyz is 503 while PostgreSQL is down (${readyz_down[*]})" test "$saw_503" = 1 -a "$bad_down" = 0
check "readyz is 200 within 5 s of PostgreSQL returning (${ready_after:-never} s)" \
    python3 -c "import sys; sys.exit(0 if '$ready_after' and float('$ready_after') <= 5 else 1)"

psql_db "$db" -At -F $'\t' -c "SELECT c.tracking_code, c.id, k.key FROM complaints c LEFT JOIN idempotency_keys k ON k.complaint_id = c.id" >"$work/db.tsv"
psql_db "$db" -At -F $'\t' -c "SELECT key, count(*) FROM idempotency_keys GROUP BY key" >"$work/keys.tsv"
python3 - "$work/submissions.jsonl" "$work/db.tsv" "$work/keys.tsv" >"$work/verdict.txt" <<'EOF'
import json, sys
subs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
by_code = {code: (cid, key) for code, cid, key in rows}
key_counts = {k: int(n) for k, n in (l.split("\t") for l in open(sys.argv[3]) if l.strip())}
ok = [s for s in subs if s["status"] == 201]
gave_up = [s for s in subs if s["status"] != 201]
retried = [s for s in ok if s["attempts"] > 1]
missing = [s for s in ok if s["tracking_code"] not in by_code]
wrong = [s for s in ok if s["tracking_code"] in by_code and
         (by_code[s["tracking_code"]][0] != s["id"] or by_code[s["tracking_code"]][1] != s["key"])]
no_key = [code for code, (cid, key) in by_code.items() if not key]
dup_keys = [k for k, n in key_counts.items() if n > 1]
ok_keys = {s["key"] for s in ok}
unknown = [code for code, (cid, key) in by_code.items() if key not in ok_keys]
print(f"INFO submissions {len(subs)}, 201 {len(ok)} ({len(retried)} after retries, max "
      f"{max([s['attempts'] for s in ok] or [0])} attempts, max {max([s['seconds'] for s in ok] or [0])} s), "
      f"gave up {len(gave_up)}; complaints in the database {len(rows)}")
for s in gave_up[:5]:
    print(f"INFO gave up: {s}")
print(f"CHECK {'PASS' if len(subs) >= 50 else 'FAIL'} the load ran ({len(subs)} submissions)")
slow = [s for s in ok if s["seconds"] >= 2]
print(f"CHECK {'PASS' if retried or slow else 'FAIL'} submissions were caught in the outage "
      f"({len(retried)} retried, {len(slow)} waited 2 s or more for their 201)")
print(f"CHECK {'PASS' if not gave_up else 'FAIL'} every submission got its 201 within 60 s ({len(gave_up)} gave up)")
failures = [s for s in subs if s["slowest_failure"] > 0]
slowest = max([s["slowest_failure"] for s in failures] or [0])
answered_503 = sum(s["errors"].get("503", 0) for s in subs)
print(f"CHECK {'PASS' if answered_503 and slowest < 3 else 'FAIL'} requests caught in the outage fail fast "
      f"with 503 ({answered_503} answers 503, slowest failed attempt {slowest} s; limit 3 s)")
print(f"CHECK {'PASS' if not missing else 'FAIL'} every 201 complaint exists ({len(missing)} missing)")
print(f"CHECK {'PASS' if not wrong else 'FAIL'} every 201 names the complaint stored under its key ({len(wrong)} differ)")
print(f"CHECK {'PASS' if not no_key and not dup_keys and len(rows) == len(key_counts) else 'FAIL'} "
      f"no duplicates per Idempotency-Key ({len(rows)} complaints, {len(key_counts)} keys, "
      f"{len(no_key)} complaints without a key, {len(dup_keys)} keys used twice)")
print(f"INFO complaints whose client gave up but which were saved: {len(unknown)}")
EOF
cat "$work/verdict.txt"
while read -r kind verdict rest; do
    [[ $kind == CHECK ]] || continue
    if [[ $verdict == PASS ]]; then CHECKS_PASSED=$((CHECKS_PASSED + 1)); else CHECKS_FAILED=$((CHECKS_FAILED + 1)); fi
done <"$work/verdict.txt"

check "the server stayed up" kill -0 "$server_pid"
errors="$(grep -c -E 'ERROR|panicked' "$server_log" || true)"
log "server log: $errors ERROR/panic lines (expected while the database is down); distinct messages:"
grep -E 'ERROR|panicked' "$server_log" | sed -E 's/^[^ ]+ +//; s/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]+/N/g' |
    sort | uniq -c | sort -rn | head -8 >&2 || true
panics="$(grep -c 'panicked' "$server_log" || true)"
check "no panic in the server log ($panics)" test "$panics" = 0
checks_summary
