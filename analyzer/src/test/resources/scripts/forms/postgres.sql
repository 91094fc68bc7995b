-- The statement forms a migration script writes and pg_dump never does, for PostgreSQL.
-- ScriptFormsServerTest runs this file with psql and compares the live catalog with the replay of it.
-- CHECK expressions are written as the server prints them: the replay keeps an expression as written.
BEGIN;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TYPE mood AS ENUM ('ok', 'sad');

CREATE TABLE accounts (
    id uuid DEFAULT uuid_generate_v4() PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    status varchar(16) DEFAULT 'active' NOT NULL CHECK (((status)::text <> ''::text)),
    logins integer DEFAULT '0' NOT NULL,
    balance numeric(10,2) DEFAULT 0.5,
    ratio numeric DEFAULT -1.5,
    flags boolean DEFAULT 'f',
    big bigint DEFAULT 0,
    created_at timestamptz DEFAULT now() NOT NULL
);

CREATE TABLE a_table_with_a_name_long_enough_to_be_cut_by_postgresql_rules (
    seq serial,
    account_id uuid REFERENCES accounts ON DELETE CASCADE,
    label text,
    UNIQUE (account_id, label),
    CHECK ((char_length(label) < 100))
);

ALTER TABLE accounts ADD COLUMN nickname varchar(64), ADD COLUMN score bigint DEFAULT -1 NOT NULL;
ALTER TABLE accounts RENAME COLUMN nickname TO display_name;
ALTER TABLE accounts ALTER COLUMN display_name TYPE text;
ALTER TABLE accounts ALTER COLUMN logins SET DEFAULT 1;
ALTER TABLE accounts ALTER COLUMN balance DROP DEFAULT;
ALTER TABLE accounts ALTER COLUMN status DROP NOT NULL;
ALTER TABLE accounts ADD COLUMN mood mood DEFAULT 'ok';
ALTER TABLE accounts ADD CONSTRAINT accounts_score_positive CHECK ((score > '-100'::integer));
ALTER TABLE accounts RENAME CONSTRAINT accounts_score_positive TO accounts_score_check;

CREATE INDEX accounts_display_idx ON accounts (lower(display_name));
ALTER INDEX accounts_display_idx RENAME TO accounts_display_name_idx;
CREATE INDEX IF NOT EXISTS accounts_display_name_idx ON accounts (display_name);

ALTER TABLE a_table_with_a_name_long_enough_to_be_cut_by_postgresql_rules RENAME TO memberships;
ALTER TABLE memberships ADD UNIQUE (seq);

CREATE TABLE scratch (id integer);
DROP TABLE scratch;
DROP INDEX IF EXISTS no_such_index;
ALTER TABLE accounts DROP COLUMN IF EXISTS no_such_column;

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.created_at := now(); -- a comment inside the body
    RETURN NEW;
END
$$ LANGUAGE plpgsql VOLATILE;
COMMENT ON FUNCTION touch IS 'keeps created_at current';
COMMENT ON COLUMN accounts.email IS 'the login';

SET lock_timeout = '5s';
UPDATE accounts SET logins = 0 WHERE logins IS NULL;

COMMIT;

CREATE INDEX CONCURRENTLY accounts_created_idx ON accounts (created_at DESC);
