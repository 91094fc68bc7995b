-- Flyway versioned migration (V<version>__<description>.sql): plain SQL, Flyway wraps it in one transaction.
ALTER TABLE messages ADD COLUMN review_status VARCHAR(20);
UPDATE messages SET review_status = 'normal' WHERE review_status IS NULL;
ALTER TABLE messages ALTER COLUMN review_status SET NOT NULL;
CREATE INDEX message_review_status_idx ON messages (review_status);
