-- Portable column types only (TEXT, BOOLEAN, INTEGER, BIGINT, DATE, TIMESTAMP):
-- the SQLite migration declares the same tables, and a test checks they agree.
-- Identifiers are UUIDs as text; timestamps are UTC.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE divisions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    email TEXT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    division_id TEXT REFERENCES divisions (id),
    supervisor_id TEXT REFERENCES users (id),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    rotated_at TIMESTAMP,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    resolution_days INTEGER NOT NULL CHECK (resolution_days BETWEEN 1 AND 60),
    default_division_id TEXT REFERENCES divisions (id),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE holiday_sets (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    enabled BOOLEAN NOT NULL
);

CREATE TABLE holidays (
    id TEXT PRIMARY KEY,
    day DATE NOT NULL,
    name TEXT NOT NULL,
    set_code TEXT NOT NULL REFERENCES holiday_sets (code),
    UNIQUE (day, set_code)
);

CREATE TABLE register_counters (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE complaints (
    id TEXT PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE,
    register_year INTEGER NOT NULL,
    register_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    category_id TEXT NOT NULL REFERENCES categories (id),
    subject TEXT NOT NULL,
    description TEXT NOT NULL,
    incident_date DATE,
    incident_place TEXT,
    reporter_name TEXT,
    reporter_id_type TEXT,
    reporter_id_number TEXT,
    reporter_address TEXT,
    reporter_phone TEXT,
    reporter_email TEXT,
    is_anonymous BOOLEAN NOT NULL,
    is_confidential BOOLEAN NOT NULL,
    req_identity BOOLEAN,
    req_address BOOLEAN,
    req_evidence BOOLEAN,
    division_id TEXT REFERENCES divisions (id),
    assignee_id TEXT REFERENCES users (id),
    rejection_reason TEXT,
    duplicate_of_id TEXT REFERENCES complaints (id),
    resolution TEXT,
    received_at TIMESTAMP NOT NULL,
    received_on DATE NOT NULL,
    target_days INTEGER NOT NULL,
    extension_days INTEGER NOT NULL,
    paused_days INTEGER NOT NULL,
    waiting_since DATE,
    verification_due_on DATE NOT NULL,
    resolution_due_on DATE NOT NULL,
    reporter_due_on DATE,
    sla_due_on DATE,
    sla_at_risk_on DATE,
    verified_at TIMESTAMP,
    resolved_at TIMESTAMP,
    closed_at TIMESTAMP,
    archived_at TIMESTAMP,
    external_system TEXT,
    external_id TEXT,
    external_status TEXT,
    created_by_id TEXT REFERENCES users (id),
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (register_year, register_seq),
    UNIQUE (external_system, external_id)
);
CREATE INDEX complaints_received ON complaints (received_at, id);
CREATE INDEX complaints_updated ON complaints (updated_at, id);
CREATE INDEX complaints_status ON complaints (status, received_at);
CREATE INDEX complaints_division ON complaints (division_id, received_at);
CREATE INDEX complaints_assignee ON complaints (assignee_id);
CREATE INDEX complaints_category ON complaints (category_id);
CREATE INDEX complaints_sla ON complaints (sla_due_on);
-- Substring search (LIKE '%term%') over subject, description, code and name.
CREATE INDEX complaints_search ON complaints USING gin (search_text gin_trgm_ops);

CREATE TABLE complaint_events (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    seq INTEGER NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT REFERENCES users (id),
    actor_role TEXT,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    visibility TEXT NOT NULL,
    message TEXT,
    details TEXT,
    UNIQUE (complaint_id, seq)
);

-- The timeline is the record of who did what: the database itself refuses
-- to change or remove it.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER complaint_events_append_only
    BEFORE UPDATE OR DELETE ON complaint_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER complaint_events_no_truncate
    BEFORE TRUNCATE ON complaint_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    event_id TEXT REFERENCES complaint_events (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    uploaded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_complaint ON attachments (complaint_id);

CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, key)
);
