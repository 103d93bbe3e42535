-- Who did what, for accountability (b.7): sign-ins, staff actions, identity
-- reveals, exports and administration. Like the timeline, the database itself
-- refuses to change or remove an entry (refuse_change is in the initial migration).
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

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The reports read complaints by the day each step happened, not only by
-- receipt.
CREATE INDEX complaints_verified ON complaints (verified_at);
CREATE INDEX complaints_resolved ON complaints (resolved_at);
CREATE INDEX complaints_closed ON complaints (closed_at);
