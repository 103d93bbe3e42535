-- A single-status inbox sorted by last change reads this index in order
-- instead of walking every complaint by date and filtering.
CREATE INDEX complaints_status_updated ON complaints (status, updated_at, id);
-- Only complaints still being handled have an SLA due date: the overdue and
-- at-risk lists read this smaller index in order of receipt.
CREATE INDEX complaints_open_received ON complaints (received_at, id) WHERE sla_due_on IS NOT NULL;
