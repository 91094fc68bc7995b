-- Objects a DBA changes besides columns, keys and indexes (issue 13): domains, storage parameters, column
-- statistics targets, storage and compression, replica identity, inheritance, row level security and
-- policies, rules, materialized views and their indexes. PgObjectsTest loads this, dumps it with the
-- pg_dump on PATH; objects.dump.sql is that dump (pg_dump 15), read by the dump reader.

CREATE DOMAIN public.posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0);
CREATE DOMAIN public.code AS text COLLATE "C"
    CONSTRAINT code_len CHECK (length(VALUE) < 10) CONSTRAINT code_up CHECK (VALUE = upper(VALUE));
CREATE DOMAIN public.amount AS numeric(10,2) DEFAULT 0.00;
ALTER DOMAIN public.amount ADD CONSTRAINT amount_pos CHECK (VALUE >= 0) NOT VALID;
COMMENT ON DOMAIN public.amount IS 'money';
CREATE DOMAIN public.tags AS text[];

-- Storage parameters (the TOAST table's too), statistics targets, column options, row level security and
-- policies.
CREATE TABLE public.account (
    id serial PRIMARY KEY,
    owner text NOT NULL DEFAULT CURRENT_USER,
    score integer DEFAULT 5,
    level public.posint,
    ref public.code,
    balance public.amount,
    labels public.tags
) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false);
ALTER TABLE public.account ALTER COLUMN score SET STATISTICS 1000;
ALTER TABLE public.account ALTER COLUMN owner SET STATISTICS 0;
ALTER TABLE public.account ALTER COLUMN owner SET (n_distinct = -0.5);
ALTER TABLE public.account ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.account FORCE ROW LEVEL SECURITY;
CREATE POLICY account_read ON public.account FOR SELECT USING (owner = CURRENT_USER);
CREATE POLICY account_cap ON public.account AS RESTRICTIVE FOR INSERT TO root WITH CHECK (score < 100);
CREATE POLICY account_all ON public.account USING (true) WITH CHECK (score <> 3);

-- Column storage and compression, replica identity, rules.
CREATE TABLE public.blob (id integer NOT NULL, body text, doc jsonb, raw bytea);
ALTER TABLE public.blob ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE public.blob ALTER COLUMN doc SET STORAGE MAIN;
ALTER TABLE public.blob ALTER COLUMN doc SET COMPRESSION lz4;
ALTER TABLE public.blob ALTER COLUMN raw SET COMPRESSION pglz;
ALTER TABLE public.blob REPLICA IDENTITY FULL;
CREATE RULE blob_no_negative AS ON INSERT TO public.blob WHERE new.id < 0 DO INSTEAD NOTHING;
CREATE RULE blob_notify AS ON UPDATE TO public.blob DO ALSO NOTIFY blob;
CREATE TABLE public.keyed (id integer NOT NULL, k integer NOT NULL);
CREATE UNIQUE INDEX keyed_k ON public.keyed (k);
ALTER TABLE public.keyed REPLICA IDENTITY USING INDEX keyed_k;
CREATE TABLE public.silent (id integer);
ALTER TABLE public.silent REPLICA IDENTITY NOTHING;

-- Inheritance: a child with a merged column and a default of its own (pg_dump prints it as
-- ALTER TABLE ONLY child ALTER COLUMN … SET DEFAULT), a column added to the parent later (the child gets
-- it), a child of two parents, a child that drops an inherited default.
CREATE TABLE public.event (id bigint NOT NULL, at timestamptz DEFAULT now(), kind text);
CREATE TABLE public.audit_event (kind text NOT NULL, actor text) INHERITS (public.event);
ALTER TABLE ONLY public.audit_event ALTER COLUMN id SET DEFAULT 42;
ALTER TABLE public.event ADD COLUMN note text DEFAULT 'n';
CREATE TABLE public.tagged (tag text);
CREATE TABLE public.tagged_event () INHERITS (public.event, public.tagged);
ALTER TABLE ONLY public.tagged_event ALTER COLUMN at DROP DEFAULT;
ALTER TABLE public.tagged_event ALTER COLUMN tag SET STATISTICS 200;

-- A materialized view with storage parameters, a unique index (for REFRESH … CONCURRENTLY) and a comment.
CREATE MATERIALIZED VIEW public.account_scores WITH (fillfactor = 50) AS SELECT id, score FROM public.account;
CREATE UNIQUE INDEX account_scores_id ON public.account_scores (id);
CREATE INDEX account_scores_score ON public.account_scores (score DESC);
COMMENT ON INDEX public.account_scores_score IS 'top scores';
