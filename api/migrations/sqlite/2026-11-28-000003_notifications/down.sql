DROP TABLE notifications;
DROP TABLE outbox;
ALTER TABLE complaints DROP COLUMN reporter_language;
