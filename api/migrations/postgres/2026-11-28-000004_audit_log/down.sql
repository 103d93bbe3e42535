DROP INDEX complaints_closed;
DROP INDEX complaints_resolved;
DROP INDEX complaints_verified;
DROP TABLE audit_log;
