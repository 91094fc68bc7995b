-- Running upgrade 9e6fa5cbcd80 -> f9f6d18a37f9

ALTER TABLE messages ADD COLUMN review_status VARCHAR(20) NULL;

UPDATE messages SET review_status = 'normal';

ALTER TABLE messages MODIFY review_status VARCHAR(40) NULL;

CREATE INDEX message_review_status_idx ON messages (review_status);

UPDATE alembic_version SET version_num='f9f6d18a37f9' WHERE alembic_version.version_num = '9e6fa5cbcd80';
