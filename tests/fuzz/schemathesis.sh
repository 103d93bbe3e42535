#!/usr/bin/env bash
# API fuzzing: schemathesis generates requests for every operation of the
# running server's OpenAPI document, signed in as admin where needed, and
# checks: no server error; status codes, content types, headers and bodies as
# documented; authentication not ignored; undeclared methods refused.
# Prints `test result: ok. N passed; F failed;` like cargo, for the summary.
set -euo pipefail
cd "$(dirname "$0")/../.."

examples="${FUZZ_MAX_EXAMPLES:-30}"
venv="target/schemathesis-venv"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis>=4,<5"
fi

cargo build -q -p aduan --locked
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="fuzz-admin-password"
ADUAN_DATA_DIR="$data" ADUAN_BIND="127.0.0.1:$port" ADUAN_ADMIN_PASSWORD="$password" \
    ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE=0 ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE=0 RUST_LOG=warn \
    ./target/debug/aduan serve > "$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.2; done
token="$(curl -fs -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

set +e
"$venv/bin/schemathesis" run "$base/api/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,ignored_auth,unsupported_method \
    -H "Authorization: Bearer $token" \
    --max-examples "$examples" --workers 2 --seed 20261127 \
    --no-color > "$data/schemathesis.log" 2>&1
status=$?
set -e
sed -n '/= SUMMARY =/,$p' "$data/schemathesis.log"
if grep -q "^Failures:" "$data/schemathesis.log"; then
    sed -n '/= FAILURES =/,/= WARNINGS =/p' "$data/schemathesis.log" | head -200
fi
# "3406 generated, 3406 passed" or "3527 generated, 2 found 2 unique failures"
line="$(grep -E '^ +[0-9]+ generated' "$data/schemathesis.log" | tail -1)"
generated="$(grep -oE '[0-9]+ generated' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
failed="$(grep -oE '[0-9]+ unique failures' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
echo "test result: schemathesis. $((generated - failed)) passed; $failed failed;"
exit "$status"
