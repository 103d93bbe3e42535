-- The SQLite twin: who did what, for accountability (b.7); the database
-- refuses to change or remove an entry.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id TEXT REFERENCES users (id),
    actor_role TEXT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT NOT NULL,
    ip TEXT
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
CREATE INDEX audit_log_object ON audit_log (object_id, occurred_at);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The reports read complaints by the day each step happened, not only by
-- receipt.
CREATE INDEX complaints_verified ON complaints (verified_at);
CREATE INDEX complaints_resolved ON complaints (resolved_at);
CREATE INDEX complaints_closed ON complaints (closed_at);
