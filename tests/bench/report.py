#!/usr/bin/env python3
"""Writes the benchmark report (Markdown) from the files run.sh leaves in its
results directory, and prints a machine-readable verdict line to stderr.

    python3 report.py RESULTS_DIR > report.md

Exit status: 0 if the hard checks passed (every scenario ran, no non-2xx
response, no socket error, the server never died), 1 otherwise. Targets
(ratios to pgbench, latency, memory, RSS growth) are reported as met/missed and
only fail the run with BENCH_STRICT=1.
"""

import glob
import json
import os
import sys

TARGETS = {
    "submit_ratio": 0.40,
    "track_ratio": 0.50,
    "inbox_p95_ms": 50.0,
    "search_p95_ms": 200.0,
    "memory_mb": 150.0,
}
SCENARIOS = [
    ("submit", "Public submission", "POST /api/v1/complaints (JSON, no files)"),
    ("track", "Tracking by code", "GET /api/v1/track/{code}, random existing codes"),
    ("inbox", "Staff inbox, first page", "GET /api/v1/complaints?status=…&limit=25 (+ kind/category/division/sla filters, rotating)"),
    ("search", "Staff text search", "GET /api/v1/complaints?q=…&limit=25 (rotating terms)"),
    ("statistics", "Statistics (at the staff concurrency)", "GET /api/v1/reports/statistics?from=…&to=… (a month, a quarter, a month of one division; rotating)"),
]


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def ms(us):
    return us / 1000.0


def fmt(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}"


def met(ok):
    return "met" if ok else "**MISSED**"


def main():
    d = sys.argv[1]
    meta = load(os.path.join(d, "meta.json"), {})
    backend = meta.get("backend", "?")
    n = meta.get("complaints", 0)
    out = []
    w = out.append
    hard_failures = []
    missed = []

    w(f"# Aduan benchmark: {backend}, {n:,} complaints ({meta.get('date', '')})")
    w("")
    w(f"Command: `{meta.get('command', '')}`  ")
    w(f"Commit: `{meta.get('git', '?')}`{' (with uncommitted changes in api/)' if meta.get('dirty') else ''}; "
      f"server binary `{meta.get('binary', '?')}` built {meta.get('binary_built', '?')} "
      "(with ADUAN_BIN it may predate the commit)  ")
    w(f"Machine: {meta.get('cpus', '?')} CPU cores, {meta.get('mem_gb', '?')} GB RAM, load average "
      f"{meta.get('load_before', '?')} before the run and {meta.get('load_after', '?')} after. "
      "**The machine is shared (other builds and tests run beside the benchmark) and the load "
      "generator runs on the same two cores as the server and the database, so figures are noisy "
      "(expect ±20 % between runs) and lower than on a dedicated host.**  ")
    w(f"Server: release build, {meta.get('workers', 'default')} HTTP workers, database pool "
      f"{meta.get('pool', 10)}; rate limits off (`ADUAN_RATE_LIMIT_*=0`); `RUST_LOG=warn`.  ")
    w(f"Load: `wrk -t{meta.get('threads')} -c{meta.get('concurrency')} -d{meta.get('duration')}s "
      f"--timeout 10s --latency`; pgbench `-M prepared -c{meta.get('concurrency')} "
      f"-j{meta.get('threads')} -T{meta.get('duration')}`.  ")
    counts = meta.get("counts", {})
    w(f"Data: {fmt(counts.get('complaints'))} complaints, {fmt(counts.get('events'))} timeline events, "
      f"{fmt(counts.get('attachments'))} attachment rows, seeded in {fmt(meta.get('seed_seconds'))} s "
      f"(database size {meta.get('db_size', '?')}).")
    w("")

    # ---- scenarios ------------------------------------------------------------
    w("## HTTP scenarios")
    w("")
    w("| Scenario | Requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | socket errors | server VmHWM MB |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = {}
    for key, title, _ in SCENARIOS:
        r = load(os.path.join(d, f"scenario_{key}.json"))
        if r is None:
            w(f"| {title} | not run | | | | | | | | |")
            hard_failures.append(f"{key}: did not run")
            continue
        results[key] = r
        lat = r["latency_us"]
        rps = r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0
        r["rps"] = rps
        non2xx = sum(c for s, c in r.get("statuses", {}).items() if not s.startswith("2"))
        e = r["errors"]
        sock = e["connect"] + e["read"] + e["write"] + e["timeout"]
        r["non2xx"], r["sock"] = non2xx, sock
        if non2xx:
            hard_failures.append(f"{key}: {non2xx} non-2xx responses {r.get('statuses')}")
        if sock:
            hard_failures.append(f"{key}: {sock} socket errors {e}")
        if r.get("server_alive") is False:
            hard_failures.append(f"{key}: the server died")
        statuses = ", ".join(f"{s}: {c}" for s, c in sorted(r.get("statuses", {}).items()) if not s.startswith("2"))
        w(f"| {title} | {fmt(r['requests'])} | {fmt(rps)} | {fmt(ms(lat['p50']), 2)} | {fmt(ms(lat['p95']), 2)} | "
          f"{fmt(ms(lat['p99']), 2)} | {fmt(ms(lat['max']), 1)} | {fmt(non2xx)}{' (' + statuses + ')' if statuses else ''} | "
          f"{fmt(sock)} | {fmt(r.get('vmhwm_kb', 0) / 1024.0)} |")
    w("")
    for key, title, what in SCENARIOS:
        w(f"- {title}: {what}.")
    w("")

    staff = {}
    for key, title, _ in SCENARIOS[2:4]:
        r = load(os.path.join(d, f"scenario_{key}_staff.json"))
        if r:
            r["rps"] = r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0
            staff[key] = r
            bad = sum(c for s_, c in r.get("statuses", {}).items() if not s_.startswith("2"))
            e = r["errors"]
            sock = e["connect"] + e["read"] + e["write"] + e["timeout"]
            r["non2xx"], r["sock"] = bad, sock
            if bad or sock:
                hard_failures.append(f"{key} (staff concurrency): {bad} non-2xx, {sock} socket errors")
    if staff:
        sc = meta.get("staff_concurrency")
        w(f"### Staff latency: inbox and search at {sc} concurrent users")
        w("")
        w(f"At {meta.get('concurrency')} connections on two cores every request queues behind the others "
          f"(latency ≈ connections ÷ throughput), so the latency targets are judged on a second run at {sc} "
          "connections, about the number of staff working the inbox at once.")
        w("")
        w("| Scenario | Requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|")
        for key, title, _ in SCENARIOS[2:4]:
            r = staff.get(key)
            if r:
                lat = r["latency_us"]
                w(f"| {title} | {fmt(r['requests'])} | {fmt(r['rps'])} | {fmt(ms(lat['p50']), 2)} | "
                  f"{fmt(ms(lat['p95']), 2)} | {fmt(ms(lat['p99']), 2)} | {fmt(ms(lat['max']), 1)} | {fmt(r['non2xx'])} |")
        w("")

    # ---- pgbench ----------------------------------------------------------------
    ratios = {}
    if backend == "postgres":
        w("## API ÷ pgbench (the same SQL, the same concurrency)")
        w("")
        w("pgbench runs the statements the server issues for one request (see *Statements* below), "
          "as prepared statements over the same number of connections, with no HTTP, JSON, pool or "
          "application code. The ratio says how much of the database's capacity the server delivers.")
        w("")
        pool = meta.get("pool", 10)
        w(f"The server holds at most {pool} database connections (its pool), while pgbench at "
          f"{meta.get('concurrency')} clients runs {meta.get('concurrency')} backends; on two cores the extra "
          f"backends cost throughput, so pgbench also runs at {pool} clients when that is fewer "
          "(last column): that ratio compares like with like at the database.")
        w("")
        w(f"| Request | API req/s | pgbench tps | API ÷ pgbench | target | API p50 / p99 ms | pgbench p50 / p99 ms | pgbench at {pool} clients: tps, API ÷ |")
        w("|---|---:|---:|---:|---|---:|---:|---:|")
        for key, title, target in (("submit", "Submission", "submit_ratio"), ("track", "Tracking", "track_ratio")):
            pg = load(os.path.join(d, f"pgbench_{key}.json"))
            api = results.get(key)
            if not pg or not api or not pg.get("tps"):
                w(f"| {title} | {fmt(api and api.get('rps'))} | not run | | | | |")
                hard_failures.append(f"pgbench {key}: did not run")
                continue
            ratio = api["rps"] / pg["tps"]
            ratios[key] = ratio
            ok = ratio >= TARGETS[target]
            if not ok:
                missed.append(f"{title.lower()} at {ratio:.0%} of pgbench (target ≥ {TARGETS[target]:.0%})")
            if pg.get("failed"):
                hard_failures.append(f"pgbench {key}: {pg['failed']} failed transactions")
            at_pool = load(os.path.join(d, f"pgbench_{key}_pool.json"))
            pool_cell = (f"{fmt(at_pool['tps'])}, {api['rps'] / at_pool['tps']:.0%}"
                         if at_pool and at_pool.get("tps") else "–")
            w(f"| {title} | {fmt(api['rps'])} | {fmt(pg['tps'])} | {ratio:.0%} | ≥ {TARGETS[target]:.0%}: {met(ok)} | "
              f"{fmt(ms(api['latency_us']['p50']), 2)} / {fmt(ms(api['latency_us']['p99']), 2)} | "
              f"{fmt(pg.get('p50_ms'), 2)} / {fmt(pg.get('p99_ms'), 2)} | {pool_cell} |")
        w("")

    # ---- targets ----------------------------------------------------------------
    w("## Targets")
    w("")
    large = n >= 1_000_000
    scale_note = "" if large else f" (the target is for 1 000 000 complaints; measured at {n:,})"
    w("| Target | Measured | Verdict |")
    w("|---|---|---|")
    if backend == "postgres":
        for key, title, target in (("submit", "Submission ≥ 40 % of pgbench", "submit_ratio"),
                                   ("track", "Tracking ≥ 50 % of pgbench", "track_ratio")):
            if key in ratios:
                w(f"| {title} | {ratios[key]:.0%} | {met(ratios[key] >= TARGETS[target])} |")
    for key, title, limit in (("inbox", "Inbox first page p95 < 50 ms", TARGETS["inbox_p95_ms"]),
                              ("search", "Text search p95 < 200 ms", TARGETS["search_p95_ms"])):
        source = staff.get(key) or results.get(key)
        if source:
            where = (f"at {meta.get('staff_concurrency')} users" if key in staff
                     else f"at {meta.get('concurrency')} connections")
            p95 = ms(source["latency_us"]["p95"])
            ok = p95 < limit
            if not ok:
                missed.append(f"{key} p95 {p95:.1f} ms {where} (target < {limit:.0f} ms)")
            w(f"| {title}{scale_note} | {p95:.1f} ms {where} | {met(ok)} |")
    errors = sum(r.get("non2xx", 0) + r.get("sock", 0) for r in list(results.values()) + list(staff.values()))
    w(f"| Zero errors | {errors} | {met(errors == 0)} |")
    peak = max([r.get("vmhwm_kb", 0) for r in list(results.values()) + list(staff.values())] + [0]) / 1024.0
    soak = load(os.path.join(d, "soak.json"))
    if soak:
        peak = max(peak, soak.get("vmhwm_kb", 0) / 1024.0)
    ok = peak < TARGETS["memory_mb"]
    if not ok:
        missed.append(f"server peak RSS {peak:.0f} MB (target < 150 MB)")
    w(f"| Server memory < 150 MB (peak RSS, VmHWM) | {peak:.1f} MB | {met(ok)} |")
    if soak:
        grows = soak.get("grows")
        w(f"| RSS stable under the soak | {soak.get('slope_mb_per_min', 0):+.2f} MB/min | "
          f"{'**GROWS**' if grows else 'stable'} |")
        if grows:
            missed.append(f"RSS grows during the soak ({soak.get('slope_mb_per_min'):+.2f} MB/min)")
    w("")

    # ---- SQLite locking --------------------------------------------------------
    locked = load(os.path.join(d, "locked.json"))
    if locked is not None:
        w("## SQLite: \"database is locked\"")
        w("")
        w(f"Server log lines containing \"database is locked\": **{locked.get('log_lines', 0)}**; "
          f"responses with status 500 or 503 across the scenarios: **{locked.get('5xx', 0)}** "
          f"(at {meta.get('concurrency')} concurrent clients).")
        w("")

    # ---- soak -------------------------------------------------------------------
    if soak:
        w(f"## Soak: {soak.get('seconds')} s of 20 % submissions and 80 % tracking")
        w("")
        r = soak.get("wrk", {})
        rps = r.get("requests", 0) / (r.get("duration_us", 1) / 1e6) if r else 0
        non2xx = sum(c for s, c in r.get("statuses", {}).items() if not s.startswith("2"))
        w(f"{fmt(r.get('requests'))} requests ({fmt(rps)} req/s), p99 {fmt(ms(r.get('latency_us', {}).get('p99', 0)), 2)} ms, "
          f"non-2xx {non2xx}. RSS sampled every 5 s: start {soak.get('first_mb', 0):.1f} MB, end "
          f"{soak.get('last_mb', 0):.1f} MB, max {soak.get('max_mb', 0):.1f} MB; least-squares slope after the "
          f"first 10 s: **{soak.get('slope_mb_per_min', 0):+.2f} MB/min** → "
          f"{'RSS grows' if soak.get('grows') else 'no sustained growth'} "
          "(growth means slope > 1 MB/min and the end at least 10 % above the post-warm-up start).")
        w("")
        w("Samples (s: MB): " + ", ".join(f"{t}: {kb / 1024:.1f}" for t, kb in soak.get("samples", [])))
        w("")
        if non2xx or r.get("errors", {}).get("timeout"):
            hard_failures.append(f"soak: {non2xx} non-2xx")

    # ---- plans ------------------------------------------------------------------
    plans = load(os.path.join(d, "explain.json"))
    if plans:
        w("## Query plans")
        w("")
        w("The inbox and search statements as the server issued them (captured from the PostgreSQL "
          "log) with their parameters, run once more under `EXPLAIN (ANALYZE, BUFFERS)`"
          if backend == "postgres" else
          "The inbox and search statements (written from the diesel code), under `EXPLAIN QUERY PLAN`, "
          "with the time of one run")
        w("right after the capture, before the load (whose new complaints would move a search's "
          "window edge). A statement the server ran after `SET LOCAL` is explained after it, in one "
          "transaction.")
        w("")
        w("| Query | Parameters | ms | Plan (outer nodes) |")
        w("|---|---|---:|---|")
        for p in plans:
            lines = p["plan"].splitlines()
            nodes = [l.strip().lstrip("-> ").split("  (")[0] for i, l in enumerate(lines)
                     if "(cost=" in l or (backend != "postgres" and l.strip())]
            name, _, params = p["label"].partition(" ")
            w(f"| {name} | `{params.replace('|', '/')}` | {fmt(p.get('ms'), 2)} | {' → '.join(nodes[:4]).replace('|', '/')} |")
        w("")
        for p in plans:
            where = p.get("sql", "")
            where = where[where.find("WHERE"):] if "WHERE" in where else where[-200:]
            w(f"<details><summary>{p['label']}: {fmt(p.get('ms'), 2)} ms</summary>")
            w("")
            w("```")
            w(where.strip())
            w("")
            w(p["plan"].rstrip())
            w("```")
            w("</details>")
            w("")

    # ---- statements -------------------------------------------------------------
    stmts = load(os.path.join(d, "statements.json"))
    w("## Statements")
    w("")
    if stmts:
        w("Captured from the PostgreSQL log with `ALTER DATABASE … SET log_statement = 'all'` while the "
          "server handled one submission and one tracking lookup (tests/bench/pglog.py). "
          "tests/bench/pgbench/submit.sql and track.sql replay exactly these statements.")
        w("")
        for phase in ("submit", "track"):
            w(f"<details><summary>{phase}: {len(stmts.get(phase, []))} statements</summary>")
            w("")
            w("```sql")
            for s in stmts.get(phase, []):
                sql = s["sql"]
                w(sql if len(sql) < 400 else sql[:400] + " …")
            w("```")
            w("</details>")
            w("")
    else:
        w("Not captured in this run (SQLite, or the PostgreSQL log was not readable); "
          "tests/bench/pgbench/*.sql reproduce the statements read from the diesel code.")
        w("")

    # ---- verdict ----------------------------------------------------------------
    w("## Verdict")
    w("")
    if hard_failures:
        w("Hard checks **failed**: " + "; ".join(hard_failures) + ".")
    else:
        w("Hard checks passed: every scenario ran with no non-2xx response, no socket error, and the server stayed up.")
    w("")
    if missed:
        w("Targets missed: " + "; ".join(missed) + ".")
    else:
        w("Every target measured in this run was met.")
    w("")
    print("\n".join(out))
    strict = os.environ.get("BENCH_STRICT") == "1"
    print(f"bench verdict: {len(hard_failures)} hard failures, {len(missed)} targets missed", file=sys.stderr)
    for f in hard_failures:
        print(f"  hard failure: {f}", file=sys.stderr)
    sys.exit(1 if hard_failures or (strict and missed) else 0)


if __name__ == "__main__":
    main()
