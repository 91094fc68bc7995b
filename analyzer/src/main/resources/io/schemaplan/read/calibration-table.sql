-- The table schemaplan calibrate measures on, shaped like Dify's workflow_runs (the table whose rewrite
-- dominates an upgrade): uuid keys, short varchar/int/timestamp columns, a JSON-like graph text stored
-- inline, and one run in ten with a 3 kB output kept out of line in TOAST (STORAGE EXTERNAL: uncompressed, so
-- cheap to generate yet as large as it looks). Two tokens are
-- replaced before it runs: {{schema}} (a quoted schema name) and {{rows}}. scripts/bench-estimate builds
-- its tables from this file too. The values are deterministic (md5 of the row number), so two builds match.
CREATE TABLE {{schema}}.tenants (id uuid PRIMARY KEY, name varchar(255) NOT NULL);
INSERT INTO {{schema}}.tenants SELECT md5('t' || g)::uuid, 'tenant ' || g FROM generate_series(0, 49) g;
CREATE TABLE {{schema}}.workflow_runs (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    sequence_number integer NOT NULL,
    workflow_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    triggered_from varchar(255) NOT NULL,
    version varchar(255) NOT NULL,
    graph text,
    inputs text,
    status varchar(255) NOT NULL,
    outputs text,
    error text,
    elapsed_time double precision NOT NULL DEFAULT 0,
    total_tokens integer NOT NULL DEFAULT 0,
    total_steps integer DEFAULT 0,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp NOT NULL,
    finished_at timestamp,
    exceptions_count integer DEFAULT 0
);
ALTER TABLE {{schema}}.workflow_runs ALTER COLUMN outputs SET STORAGE EXTERNAL;
-- One md5 per row (h) feeds the id and the texts; tenants, apps, workflows and users come from small arrays
-- built once, because function calls dominate the time this takes.
INSERT INTO {{schema}}.workflow_runs
SELECT h::uuid, (SELECT array_agg(id ORDER BY id) FROM {{schema}}.tenants)[1 + i % 50],
       (ARRAY(SELECT md5('a' || g)::uuid FROM generate_series(0, 499) g))[1 + i % 500], i,
       (ARRAY(SELECT md5('w' || g)::uuid FROM generate_series(0, 1999) g))[1 + i % 2000],
       CASE WHEN i % 3 = 0 THEN 'chat' ELSE 'workflow' END,
       CASE WHEN i % 10 = 0 THEN 'debugging' ELSE 'app-run' END,
       '2024-12-0' || (1 + i % 9) || ' 10:00:00.123456',
       '{"nodes":[{"id":"start","data":{"type":"start","title":"Start"}},{"id":"llm-' || (i % 97)
           || '","data":{"type":"llm","model":{"provider":"openai","name":"gpt-4o"},"prompt":"Answer: '
           || h || ' in ' || (i % 991) || ' words"}},{"id":"end","data":{"type":"end"}}],"edges":['
           || '{"source":"start","target":"llm"},{"source":"llm","target":"end"}],"viewport":{"x":' || (i % 800)
           || ',"y":' || (i % 600) || ',"zoom":1}}',
       '{"query":"' || h || '","sys.user_id":"' || (i % 10000) || '"}',
       CASE WHEN i % 20 = 0 THEN 'failed' ELSE 'succeeded' END,
       CASE WHEN i % 10 = 0 THEN repeat(h, 100) ELSE '{"text":"' || h || ' ' || reverse(h) || '"}' END,
       CASE WHEN i % 20 = 0 THEN 'Node LLM run failed: rate limit' END,
       (i % 5000) / 1000.0, i % 40000, 3 + i % 7, 'account',
       (ARRAY(SELECT md5('u' || g)::uuid FROM generate_series(0, 9999) g))[1 + i % 10000],
       timestamp '2024-01-01' + i * interval '5 seconds',
       timestamp '2024-01-01' + i * interval '5 seconds' + (i % 60) * interval '1 second',
       i % 50 / 49
FROM generate_series(1, {{rows}}) i, LATERAL (SELECT md5('r' || i) AS h) r;
ALTER TABLE {{schema}}.workflow_runs ADD CONSTRAINT workflow_run_pkey PRIMARY KEY (id);
CREATE INDEX workflow_run_triggerd_from_idx ON {{schema}}.workflow_runs (tenant_id, app_id, triggered_from);
CREATE INDEX workflow_run_created_at_idx ON {{schema}}.workflow_runs (created_at);
