-- The statement forms a migration script writes and mysqldump never does, for MySQL/MariaDB.
-- ScriptFormsServerTest runs this file on MariaDB and compares the live catalog with the replay of it.
CREATE TABLE accounts (
    id CHAR(36) NOT NULL,
    email VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    logins INTEGER NOT NULL DEFAULT 0,
    price NUMERIC(10, 7) NOT NULL DEFAULT (0.001),
    flags BOOL NOT NULL DEFAULT false,
    settings JSON,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_email_key UNIQUE (email)
);

CREATE TABLE memberships (
    id INTEGER NOT NULL AUTO_INCREMENT,
    account_id CHAR(36) NOT NULL,
    label VARCHAR(100),
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE INDEX memberships_label_idx ON memberships (label);
CREATE UNIQUE INDEX memberships_account_label_idx ON memberships (account_id, label);

ALTER TABLE accounts ADD COLUMN nickname VARCHAR(64) NULL AFTER email, ADD COLUMN score BIGINT NOT NULL DEFAULT -1;
ALTER TABLE accounts MODIFY status VARCHAR(32) NULL DEFAULT 'new';
ALTER TABLE accounts CHANGE nickname display_name VARCHAR(80) NULL;
ALTER TABLE accounts ALTER COLUMN logins SET DEFAULT 1;
ALTER TABLE accounts RENAME COLUMN score TO points;
ALTER TABLE memberships DROP INDEX memberships_label_idx;
ALTER TABLE memberships ADD INDEX memberships_label_idx (label(20));
ALTER TABLE memberships RENAME INDEX memberships_label_idx TO memberships_label_prefix_idx;

CREATE TABLE scratch (id INTEGER);
RENAME TABLE scratch TO scratch2;
DROP TABLE scratch2;
DROP TABLE IF EXISTS no_such_table;

UPDATE accounts SET logins = 0 WHERE logins IS NULL;
