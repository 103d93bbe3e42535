DROP INDEX complaint_events_disputed;
DROP INDEX complaints_status_reporter_due;
DROP INDEX complaints_status_closed;
DROP INDEX complaints_at_risk;
DROP TABLE escalations;
