-- schemaplan statistics, catalog only: no table data is read and no table is locked.
-- Run on the production database with nothing installed:
--     psql -XAtq -f scripts/stats-postgres.sql -d DB > stats.json
-- and give stats.json to schemaplan. Output: one JSON document in the format schemaplan-stats/1.
-- Sizes are relpages * block_size (as of the last VACUUM/ANALYZE), not pg_relation_size(), which would
-- take a lock on every table; rows is reltuples (-1: never analyzed). Same expressions as
-- io.schemaplan.read.PostgresStatsReader. columnBytes is pg_stats.avg_width (sizes new indexes on text keys).
-- Unlike `schemaplan stats`, this script leaves out the server's binary-coercible casts (binaryCasts): a plan
-- from its file uses the cast table generated on a stock server.
SET default_transaction_read_only = on;
SET lock_timeout = '1s';
SET statement_timeout = '60s';
WITH rel AS (
    SELECT c.oid, n.nspname, c.relname, c.reltuples, c.relpages, c.reltoastrelid
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
), bs AS (
    SELECT current_setting('block_size')::bigint AS b
), ix AS (
    SELECT x.indrelid, i.relname, i.relpages::bigint * (SELECT b FROM bs) AS bytes
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid IN (SELECT oid FROM rel)
)
SELECT json_build_object(
    'format', 'schemaplan-stats/1',
    'serverVersion', split_part(current_setting('server_version'), ' ', 1),
    'maintenanceWorkMemBytes', (SELECT setting::bigint * 1024 FROM pg_settings WHERE name = 'maintenance_work_mem'),
    'maxParallelMaintenanceWorkers', current_setting('max_parallel_maintenance_workers')::int,
    'blockSize', current_setting('block_size')::int,
    'tables', coalesce((
        SELECT json_agg(json_build_object(
            'table', r.nspname || '.' || r.relname,
            'rows', greatest(r.reltuples::bigint, -1),
            'heapBytes', r.relpages::bigint * (SELECT b FROM bs),
            'toastBytes', coalesce(t.relpages, 0)::bigint * (SELECT b FROM bs),
            'indexBytes', coalesce((SELECT sum(bytes) FROM ix WHERE ix.indrelid = r.oid), 0)::bigint,
            'indexes', coalesce((SELECT json_object_agg(ix.relname, ix.bytes ORDER BY ix.relname)
                                 FROM ix WHERE ix.indrelid = r.oid), '{}'::json),
            'columnBytes', coalesce((SELECT json_object_agg(s.attname, s.avg_width ORDER BY s.attname)
                                     FROM pg_stats s WHERE s.schemaname = r.nspname AND s.tablename = r.relname
                                       AND NOT s.inherited), '{}'::json)
        ) ORDER BY r.nspname, r.relname)
        FROM rel r LEFT JOIN pg_class t ON t.oid = r.reltoastrelid), '[]'::json)
);
