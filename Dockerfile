# syntax=docker/dockerfile:1
# The Aduan API as one small image: build with the full Rust toolchain, run on
# slim Debian with only the shared libraries the binary links against.

# ---- build ------------------------------------------------------------------
FROM rust:1-bookworm AS builder
# Diesel's PostgreSQL backend links libpq; SQLite is bundled (compiled from source).
# Versions are not pinned: Debian replaces them with security fixes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# tests/ is a member of the workspace, so Cargo needs it to load the workspace
# even though only the `aduan` package is built.
COPY Cargo.toml Cargo.lock ./
COPY api ./api
COPY tests ./tests
# Cache mounts keep downloaded crates and compiled dependencies between builds;
# the binary is copied out because the target cache is not part of the image.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p aduan \
    && cp target/release/aduan /usr/local/bin/aduan

# ---- web app ----------------------------------------------------------------
# The SPA's API types are generated from openapi.yaml, committed beside it.
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi.yaml /src/openapi.yaml
COPY frontend ./
RUN npm run build

# nginx in front of the API, serving the built SPA (docker-compose's `web`).
FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=spa /src/frontend/dist /usr/share/nginx/html

# ---- run --------------------------------------------------------------------
FROM debian:bookworm-slim AS api
# libpq5: PostgreSQL client library. ca-certificates: TLS to a managed database.
# curl: the health check. Time-zone data is compiled into the binary (chrono-tz).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
# A fixed, non-root uid so volume ownership stays stable across rebuilds.
RUN groupadd --system --gid 10001 aduan \
    && useradd --system --uid 10001 --gid aduan --home-dir /app --shell /usr/sbin/nologin aduan \
    && mkdir -p /app/data \
    && chown aduan:aduan /app/data
COPY --from=builder /usr/local/bin/aduan /usr/local/bin/aduan
# The SPA, so `docker run` alone serves the whole product at `/`
# (the API serves frontend/dist relative to its working directory).
COPY --from=spa /src/frontend/dist /app/frontend/dist
WORKDIR /app
# Listen on every interface inside the container; the SQLite file (when no
# DATABASE_URL is given) and attachments live in the volume.
ENV ADUAN_BIND=0.0.0.0:8080 \
    ADUAN_DATA_DIR=/app/data
# Numeric, so orchestrators can check it is not root without /etc/passwd.
USER 10001:10001
# Declared after chown so a new named volume starts owned by `aduan`.
VOLUME ["/app/data"]
EXPOSE 8080
# Ready means the database answers, not only that the process is up. Shell
# form for `|| exit 1`: Docker defines only 0 (healthy) and 1 (unhealthy).
# hadolint ignore=DL3025
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["aduan"]
CMD ["serve"]
