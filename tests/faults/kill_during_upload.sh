#!/usr/bin/env bash
# Fault: the server is SIGKILLed while multipart submissions with files are in
# flight, three times, and restarted each time.
#
#   tests/faults/kill_during_upload.sh [--backend postgres|sqlite|both]   (default both)
#
# The client (tests/faults/client.py) sends submissions with 1-3 files of
# 64-768 KB each, retrying with the same Idempotency-Key while the server is
# down. Afterwards it checks, per backend:
#   - every complaint has its first timeline event (seq 1, submitted),
#   - every attachment row's file is in storage, with the recorded size and sha256,
#   - every 201 receipt's complaint exists with as many attachment rows as files sent,
#   - the server came back after every kill, and the load did upload files.
#   - after `aduan storage sweep` (which the server runs every hour), no orphan
#     is left: no stored file without an attachments row (a request killed
#     between storing its files and committing) and no partial upload.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
FAULTS_DIR="$REPO_ROOT/tests/faults"

backends=(postgres sqlite)
if [[ "${1:-}" == --backend ]]; then
    case "${2:-}" in
    postgres | sqlite) backends=("$2") ;;
    both) ;;
    *) die "--backend postgres|sqlite|both" ;;
    esac
fi
require curl python3
ensure_binary

run_backend() {
    local backend=$1 db="" url="" work port server_log round
    new_temp_dir "kill-$backend"
    work="$TEMP_DIR"
    if [[ $backend == postgres ]]; then
        require psql
        db="aduan_fault_kill_$$"
        create_db "$db"
        url="$PG_BASE_URL/$db"
    fi
    port="$(free_port)"
    server_log="$work/server.log"
    start_server "$port" "$url" "$work/data" "$server_log"
    wait_ready "$port" "$SERVER_PID" 60 "$server_log"
    local categories
    categories="$(category_ids "$port")"

    log "[$backend] multipart load: 4 workers, files of 64-768 KB"
    python3 "$FAULTS_DIR/client.py" submit --ports "$port" --categories "$categories" --files \
        --count 1000 --workers 4 --give-up 30 --max-seconds 60 \
        --stop-file "$work/stop" --out "$work/submissions.jsonl" &
    local client_pid=$!
    _cleanup_pids+=("$client_pid")
    local restarted=0
    for round in 1 2 3; do
        sleep "$(python3 -c 'import random; print(round(random.uniform(1.5, 3.0), 2))')"
        log "[$backend] round $round: SIGKILL server pid $SERVER_PID"
        kill -KILL "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
        sleep 0.5
        start_server "$port" "$url" "$work/data" "$server_log"
        wait_ready "$port" "$SERVER_PID" 60 "$server_log" && restarted=$((restarted + 1))
    done
    sleep 2
    touch "$work/stop"
    wait "$client_pid" || true
    stop_process "$SERVER_PID"
    check "[$backend] the server came back after each of 3 SIGKILLs" test "$restarted" = 3
    # The server's hourly clean-up, now and with no age margin: nothing is in flight.
    local swept
    swept="$(env DATABASE_URL="$url" ADUAN_DATA_DIR="$work/data" RUST_LOG=warn \
        "$ADUAN_BIN" storage sweep --min-age-minutes 0)"
    log "[$backend] storage sweep: $swept"

    # The stored state, as tab-separated files for the checker.
    if [[ $backend == postgres ]]; then
        psql_db "$db" -At -F $'\t' -c "SELECT id, tracking_code, (SELECT count(*) FROM complaint_events e WHERE e.complaint_id = c.id AND e.seq = 1 AND e.action = 'submitted') FROM complaints c" >"$work/complaints.tsv"
        psql_db "$db" -At -F $'\t' -c "SELECT complaint_id, storage_key, size_bytes, sha256 FROM attachments" >"$work/attachments.tsv"
    else
        python3 - "$work/data/aduan.sqlite3" "$work" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
with open(sys.argv[2] + "/complaints.tsv", "w") as f:
    for row in db.execute("SELECT id, tracking_code, (SELECT count(*) FROM complaint_events e WHERE e.complaint_id = c.id AND e.seq = 1 AND e.action = 'submitted') FROM complaints c"):
        f.write("\t".join(map(str, row)) + "\n")
with open(sys.argv[2] + "/attachments.tsv", "w") as f:
    for row in db.execute("SELECT complaint_id, storage_key, size_bytes, sha256 FROM attachments"):
        f.write("\t".join(map(str, row)) + "\n")
EOF
    fi
    python3 - "$work" "$work/data/attachments" "$backend" >"$work/verdict.txt" <<'EOF'
import hashlib, json, os, sys
work, storage, backend = sys.argv[1], sys.argv[2], sys.argv[3]
subs = [json.loads(l) for l in open(work + "/submissions.jsonl") if l.strip()]
complaints = [l.rstrip("\n").split("\t") for l in open(work + "/complaints.tsv") if l.strip()]
attachments = [l.rstrip("\n").split("\t") for l in open(work + "/attachments.tsv") if l.strip()]
by_code = {code: cid for cid, code, _ in complaints}
no_first = [cid for cid, code, n in complaints if n != "1"]
bad_files, keys = [], set()
rows_per_complaint = {}
for cid, key, size, sha in attachments:
    keys.add(key)
    rows_per_complaint[cid] = rows_per_complaint.get(cid, 0) + 1
    path = os.path.join(storage, key)
    if not os.path.isfile(path):
        bad_files.append(f"{key}: missing")
        continue
    data = open(path, "rb").read()
    if len(data) != int(size) or hashlib.sha256(data).hexdigest() != sha:
        bad_files.append(f"{key}: size or sha256 differs")
stored, staged = [], []
for root, _, files in os.walk(storage):
    for name in files:
        rel = os.path.relpath(os.path.join(root, name), storage)
        (staged if "#" in name else stored).append(rel)
orphans = [k for k in stored if k not in keys]
ok = [s for s in subs if s["status"] == 201]
missing = [s for s in ok if s["tracking_code"] not in by_code]
wrong_count = [s for s in ok if s["tracking_code"] in by_code
               and rows_per_complaint.get(by_code[s["tracking_code"]], 0) != len(s["files"])]
interrupted = [s for s in subs if s["attempts"] > 1]
tag = f"[{backend}]"
print(f"INFO {tag} submissions {len(subs)}: 201 {len(ok)}, retried {len(interrupted)}, gave up "
      f"{len(subs) - len(ok)}; complaints {len(complaints)}, attachment rows {len(attachments)}, "
      f"files in storage {len(stored)} (+{len(staged)} partial uploads)")
print(f"CHECK {'PASS' if attachments and interrupted else 'FAIL'} {tag} the load uploaded files and was interrupted "
      f"({len(attachments)} files, {len(interrupted)} submissions retried)")
print(f"CHECK {'PASS' if not no_first else 'FAIL'} {tag} every complaint has its first timeline event ({len(no_first)} without)")
print(f"CHECK {'PASS' if not bad_files else 'FAIL'} {tag} every attachment's file is in storage, intact "
      f"({len(bad_files)} bad{': ' + ', '.join(bad_files[:5]) if bad_files else ''})")
print(f"CHECK {'PASS' if not missing and not wrong_count else 'FAIL'} {tag} every 201 complaint exists with all its files "
      f"({len(missing)} missing, {len(wrong_count)} with a different file count)")
print(f"CHECK {'PASS' if not orphans and not staged else 'FAIL'} {tag} no orphan after the sweep "
      f"({len(orphans)} stored files without an attachments row, {len(staged)} partial uploads)")
for k in (orphans + staged)[:10]:
    print(f"INFO {tag}   orphan {k}")
EOF
    cat "$work/verdict.txt"
    local kind verdict rest
    while read -r kind verdict rest; do
        [[ $kind == CHECK ]] || continue
        if [[ $verdict == PASS ]]; then CHECKS_PASSED=$((CHECKS_PASSED + 1)); else CHECKS_FAILED=$((CHECKS_FAILED + 1)); fi
    done <"$work/verdict.txt"
    local panics
    panics="$(grep -c 'panicked' "$server_log" || true)"
    check "[$backend] no panic in the server log ($panics)" test "$panics" = 0
}

for backend in "${backends[@]}"; do
    run_backend "$backend"
done
checks_summary
