-- One online submission (JSON, no files, no Idempotency-Key) as the server
-- runs it: the statements below were captured from the PostgreSQL log
-- (log_statement = 'all', tests/bench/run.sh does it again on every run and
-- puts them in the report) with each $n replaced by a pgbench variable.
-- "SELECT 1" is r2d2's check on taking a connection from the pool.
-- Text values come from -D options (see run_pgbench in run.sh); ids and codes
-- are random numbers of similar length (pgbench has no string functions), and
-- register_seq is read back with \gset as the server does.
\set one 1
\set zero 0
\set year 2026
\set target 14
\set id random(1000000000000000000, 9223372036854775807)
\set eid random(1000000000000000000, 9223372036854775807)
\set code random(10000000000000, 99999999999999)
SELECT 1;
BEGIN;
SELECT "categories"."id", "categories"."code", "categories"."name", "categories"."description", "categories"."resolution_days", "categories"."default_division_id", "categories"."active", "categories"."created_at", "categories"."updated_at" FROM "categories" WHERE ("categories"."id" = :category) LIMIT :one;
SELECT "holidays"."day" FROM ("holidays" INNER JOIN "holiday_sets" ON ("holidays"."set_code" = "holiday_sets"."code")) WHERE ("holiday_sets"."enabled" = :yes);
INSERT INTO register_counters (year, last_number) VALUES (2026, 0) ON CONFLICT (year) DO NOTHING;
UPDATE "register_counters" SET "last_number" = ("register_counters"."last_number" + :one) WHERE ("register_counters"."year" = :year);
SELECT "register_counters"."last_number" FROM "register_counters" WHERE ("register_counters"."year" = :year) LIMIT :one \gset
INSERT INTO "complaints" ("id", "tracking_code", "register_year", "register_seq", "kind", "channel", "status", "category_id", "subject", "description", "incident_date", "incident_place", "reporter_name", "reporter_id_type", "reporter_id_number", "reporter_address", "reporter_phone", "reporter_email", "is_anonymous", "is_confidential", "req_identity", "req_address", "req_evidence", "division_id", "assignee_id", "rejection_reason", "duplicate_of_id", "resolution", "received_at", "received_on", "target_days", "extension_days", "paused_days", "waiting_since", "verification_due_on", "resolution_due_on", "reporter_due_on", "sla_due_on", "sla_at_risk_on", "verified_at", "resolved_at", "closed_at", "archived_at", "external_system", "external_id", "external_status", "created_by_id", "search_text", "version", "created_at", "updated_at") VALUES (:id, :code, :year, :last_number, :kind, :channel, :status, :category, :subject, :description, DEFAULT, DEFAULT, :name, :idtype, :nik, :address, DEFAULT, DEFAULT, :no, :no, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, :at, :day, :target, :zero, :zero, DEFAULT, :vdue, :rdue, DEFAULT, :vdue, :vrisk, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, :search, :one, :at, :at);
SELECT max("complaint_events"."seq") FROM "complaint_events" WHERE ("complaint_events"."complaint_id" = :id) LIMIT :one;
INSERT INTO "complaint_events" ("id", "complaint_id", "seq", "occurred_at", "actor_kind", "actor_id", "actor_role", "action", "from_status", "to_status", "visibility", "message", "details") VALUES (:eid, :id, :one, :at, :reporter, DEFAULT, DEFAULT, :submitted, DEFAULT, :status, :public, DEFAULT, :details);
COMMIT;
