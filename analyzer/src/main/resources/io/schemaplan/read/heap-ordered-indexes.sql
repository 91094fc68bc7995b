-- The indexes whose key follows the heap's order after a prefix (PostgresStatsReader.HEAP_ORDERED_SQL;
-- scripts/stats-postgres.sql runs the same query): schema, table, index, and the number of distinct
-- prefixes before the first key column with |pg_stats.correlation| >= 0.9. An index without such a column,
-- or with a prefix column that has no statistics (an expression, never analyzed), is left out.
SELECT n.nspname, c.relname, i.relname,
       least(greatest(1, round(coalesce(exp(sum(ln(greatest(1, CASE WHEN p.n_distinct < 0
           THEN -p.n_distinct * greatest(c.reltuples, 1) ELSE p.n_distinct END)::float8))), 1))), 1e15)::bigint
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
WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
GROUP BY n.nspname, c.relname, i.relname, f.pos
HAVING count(p.n_distinct) = f.pos - 1
