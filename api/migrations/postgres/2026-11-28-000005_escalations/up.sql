-- Each escalation step of a complaint (seed b.4), once: the key is what
-- makes a step fire once when several replicas run the timed rules.
-- to_user_id is empty for a step past the top of the chain (nobody left).
CREATE TABLE escalations (
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    step INTEGER NOT NULL CHECK (step >= 1),
    to_user_id TEXT REFERENCES users (id),
    reason TEXT NOT NULL,
    escalated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (complaint_id, step)
);
CREATE INDEX escalations_to_user ON escalations (to_user_id, escalated_at);
-- What the timed rules look for.
CREATE INDEX complaints_at_risk ON complaints (sla_at_risk_on) WHERE sla_at_risk_on IS NOT NULL;
CREATE INDEX complaints_status_closed ON complaints (status, closed_at);
CREATE INDEX complaints_status_reporter_due ON complaints (status, reporter_due_on);
-- Reports count disputed complaints (the reopen rate).
CREATE INDEX complaint_events_disputed ON complaint_events (complaint_id) WHERE action = 'disputed';
