-- Every binary-coercible cast (pg_cast.castmethod = 'b') of this server, extension types included, with the
-- index methods whose indexes on a column are rebuilt by ALTER COLUMN TYPE across the cast. Read by
-- PostgresStatsReader on a live server; scripts/pg-casts.sql runs it to generate pg-binary-casts.tsv for dumps.
-- Columns: source type, target type (format_type, unqualified), the extension that declares the cast (empty
-- for the core), and the rebuilt index methods (comma-separated, empty when every index keeps its storage).
-- PostgreSQL reuses an index after ALTER COLUMN TYPE only when the new type's default operator class is in
-- the same family as the old one (CheckIndexCompatible), so text -> citext rebuilds a btree index although
-- the heap is not rewritten. Per access method where the source type has a default operator class, the
-- target's family is compared; a type without its own default class uses the class of a type it is
-- binary-coercible to (varchar uses text_ops, the preferred type's), as GetDefaultOpClass does.
WITH family AS (
    -- The default operator family per type and access method: the type's own, else one of a type it casts
    -- to without a function.
    SELECT t.oid AS type, a.oid AS am,
           coalesce((SELECT c.opcfamily FROM pg_opclass c WHERE c.opcmethod = a.oid AND c.opcdefault
                     AND c.opcintype = t.oid),
                    -- among several, the class of the preferred type of its category (varchar: text_ops,
                    -- not bpchar_ops or citext_ops), else the only one
                    (SELECT CASE WHEN count(*) FILTER (WHERE u.typispreferred) = 1
                                 THEN min(c.opcfamily) FILTER (WHERE u.typispreferred)
                                 WHEN count(*) = 1 THEN min(c.opcfamily) END
                     FROM pg_opclass c JOIN pg_cast k ON k.casttarget = c.opcintype
                     JOIN pg_type u ON u.oid = c.opcintype
                     WHERE c.opcmethod = a.oid AND c.opcdefault AND k.castsource = t.oid
                       AND k.castmethod = 'b')) AS opfamily
    FROM pg_type t CROSS JOIN pg_am a
    WHERE a.amtype = 'i' AND t.oid IN (SELECT castsource FROM pg_cast WHERE castmethod = 'b'
                                       UNION SELECT casttarget FROM pg_cast WHERE castmethod = 'b')
)
SELECT regexp_replace(format_type(k.castsource, NULL), '^.*\.', '') AS source,
       regexp_replace(format_type(k.casttarget, NULL), '^.*\.', '') AS target,
       coalesce((SELECT e.extname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                 WHERE d.classid = 'pg_cast'::regclass AND d.objid = k.oid AND d.deptype = 'e'), '') AS extension,
       coalesce((SELECT string_agg(a.amname, ',' ORDER BY a.amname)
                 FROM family s JOIN pg_am a ON a.oid = s.am
                 LEFT JOIN family t ON t.type = k.casttarget AND t.am = s.am
                 WHERE s.type = k.castsource AND s.opfamily IS NOT NULL
                   AND t.opfamily IS DISTINCT FROM s.opfamily), '') AS rebuilt_index_methods
FROM pg_cast k
WHERE k.castmethod = 'b' AND k.castsource <> k.casttarget
ORDER BY 1, 2;
