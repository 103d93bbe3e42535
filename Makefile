# Everyday commands. Each is a thin wrapper, so the README and CI say the same thing.

.PHONY: run test faults fmt lint openapi

# The whole product on the embedded SQLite database (./data): builds the web
# app into frontend/dist, which the server serves at / beside the API.
run:
	cd frontend && npm ci --no-audit --no-fund && npm run build
	cargo run --release -p aduan -- serve

# Every test, on SQLite and on PostgreSQL.
test:
	./tests/run-all.sh

# Faults and the short benchmark (tests/faults/run-all.sh; docs/performance.md).
# Stops the local PostgreSQL cluster for a few seconds: run it alone.
faults:
	cargo build -p aduan
	ADUAN_BIN=target/debug/aduan ./tests/faults/run-all.sh

fmt:
	cargo fmt --all

lint:
	cargo fmt --all --check && cargo clippy --all-targets -- -D warnings

# openapi.yaml is generated from the code, and the web app's API types from it;
# a test fails when either is stale.
# Written through a temporary file so a failed build leaves the old one intact.
openapi:
	cargo run -q -p aduan -- openapi > openapi.yaml.tmp || { rm -f openapi.yaml.tmp; exit 1; }
	mv openapi.yaml.tmp openapi.yaml
	cd frontend && npm run gen:api
