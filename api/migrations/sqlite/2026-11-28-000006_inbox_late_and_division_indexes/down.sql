DROP INDEX complaints_division_open;
DROP INDEX complaints_open_received;
CREATE INDEX complaints_open_received ON complaints (received_at, id) WHERE sla_due_on IS NOT NULL;
