DROP INDEX complaints_open_received;
DROP INDEX complaints_status_updated;
