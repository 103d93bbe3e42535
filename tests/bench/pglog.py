#!/usr/bin/env python3
"""Reads the statements one database ran from the PostgreSQL server log
(written with log_statement = 'all'), between byte offsets, and prints them as
JSON: {"phase": [{"sql": ..., "params": {"$1": "'literal'"}}, ...], ...}.

    python3 pglog.py LOG_FILE DB phase:START:END [phase:START:END ...]

Handles Debian's default log_line_prefix ('%m [%p] %q%u@%d '), statements
logged as "statement: ..." (simple protocol) or "execute NAME: ..." (extended
protocol, with their parameters on the following DETAIL line) and statements
continued on tab-indented lines.
"""

import json
import re
import sys

LINE = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[(\d+)\] (?:(\S*)@(\S*) )?([A-Z]+):  (.*)$")
PARAM = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def read(path, start, end):
    with open(path, "rb") as f:
        f.seek(start)
        return f.read(max(0, end - start)).decode("utf-8", "replace")


def statements(text, db):
    found = []
    current = None  # the entry that continuation lines extend
    for raw in text.split("\n"):
        if raw.startswith("\t"):
            if current is not None and "sql" in current and current.get("open"):
                current["sql"] += "\n" + raw[1:]
            continue
        m = LINE.match(raw)
        if not m:
            current = None
            continue
        _pid, _user, database, level, message = m.groups()
        if database != db:
            current = None
            continue
        if level == "LOG" and (message.startswith("statement: ") or message.startswith("execute ")):
            sql = message.split(": ", 1)[1] if message.startswith("statement: ") else message.split(": ", 1)[1]
            current = {"sql": sql, "params": {}, "open": True}
            found.append(current)
        elif level == "DETAIL" and message.startswith("parameters: ") and found:
            found[-1]["open"] = False
            found[-1]["params"] = {f"${n}": v for n, v in PARAM.findall(message)}
            current = None
        else:
            current = None
    for entry in found:
        entry.pop("open", None)
    return found


def main():
    path, db = sys.argv[1], sys.argv[2]
    phases = {}
    for spec in sys.argv[3:]:
        name, start, end = spec.rsplit(":", 2)
        phases[name] = statements(read(path, int(start), int(end)), db)
    json.dump(phases, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
