#!/usr/bin/env bash
# Two replicas of the server on one PostgreSQL database (different ports,
# started together, so they also race through migrations and seeding):
#   - 300 concurrent submissions split across both: every one gets 201, and
#     the register numbers have no duplicates and no gaps (1..N for the year),
#     and the counter ends at N;
#   - 5 complaints, each verified by 8 concurrent requests spread over both
#     replicas with the same If-Match: exactly one 200, the others 412, and
#     exactly one "verified" event on the timeline.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
FAULTS_DIR="$REPO_ROOT/tests/faults"

require psql curl python3
ensure_binary
new_temp_dir replicas
work="$TEMP_DIR"
db="aduan_fault_replicas_$$"
create_db "$db"
url="$PG_BASE_URL/$db"
port_a="$(free_port)"
port_b="$(free_port)"
while [[ $port_b == "$port_a" ]]; do port_b="$(free_port)"; done

log "starting replicas on ports $port_a and $port_b"
start_server "$port_a" "$url" "$work/a" "$work/a.log"
pid_a=$SERVER_PID
start_server "$port_b" "$url" "$work/b" "$work/b.log"
pid_b=$SERVER_PID
wait_ready "$port_a" "$pid_a" 60 "$work/a.log"
wait_ready "$port_b" "$pid_b" 60 "$work/b.log"
check "both replicas started on one new database" true
admins="$(psql_db "$db" -At -c "SELECT count(*) FROM users WHERE username = 'admin'")"
check "the replicas created one admin ($admins)" test "$admins" = 1

categories="$(category_ids "$port_a")"
log "300 submissions, 6 workers, alternating replicas"
python3 "$FAULTS_DIR/client.py" submit --ports "$port_a,$port_b" --categories "$categories" \
    --count 300 --workers 6 --give-up 30 --max-seconds 120 --out "$work/submissions.jsonl"
psql_db "$db" -At -F $'\t' -c "SELECT register_year, register_seq FROM complaints" >"$work/register.tsv"
psql_db "$db" -At -F $'\t' -c "SELECT year, last_number FROM register_counters" >"$work/counters.tsv"
python3 - "$work/submissions.jsonl" "$work/register.tsv" "$work/counters.tsv" >"$work/verdict.txt" <<'EOF'
import json, sys
subs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rows = [tuple(map(int, l.split("\t"))) for l in open(sys.argv[2]) if l.strip()]
counters = dict(tuple(map(int, l.split("\t"))) for l in open(sys.argv[3]) if l.strip())
ok = [s for s in subs if s["status"] == 201]
per_port = {}
for s in ok:
    per_port[s["port"]] = per_port.get(s["port"], 0) + 1
numbers = [s["register_number"] for s in ok]
print(f"INFO submissions {len(subs)}, 201 {len(ok)}, per replica {per_port}")
print(f"CHECK {'PASS' if len(subs) == 300 and len(ok) == 300 else 'FAIL'} all 300 submissions got 201 ({len(ok)})")
print(f"CHECK {'PASS' if len(per_port) == 2 else 'FAIL'} both replicas took submissions ({per_port})")
print(f"CHECK {'PASS' if len(set(numbers)) == len(numbers) else 'FAIL'} the receipts' register numbers are unique")
bad = []
for year in sorted({y for y, _ in rows}):
    seqs = sorted(s for y, s in rows if y == year)
    dups = len(seqs) - len(set(seqs))
    gaps = sorted(set(range(1, max(seqs) + 1)) - set(seqs))
    print(f"INFO register {year}: {len(seqs)} numbers, 1..{max(seqs)}, {dups} duplicates, {len(gaps)} gaps {gaps[:10]}, counter {counters.get(year)}")
    if dups or gaps or counters.get(year) != max(seqs):
        bad.append(year)
print(f"CHECK {'PASS' if rows and not bad else 'FAIL'} register numbers have no duplicates and no gaps, counter = last number")
EOF
cat "$work/verdict.txt"
while read -r kind verdict rest; do
    [[ $kind == CHECK ]] || continue
    if [[ $verdict == PASS ]]; then CHECKS_PASSED=$((CHECKS_PASSED + 1)); else CHECKS_FAILED=$((CHECKS_FAILED + 1)); fi
done <"$work/verdict.txt"

token_a="$(login "$port_a")"
token_b="$(login "$port_b")"
races_ok=0
for id in $(python3 -c '
import json, sys
ok = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(" ".join([s["id"] for s in ok if s["status"] == 201][:5]))' "$work/submissions.jsonl"); do
    etag="$(curl -sf -D - -o /dev/null --max-time 10 -H "Authorization: Bearer $token_a" \
        "http://127.0.0.1:$port_a/api/v1/complaints/$id" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')"
    result="$(python3 "$FAULTS_DIR/client.py" verify --ports "$port_a,$port_b" --tokens "$token_a,$token_b" \
        --complaint "$id" --if-match "$etag" --attempts 8)"
    events="$(psql_db "$db" -At -c "SELECT count(*) FROM complaint_events WHERE complaint_id = '$id' AND action = 'verified'")"
    verdict="$(python3 -c '
import json, sys
s = json.loads(sys.argv[1])["statuses"]
ok = s.count(200) == 1 and all(x in (200, 412) for x in s) and sys.argv[2] == "1"
print(("ok" if ok else "bad") + f" statuses={s} verified_events={sys.argv[2]}")' "$result" "$events")"
    log "verify race on $id with If-Match $etag: $verdict"
    [[ $verdict == ok* ]] && races_ok=$((races_ok + 1))
done
check "concurrent verifies with one If-Match across both replicas: exactly one 200, the rest 412, one event ($races_ok/5 complaints)" \
    test "$races_ok" = 5
check "both replicas stayed up" kill -0 "$pid_a" "$pid_b"
checks_summary
