-- The language the reporter reads our mail in.
ALTER TABLE complaints ADD COLUMN reporter_language TEXT NOT NULL DEFAULT 'id'
    CHECK (reporter_language IN ('id', 'en'));

-- Mail waiting to go out. Rows are written in the transaction of the event
-- they tell about, so a mail is never lost and a rolled-back action sends
-- nothing; the delivery job claims due rows under a lease (`claimed_until`).
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    complaint_id TEXT REFERENCES complaints (id),
    recipient TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('id', 'en')),
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- What a staff member is told in the app; unread until `read_at`.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_inbox ON notifications (user_id, read_at, created_at);
