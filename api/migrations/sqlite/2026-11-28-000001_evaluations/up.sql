-- The reporter's evaluation of a finished complaint (seed b.8), once each.
CREATE TABLE evaluations (
    complaint_id TEXT PRIMARY KEY REFERENCES complaints (id),
    overall INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 4),
    scores TEXT NOT NULL,
    comment TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX evaluations_created ON evaluations (created_at);
