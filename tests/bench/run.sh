#!/usr/bin/env bash
# Benchmarks the API on a fresh, seeded database and writes a Markdown report.
#
#   tests/bench/run.sh [--complaints N | --large] [--duration S] [--concurrency C]
#                      [--quick] [--sqlite] [--soak S] [--out FILE] [--keep]
#
#   --complaints N   complaints to seed (default 100 000); --large = 1 000 000
#   --duration S     seconds per scenario (default 30)
#   --concurrency C  concurrent connections for wrk and pgbench (default 32)
#   --staff-concurrency K  inbox and search again at K connections, for the
#                    latency targets (default 4; skipped when K = C)
#   --quick          CI smoke run: 2 000 complaints, 5 s, concurrency 8, 60 s soak
#   --sqlite         the embedded SQLite backend instead of PostgreSQL
#   --soak S         then S seconds of mixed load sampling RSS (default 600; --quick 60; 0 = off)
#   --out FILE       report path (default tests/bench/results/<date>-<backend>[-<size>].md)
#   --keep           keep the database and the work directory
#
# Steps: create the database (PostgreSQL: aduan_bench_<pid>; SQLite: a temporary
# directory), start the release server once to migrate and seed reference data,
# stop it, seed the data set in SQL (seed_postgres.sql / seed_sqlite.py),
# ANALYZE, capture the statements the server runs for a submission, a tracking
# lookup, the inbox and a search (PostgreSQL log, log_statement = 'all'),
# EXPLAIN the inbox and search queries, restart the server, drive it with wrk,
# run pgbench on the same statements, optionally soak, write the report.
#
# Environment: ADUAN_BIN (a prebuilt binary; else cargo build --release),
# ADUAN_SKIP_BUILD=1, ADUAN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432),
# ADUAN_BENCH_PG_LOG (server log file; default /var/log/postgresql/postgresql-*-main.log),
# BENCH_STRICT=1 (missed targets fail the run).
# Exit status: 0 when every scenario ran without a non-2xx response or socket
# error; 1 otherwise. Load goes to 127.0.0.1 only.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command_line="tests/bench/run.sh $*"
complaints=100000
duration=30
concurrency=32
staff_concurrency=4
backend=postgres
soak=""
out=""
quick=0
while (($#)); do
    case "$1" in
    --complaints) complaints=$2; shift ;;
    --large) complaints=1000000 ;;
    --duration) duration=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    --staff-concurrency) staff_concurrency=$2; shift ;;
    --quick) quick=1 ;;
    --sqlite) backend=sqlite ;;
    --soak) soak=$2; shift ;;
    --out) out=$2; shift ;;
    --keep) export KEEP_DB=1 KEEP_WORK=1 ;;
    -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
if ((quick)); then
    complaints=2000 duration=5 concurrency=8
    soak=${soak:-60}
fi
# The full run soaks for 10 minutes: memory growth shows only over time.
soak=${soak:-600}
[[ "$complaints" =~ ^[0-9]+$ ]] && ((complaints >= 100 && complaints <= 2000000)) ||
    die "--complaints must be 100..2000000"
[[ "$duration" =~ ^[0-9]+$ ]] && ((duration >= 1 && duration <= 3600)) || die "--duration must be 1..3600"
[[ "$concurrency" =~ ^[0-9]+$ ]] && ((concurrency >= 1 && concurrency <= 256)) ||
    die "--concurrency must be 1..256"
[[ "$staff_concurrency" =~ ^[0-9]+$ ]] && ((staff_concurrency >= 1 && staff_concurrency <= 256)) ||
    die "--staff-concurrency must be 1..256"
[[ "$soak" =~ ^[0-9]+$ ]] && ((soak <= 86400)) || die "--soak must be 0..86400"
threads=$((concurrency < 2 ? concurrency : 2))

require wrk curl python3
[[ $backend == postgres ]] && require psql pgbench pg_isready
ensure_binary

started_at=$(date +%s)
new_temp_dir bench
work="$TEMP_DIR"
res="$work/results"
mkdir -p "$res"
port="$(free_port)"
server_log="$work/server.log"
export BENCH_LUA_DIR="$BENCH_DIR/lua"

if [[ $backend == postgres ]]; then
    db="aduan_bench_$$"
    create_db "$db"
    db_url="$PG_BASE_URL/$db"
else
    db=""
    db_url=""
fi
data_dir="$work/data"
sqlite_file="$data_dir/aduan.sqlite3"

sql() { # one query, unaligned output
    if [[ $backend == postgres ]]; then
        psql_db "$db" -At -c "$1"
    else
        python3 - "$sqlite_file" "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
EOF
    fi
}

serve() {
    # The seeded history was never run through the timed rules: with them on,
    # the server would spend the benchmark archiving and closing old complaints.
    start_server "$port" "$db_url" "$data_dir" "$server_log" ADUAN_JOBS=off
    server_pid=$SERVER_PID
    wait_ready "$port" "$server_pid" 60 "$server_log"
}

# ---- 1. migrate and seed reference data, then the data set ---------------------
log "backend $backend, $complaints complaints, ${duration}s per scenario, concurrency $concurrency"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
serve
stop_process "$server_pid"

log "seeding $complaints complaints"
seed_start=$(date +%s.%N)
if [[ $backend == postgres ]]; then
    psql_db "$db" -v n="$complaints" -f "$BENCH_DIR/seed_postgres.sql" >/dev/null
    psql_db "$db" -c "VACUUM ANALYZE" >/dev/null
    db_size="$(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")"
else
    python3 "$BENCH_DIR/seed_sqlite.py" "$sqlite_file" "$complaints"
    sql "ANALYZE" >/dev/null
    db_size="$(du -sh "$data_dir" | cut -f1)"
fi
seed_seconds=$(python3 -c "import time; print(round(time.time() - $seed_start, 1))")
log "seeded in ${seed_seconds}s ($db_size)"

categories="$(sql "SELECT id FROM categories WHERE active ORDER BY code" | paste -sd, -)"
divisions="$(sql "SELECT id FROM divisions ORDER BY code" | paste -sd, -)"
first_category="${categories%%,*}"
sql "SELECT tracking_code FROM complaints ORDER BY random() LIMIT 200000" >"$work/codes.txt"
# Search terms: frequent words, rarer words, a name, a register number, a code
# fragment, and a word that matches nothing.
sample_code="$(sed -n 1p "$work/codes.txt")"
register_seq=$((complaints / 3))
search_terms="pbg,izin,pungutan%20liar,kintamani,lkpm,sudarma,$(printf '%05d' "$register_seq")%2Faduan,$(tr 'A-Z' 'a-z' <<<"${sample_code:0:9}"),tidak%20ada%20yang%20cocok"

json_body() { # a fixed submission body (for the statement capture)
    cat <<EOF
{"kind":"complaint","category_id":"$first_category","subject":"Izin PBG belum terbit","description":"Sudah lebih dari 30 hari permohonan PBG saya belum ada kabar.","reporter":{"name":"I Wayan Sudarma","id_type":"ktp","id_number":"5106011203850001","address":"Jl. Merdeka No. 1, Bangli"}}
EOF
}

# ---- 2. statements (PostgreSQL log) ---------------------------------------------
pg_log="${ADUAN_BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1 || true)}"
if [[ $backend == postgres && -n "$pg_log" && -r "$pg_log" ]]; then
    log "capturing statements (log_statement = 'all' on $db only, then reset)"
    psql_db "$db" -c "ALTER DATABASE \"$db\" SET log_statement = 'all'"
    on_exit "psql_db postgres -c 'ALTER DATABASE \"$db\" RESET log_statement' >/dev/null 2>&1"
    serve
    token="$(login "$port")"
    offset() { stat -c %s "$pg_log"; }
    capture=()
    phase() { # NAME curl-args...
        local name=$1 start
        shift
        sleep 0.2
        start=$(offset)
        curl -sf -o "$work/capture-$name.json" --max-time 10 "$@" || die "capture request $name failed"
        sleep 0.3
        capture+=("$name:$start:$(offset)")
    }
    phase submit -H 'Content-Type: application/json' -d "$(json_body)" "http://127.0.0.1:$port/api/v1/complaints"
    new_code="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tracking_code"])' "$work/capture-submit.json")"
    phase track "http://127.0.0.1:$port/api/v1/track/$new_code"
    i=0
    for query in "status=received&limit=25" "status=received,needs_info&limit=25" "limit=25" \
        "sla=overdue&limit=25" "status=received&category_id=$first_category&limit=25" \
        "status=in_progress&limit=25&sort=-updated_at" \
        "status=dispositioned,in_progress&division_id=${divisions%%,*}&limit=25"; do
        phase "inbox$i" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/complaints?$query"
        i=$((i + 1))
    done
    i=0
    IFS=, read -r -a terms <<<"$search_terms"
    for term in "${terms[@]}"; do
        phase "search$i" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/complaints?limit=25&q=$term"
        i=$((i + 1))
    done
    stop_process "$server_pid"
    psql_db postgres -c "ALTER DATABASE \"$db\" RESET log_statement" >/dev/null
    python3 "$BENCH_DIR/pglog.py" "$pg_log" "$db" "${capture[@]}" >"$res/statements.json"
    python3 - "$res/statements.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
for phase in ("submit", "track"):
    assert s.get(phase), f"no statements captured for {phase}"
print(f"captured {len(s['submit'])} statements for a submission, {len(s['track'])} for a tracking lookup", file=sys.stderr)
EOF
elif [[ $backend == postgres ]]; then
    log "PostgreSQL log not readable (set ADUAN_BENCH_PG_LOG): statements not captured"
fi

# Right after the capture, before the load adds complaints: the parameters
# (a search's window edge among them) describe the database as it is now.
log "query plans"
if [[ $backend == postgres && -s "$res/statements.json" ]]; then
    python3 - "$res/statements.json" "$res/explain.json" "$db_url" <<'EOF'
import json, re, subprocess, sys
phases = json.load(open(sys.argv[1]))
plans = []
for name, stmts in phases.items():
    if not name.startswith(("inbox", "search")):
        continue
    settings = []  # SET LOCALs of the transaction a statement runs in
    for s in stmts:
        upper = s["sql"].strip().upper()
        if upper.startswith("BEGIN") or upper.startswith("COMMIT") or upper.startswith("ROLLBACK"):
            settings = []
        if upper.startswith("SET LOCAL"):
            settings.append(s["sql"])
        if 'FROM "complaints"' not in s["sql"] or "count(" in s["sql"].lower():
            continue
        sql = s["sql"]
        for key in sorted(s["params"], key=lambda k: -int(k[1:])):
            sql = sql.replace(key, s["params"][key])
        # Replayed in one transaction, so the plan is the one the server got.
        script = "BEGIN;\n" + "".join(x + ";\n" for x in settings) + \
            "EXPLAIN (ANALYZE, BUFFERS) " + sql + ";\nROLLBACK;\n"
        out = subprocess.run(["psql", sys.argv[3], "-X", "-At", "-q", "-v", "ON_ERROR_STOP=1"],
                             input=script, capture_output=True, text=True)
        if settings:
            sql = "".join(x + "; " for x in settings) + sql
        plan = out.stdout if out.returncode == 0 else out.stderr
        m = re.search(r"Execution Time: ([\d.]+) ms", plan)
        where = re.search(r"WHERE (.*?)(?: ORDER BY|$)", sql, re.S)
        values = ", ".join(v for k, v in sorted(s["params"].items(), key=lambda kv: int(kv[0][1:])))
        label = f"{name} ({values})"
        plans.append({"label": label, "ms": float(m.group(1)) if m else None, "plan": plan, "sql": sql})
json.dump(plans, open(sys.argv[2], "w"))
for p in plans:
    print(f"  {p['ms']} ms  {p['label']}", file=sys.stderr)
EOF
elif [[ $backend == sqlite ]]; then
    python3 - "$sqlite_file" "$res/explain.json" "$first_category" "$(TZ=Asia/Makassar date +%F)" "${divisions%%,*}" <<'EOF'
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
today, division = sys.argv[4], sys.argv[5]
cols = "*"
queries = [
    ("inbox status=received", "SELECT * FROM complaints WHERE status IN ('received') ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("inbox limit=25 (not archived)", "SELECT * FROM complaints WHERE status != 'archived' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("inbox status=received&category_id", f"SELECT * FROM complaints WHERE status IN ('received') AND category_id = '{sys.argv[3]}' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("inbox sla=overdue", f"SELECT * FROM complaints WHERE status != 'archived' AND sla_due_on < '{today}' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("inbox status=in_progress&sort=-updated_at", "SELECT * FROM complaints WHERE status IN ('in_progress') ORDER BY updated_at DESC, id DESC LIMIT 26"),
    ("inbox status=dispositioned,in_progress&division_id", f"SELECT * FROM complaints WHERE status IN ('dispositioned', 'in_progress') AND division_id = '{division}' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("search q=pbg", "SELECT * FROM complaints WHERE status != 'archived' AND search_text LIKE '%pbg%' ESCAPE '\\' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("search q=sudarma", "SELECT * FROM complaints WHERE status != 'archived' AND search_text LIKE '%sudarma%' ESCAPE '\\' ORDER BY received_at DESC, id DESC LIMIT 26"),
    ("search q=tidak ada yang cocok", "SELECT * FROM complaints WHERE status != 'archived' AND search_text LIKE '%tidak ada yang cocok%' ESCAPE '\\' ORDER BY received_at DESC, id DESC LIMIT 26"),
]
plans = []
for label, sql in queries:
    plan = "\n".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql))
    t = time.perf_counter()
    db.execute(sql).fetchall()
    plans.append({"label": label, "ms": (time.perf_counter() - t) * 1000, "plan": plan, "sql": sql})
json.dump(plans, open(sys.argv[2], "w"))
for p in plans:
    print(f"  {p['ms']:.2f} ms  {p['label']}", file=sys.stderr)
EOF
fi

# ---- 3. the server under load -------------------------------------------------------
: >"$server_log"
serve
token="$(login "$port")"
export BENCH_TOKEN="$token" BENCH_CATEGORIES="$categories" BENCH_DIVISIONS="$divisions" \
    BENCH_CODES_FILE="$work/codes.txt" BENCH_SEARCH_TERMS="$search_terms"

rss_kb() { # FIELD (VmHWM or VmRSS) of the server, in kB
    awk -v f="$1:" '$1 == f { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0
}

# run_wrk NAME SCRIPT SECONDS: writes $res/scenario_NAME.json
run_wrk() {
    local name=$1 script=$2 seconds=$3
    log "wrk $name: -t$threads -c$concurrency -d${seconds}s"
    wrk -t"$threads" -c"$concurrency" -d"${seconds}s" --timeout 10s --latency \
        -s "$BENCH_DIR/lua/$script" "http://127.0.0.1:$port" >"$work/wrk-$name.txt" 2>&1 ||
        { cat "$work/wrk-$name.txt" >&2; die "wrk $name failed"; }
    local alive=true
    kill -0 "$server_pid" 2>/dev/null || alive=false
    python3 - "$work/wrk-$name.txt" "$res/scenario_$name.json" "$(rss_kb VmHWM)" "$(rss_kb VmRSS)" "$alive" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
line = next((l for l in text.splitlines() if l.startswith("BENCH_JSON ")), None)
if line is None:
    sys.exit("no BENCH_JSON line in the wrk output:\n" + text)
r = json.loads(line[len("BENCH_JSON "):])
r["vmhwm_kb"], r["vmrss_kb"] = int(sys.argv[3] or 0), int(sys.argv[4] or 0)
r["server_alive"] = sys.argv[5] == "true"
json.dump(r, open(sys.argv[2], "w"))
lat = r["latency_us"]
rps = r["requests"] / (r["duration_us"] / 1e6)
bad = {k: v for k, v in r["statuses"].items() if not k.startswith("2")}
print(f"  {rps:9.1f} req/s  p50 {lat['p50']/1000:.2f} ms  p99 {lat['p99']/1000:.2f} ms  "
      f"non-2xx {sum(bad.values())} {bad or ''}  errors {r['errors']}  VmHWM {r['vmhwm_kb']/1024:.1f} MB",
      file=sys.stderr)
EOF
}

# run_pgbench NAME SCRIPT [CLIENTS]: writes $res/pgbench_NAME.json
run_pgbench() {
    local name=$1 script=$2 clients=${3:-$concurrency}
    log "pgbench $name: -c$clients -j$threads -T$duration"
    mkdir -p "$work/pgbench-$name"
    (cd "$work/pgbench-$name" && pgbench -n -M prepared -c "$clients" -j "$threads" -T "$duration" \
        -l --log-prefix=tx -D complaints="$complaints" "${pgbench_vars[@]}" \
        -f "$BENCH_DIR/pgbench/$script" "$db_url") \
        >"$work/pgbench-$name.txt" 2>&1 || { cat "$work/pgbench-$name.txt" >&2; die "pgbench $name failed"; }
    python3 - "$work/pgbench-$name.txt" "$work/pgbench-$name" "$res/pgbench_$name.json" <<'EOF'
import glob, json, re, sys
text = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", text).group(1))
failed = int((re.search(r"number of failed transactions: (\d+)", text) or [0, 0])[1])
lat = []
for path in glob.glob(sys.argv[2] + "/tx*"):
    for line in open(path):
        parts = line.split()
        if len(parts) >= 3 and parts[2].isdigit():
            lat.append(int(parts[2]))
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p / 100))] / 1000.0 if lat else None
r = {"tps": tps, "failed": failed, "transactions": len(lat), "p50_ms": pct(50), "p99_ms": pct(99)}
json.dump(r, open(sys.argv[3], "w"))
print(f"  {tps:9.1f} tps    p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  failed {failed}", file=sys.stderr)
EOF
    rm -rf "$work/pgbench-$name"
}

# The values the server binds for a submission like json_body's (run_pgbench).
today="$(TZ=Asia/Makassar date +%F)"
pgbench_vars=(
    -D category="$(sql "SELECT id FROM categories WHERE code = 'PERIZINAN'")" -D yes=t -D no=f
    -D kind=complaint -D channel=web -D status=received -D reporter=reporter -D submitted=submitted
    -D public=public -D idtype=ktp -D nik=5106011203850001 -D "name=I Wayan Sudarma"
    -D "subject=Izin PBG belum terbit"
    -D "description=Sudah lebih dari 30 hari permohonan PBG saya belum ada kabar."
    -D "address=Jl. Merdeka No. 1, Bangli"
    -D "at=$(date -u '+%F %T.%6N')" -D "day=$today"
    -D "vdue=$(date -d "$today +4 days" +%F)" -D "vrisk=$(date -d "$today +3 days" +%F)"
    -D "rdue=$(date -d "$today +20 days" +%F)"
    -D "search=$(printf 'izin pbg belum terbit\nsudah lebih dari 30 hari permohonan pbg saya belum ada kabar.\nyzx8-hr7y-yrtc\n%05d/aduan/2026\ni wayan sudarma' "$((complaints + 1))")"
    -D 'details={"channel":"web","files":0}'
)

# pgbench at the concurrency of the load, and (when smaller) at the server's
# pool size, which is how many connections the server itself uses.
pool_size=${ADUAN_DB_POOL_SIZE:-10}
run_wrk submit submit.lua "$duration"
if [[ $backend == postgres ]]; then
    run_pgbench submit submit.sql
    ((pool_size < concurrency)) && run_pgbench submit_pool submit.sql "$pool_size"
fi
run_wrk track track.lua "$duration"
if [[ $backend == postgres ]]; then
    run_pgbench track track.sql
    ((pool_size < concurrency)) && run_pgbench track_pool track.sql "$pool_size"
fi
run_wrk inbox inbox.lua "$duration"
run_wrk search search.lua "$duration"
if ((staff_concurrency != concurrency)); then
    saved_concurrency=$concurrency saved_threads=$threads
    concurrency=$staff_concurrency threads=$((staff_concurrency < 2 ? staff_concurrency : 2))
    run_wrk inbox_staff inbox.lua "$duration"
    run_wrk search_staff search.lua "$duration"
    concurrency=$saved_concurrency threads=$saved_threads
fi

# Reports are computed two at a time per replica (AppState::reports), so the
# statistics run at the staff concurrency: more connections only queue.
saved_concurrency=$concurrency saved_threads=$threads
concurrency=$staff_concurrency threads=$((staff_concurrency < 2 ? staff_concurrency : 2))
run_wrk statistics statistics.lua "$duration"
concurrency=$saved_concurrency threads=$saved_threads

# ---- 4. soak --------------------------------------------------------------------------
if ((soak > 0)); then
    log "soak: ${soak}s of mixed load, RSS every 5 s"
    wrk -t"$threads" -c"$concurrency" -d"${soak}s" --timeout 10s --latency \
        -s "$BENCH_DIR/lua/mix.lua" "http://127.0.0.1:$port" >"$work/wrk-soak.txt" 2>&1 &
    wrk_pid=$!
    _cleanup_pids+=("$wrk_pid")
    : >"$work/rss.txt"
    soak_start=$(date +%s)
    for ((i = 0; i <= soak / 5 + 2; i++)); do
        kill -0 "$wrk_pid" 2>/dev/null || break
        echo "$(($(date +%s) - soak_start)) $(rss_kb VmRSS)" >>"$work/rss.txt"
        sleep 5
    done
    wait "$wrk_pid" || die "wrk soak failed"
    echo "$(($(date +%s) - soak_start)) $(rss_kb VmRSS)" >>"$work/rss.txt"
    python3 - "$work/wrk-soak.txt" "$work/rss.txt" "$res/soak.json" "$soak" "$(rss_kb VmHWM)" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
line = next((l for l in text.splitlines() if l.startswith("BENCH_JSON ")), None)
if line is None:
    sys.exit("no BENCH_JSON line in the soak output:\n" + text)
samples = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if len(l.split()) == 2]
after = [(t, kb) for t, kb in samples if t >= 10] or samples
n = len(after)
mt = sum(t for t, _ in after) / n
mk = sum(kb for _, kb in after) / n
var = sum((t - mt) ** 2 for t, _ in after)
slope_kb_s = sum((t - mt) * (kb - mk) for t, kb in after) / var if var else 0.0
slope = slope_kb_s * 60 / 1024
grows = slope > 1.0 and after[-1][1] > 1.10 * after[0][1]
r = {"seconds": int(sys.argv[4]), "wrk": json.loads(line[len("BENCH_JSON "):]), "samples": samples,
     "first_mb": samples[0][1] / 1024, "last_mb": samples[-1][1] / 1024,
     "max_mb": max(kb for _, kb in samples) / 1024, "slope_mb_per_min": slope, "grows": grows,
     "vmhwm_kb": int(sys.argv[5] or 0)}
json.dump(r, open(sys.argv[3], "w"))
print(f"  RSS {r['first_mb']:.1f} -> {r['last_mb']:.1f} MB, slope {slope:+.2f} MB/min, "
      f"{'GROWS' if grows else 'stable'}", file=sys.stderr)
EOF
fi

server_alive=1
kill -0 "$server_pid" 2>/dev/null || server_alive=0
stop_process "$server_pid"
((server_alive)) || die "the server died during the benchmark (see $server_log)"

# ---- 5. SQLite lock errors ---------------------------------------------------
if [[ $backend == sqlite ]]; then
    python3 - "$server_log" "$res" <<'EOF'
import glob, json, os, sys
log_lines = sum(1 for l in open(sys.argv[1], errors="replace") if "database is locked" in l)
errors = 0
for path in glob.glob(os.path.join(sys.argv[2], "*.json")):
    r = json.load(open(path))
    r = r.get("wrk", r)
    errors += sum(c for s, c in r.get("statuses", {}).items() if s in ("500", "503"))
json.dump({"log_lines": log_lines, "5xx": errors}, open(os.path.join(sys.argv[2], "locked.json"), "w"))
print(f"  'database is locked' in the server log: {log_lines}; 500/503 responses: {errors}", file=sys.stderr)
EOF
fi

# ---- 6. report ------------------------------------------------------------------------------
counts_json="$(sql "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM complaint_events), (SELECT count(*) FROM attachments)" |
    python3 -c 'import json,sys; c,e,a = sys.stdin.read().strip().split("|"); print(json.dumps({"complaints": int(c), "events": int(e), "attachments": int(a)}))')"
git_rev="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty=false
[[ -n "$(git -C "$REPO_ROOT" status --porcelain -- api 2>/dev/null)" ]] && dirty=true
python3 - "$res/meta.json" <<EOF
import json, os, sys
json.dump({
    "backend": "$backend", "complaints": $complaints, "duration": $duration,
    "concurrency": $concurrency, "threads": $threads, "staff_concurrency": $staff_concurrency, "date": "$(date -u +'%Y-%m-%d %H:%M UTC')",
    "command": "$command_line", "git": "$git_rev",
    "binary": "$ADUAN_BIN", "binary_built": "$(date -u -r "$ADUAN_BIN" +'%Y-%m-%d %H:%M UTC')", "dirty": $( [[ $dirty == true ]] && echo True || echo False ),
    "cpus": os.cpu_count(), "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
    "load_before": "$load_before", "load_after": "$(cut -d' ' -f1-3 /proc/loadavg)",
    "workers": "${ADUAN_WORKERS:-one per core}", "pool": $pool_size,
    "seed_seconds": $seed_seconds, "db_size": "$db_size", "counts": $counts_json,
    "elapsed_seconds": $(($(date +%s) - started_at)),
}, open(sys.argv[1], "w"))
EOF

if [[ -z "$out" ]]; then
    suffix=""
    ((quick)) && suffix="-quick"
    ((!quick && complaints != 100000)) && suffix="-$complaints"
    out="$BENCH_DIR/results/$(date -u +%Y-%m-%d)-$backend$suffix.md"
fi
mkdir -p "$(dirname "$out")"
status=0
python3 "$BENCH_DIR/report.py" "$res" >"$out" || status=$?
cat "$out"
log "report written to $out ($(($(date +%s) - started_at)) s)"
exit "$status"
