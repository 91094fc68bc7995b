-- schemaplan statistics, catalog only: no table data is read and no table is locked.
-- Run on the production database with nothing installed:
--     psql -XAtq -f scripts/stats-postgres.sql -d DB > stats.json
-- and give stats.json to schemaplan. Output: one JSON document in the format schemaplan-stats/1.
-- Sizes are relpages * block_size (as of the last VACUUM/ANALYZE), not pg_relation_size(), which would
-- take a lock on every table; rows is reltuples (-1: never analyzed). Same expressions as
-- io.schemaplan.read.PostgresStatsReader. columnBytes is pg_stats.avg_width (sizes new indexes on text keys).
-- Unlike `schemaplan stats`, this script leaves out the server's binary-coercible casts (binaryCasts): a plan
-- from its file uses the cast table generated on a stock server. checkpoints are the settings that decide how
-- often a long UPDATE crosses a checkpoint; heapOrderedIndexes the indexes whose key follows the heap's order
-- (same query as analyzer/src/main/resources/io/schemaplan/read/heap-ordered-indexes.sql); bufferPoolBytes is
-- shared_buffers in bytes (index entries of a data statement that miss it cost more).
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
), ho AS (
    SELECT c.oid AS indrelid, i.relname,
           least(greatest(1, round(coalesce(exp(sum(ln(greatest(1, CASE WHEN p.n_distinct < 0
               THEN -p.n_distinct * greatest(c.reltuples, 1) ELSE p.n_distinct END)::float8))), 1))), 1e15)::bigint AS prefixes
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL (
        SELECT k.pos FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(att, pos)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.att
        JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname
            AND NOT s.inherited
        WHERE k.pos <= x.indnkeyatts AND abs(s.correlation) >= 0.9
        ORDER BY k.pos LIMIT 1) f
    LEFT JOIN LATERAL (
        SELECT s.n_distinct FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(att, pos)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.att
        JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname
            AND NOT s.inherited
        WHERE k.pos < f.pos) p ON true
    WHERE x.indrelid IN (SELECT oid FROM rel)
    GROUP BY c.oid, i.relname, f.pos
    HAVING count(p.n_distinct) = f.pos - 1
)
SELECT json_build_object(
    'format', 'schemaplan-stats/1',
    'serverVersion', split_part(current_setting('server_version'), ' ', 1),
    'maintenanceWorkMemBytes', (SELECT setting::bigint * 1024 FROM pg_settings WHERE name = 'maintenance_work_mem'),
    'maxParallelMaintenanceWorkers', current_setting('max_parallel_maintenance_workers')::int,
    'blockSize', current_setting('block_size')::int,
    'bufferPoolBytes', pg_size_bytes(current_setting('shared_buffers')),
    'checkpoints', json_build_object(
        'maxWalSizeBytes', (SELECT pg_size_bytes(setting || unit) FROM pg_settings WHERE name = 'max_wal_size'),
        'checkpointTimeoutSeconds', (SELECT setting::bigint FROM pg_settings WHERE name = 'checkpoint_timeout'),
        'checkpointCompletionTarget', current_setting('checkpoint_completion_target')::float8,
        'fullPageWrites', current_setting('full_page_writes')::bool),
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
                                       AND NOT s.inherited), '{}'::json),
            'heapOrderedIndexes', (SELECT json_object_agg(ho.relname, ho.prefixes ORDER BY ho.relname)
                                   FROM ho WHERE ho.indrelid = r.oid)
        ) ORDER BY r.nspname, r.relname)
        FROM rel r LEFT JOIN pg_class t ON t.oid = r.reltoastrelid), '[]'::json)
);
