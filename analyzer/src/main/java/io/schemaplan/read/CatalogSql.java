package io.schemaplan.read;

/**
 * The catalog queries, one per kind of object for the whole database (never one per table: a database
 * with thousands of tables must read in seconds). Each mirrors what pg_dump 15 selects and prints, so
 * the model built from them equals the model read from that database's dump.
 *
 * <p>Parameter conventions: {@code ?::text[]} is the set of namespaces being read, {@code ?::oid[]}
 * the tables found by {@link #TABLES} (the same unnest-join pg_dump uses).
 */
final class CatalogSql {
    private CatalogSql() {
    }

    /** Objects created by CREATE EXTENSION are the extension's, not the user's: pg_dump leaves them out. */
    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND x.objid = " + oid + " AND x.deptype = 'e')";
    }

    private static String comment(String alias, String catalog, String oid, String subId) {
        return "LEFT JOIN pg_catalog.pg_description " + alias + " ON " + alias + ".objoid = " + oid
                + " AND " + alias + ".classoid = 'pg_catalog." + catalog + "'::pg_catalog.regclass AND "
                + alias + ".objsubid = " + subId;
    }

    static final String SERVER_VERSION = "SHOW server_version";

    /** User schemas (public included): not pg_*, not information_schema, not created by an extension. */
    static final String NAMESPACES = """
            SELECT n.nspname FROM pg_catalog.pg_namespace n
            WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
              AND %s
            ORDER BY 1""".formatted(notInExtension("pg_namespace", "n.oid"));

    /** Built-in extensions (plpgsql) have oids below FirstNormalObjectId; pg_dump skips them. */
    static final String EXTENSIONS = """
            SELECT e.extname, n.nspname, e.extversion
            FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
            WHERE e.oid >= 16384""";

    static final String ENUMS = """
            SELECT n.nspname, t.typname,
                   pg_catalog.array_agg(e.enumlabel::pg_catalog.text ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL),
                   d.description
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
            %s
            WHERE t.typtype = 'e' AND n.nspname = ANY(?::text[]) AND %s
            GROUP BY n.nspname, t.typname, d.description""".formatted(
            comment("d", "pg_type", "t.oid", "0"), notInExtension("pg_type", "t.oid"));

    /** Identity sequences (deptype 'i') belong to their column; OWNED BY is an auto dependency ('a'). */
    static final String SEQUENCES = """
            SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL),
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   tn.nspname, tc.relname, ta.attname, d.description
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_catalog.pg_depend o ON o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 AND o.objid = c.oid AND o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 AND o.refobjsubid > 0 AND o.deptype IN ('a', 'i')
            LEFT JOIN pg_catalog.pg_class tc ON tc.oid = o.refobjid
            LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = o.refobjid AND ta.attnum = o.refobjsubid
            %s
            WHERE c.relkind = 'S' AND n.nspname = ANY(?::text[]) AND %s
              AND o.deptype IS DISTINCT FROM 'i'""".formatted(
            comment("d", "pg_class", "c.oid", "0"), notInExtension("pg_class", "c.oid"));

    /**
     * Ordinary and partitioned tables, with a partition's parent and bound; the storage parameters (the
     * TOAST table's prefixed with {@code toast.}, as pg_dump prints them); the parents of an inheritance
     * child in declared order (a partition's parent is not one); the replica identity (with its index);
     * row level security. The parents come from one grouped pass over pg_inherits and the other per-row
     * subqueries run only where they have something to find (behind CASE, which evaluates lazily): run for
     * every row they cost their executor start-up each time (10,000 tables: 650 → 190 ms).
     */
    static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relpersistence = 'u',
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                   pn.nspname, pc.relname,
                   CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
                   d.description,
                   CASE WHEN tc.reloptions IS NULL THEN c.reloptions
                        ELSE pg_catalog.array_cat(c.reloptions, ARRAY(SELECT 'toast.' || o
                             FROM pg_catalog.unnest(tc.reloptions) AS o)) END,
                   ih.schemas, ih.names,
                   c.relreplident,
                   CASE WHEN c.relreplident = 'i' THEN (SELECT ric.relname FROM pg_catalog.pg_index ri
                        JOIN pg_catalog.pg_class ric ON ric.oid = ri.indexrelid
                        WHERE ri.indrelid = c.oid AND ri.indisreplident) END,
                   c.relrowsecurity, c.relforcerowsecurity
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
            LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
            LEFT JOIN (SELECT h.inhrelid,
                              pg_catalog.array_agg(hn.nspname::pg_catalog.text ORDER BY h.inhseqno) AS schemas,
                              pg_catalog.array_agg(hc.relname::pg_catalog.text ORDER BY h.inhseqno) AS names
                       FROM pg_catalog.pg_inherits h
                       JOIN pg_catalog.pg_class hc ON hc.oid = h.inhparent
                       JOIN pg_catalog.pg_namespace hn ON hn.oid = hc.relnamespace
                       GROUP BY h.inhrelid) ih ON ih.inhrelid = c.oid AND NOT c.relispartition
            %s
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(?::text[]) AND %s""".formatted(
            comment("d", "pg_class", "c.oid", "0"), notInExtension("pg_class", "c.oid"));

    /**
     * Live columns in order. The collation is named only when it is not the type's default (pg_dump's
     * rule); a generated column's expression comes from pg_attrdef like a default. The statistics target
     * when set, the storage strategy when it differs from the type's, the compression method when set
     * (pg_dump prints exactly these); inherited: the column comes only from inheritance parents (a
     * partition's columns are its own, as pg_dump prints them); the planner's column options (other
     * attoptions entries belong to extensions: the server here carries a {@code pg_attver} on every column),
     * all of them, filtered by the reader (a per-row subquery to filter them costs ~30 ms per 1,000 tables).
     * A default is printed without its table ({@code pg_get_expr(…, 0)}): a DEFAULT cannot refer to a column,
     * so the text is the same, and the server neither opens nor locks each table to name its columns
     * (~100 ms per 1,000 tables); a generated column's expression does refer to columns and keeps it.
     */
    static final String COLUMNS = """
            SELECT a.attrelid, a.attname, a.attnum, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END),
                   a.attidentity, a.attgenerated,
                   cn.nspname, co.collname, d.description,
                   CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::pg_catalog.int4 END,
                   CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::pg_catalog.text END,
                   CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END,
                   NOT a.attislocal AND NOT rel.relispartition,
                   a.attoptions
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_class rel ON rel.oid = src.tbloid
            JOIN pg_catalog.pg_attribute a ON a.attrelid = src.tbloid
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            %s
            WHERE a.attnum > 0 AND NOT a.attisdropped""".formatted(
            comment("d", "pg_class", "a.attrelid", "a.attnum"));

    /**
     * The constraints pg_dump prints: a foreign key cloned from a partitioned parent (conparentid set) is
     * recreated by ATTACH PARTITION, and an inherited CHECK of a plain inheritance child comes with the
     * parent, so neither is printed; a partition prints its inherited CHECKs itself.
     */
    static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, pg_catalog.pg_get_constraintdef(con.oid)
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_constraint con ON con.conrelid = src.tbloid
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            WHERE con.contype IN ('p', 'u', 'c', 'x', 'f')
              AND NOT (con.contype = 'f' AND con.conparentid <> 0)
              AND NOT (con.contype = 'c' AND NOT con.conislocal AND NOT c.relispartition)""";

    /** Indexes that do not back a PRIMARY KEY / UNIQUE / EXCLUDE constraint; invalid ones are skipped as pg_dump does. */
    static final String INDEXES = """
            SELECT i.indrelid, pg_catalog.pg_get_indexdef(i.indexrelid), d.description
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_index i ON i.indrelid = src.tbloid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_catalog.pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid
                 AND con.contype IN ('p', 'u', 'x')
            %s
            WHERE con.oid IS NULL AND (i.indisvalid OR ic.relkind = 'I') AND i.indisready""".formatted(
            comment("d", "pg_class", "i.indexrelid", "0"));

    /** A trigger cloned onto a partition from its parent's (tgparentid set) is not printed by pg_dump. */
    static final String TRIGGERS = """
            SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, false)
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_trigger t ON t.tgrelid = src.tbloid
            WHERE NOT t.tgisinternal AND t.tgparentid = 0""";

    /** Row level security policies; roles are null for PUBLIC ({@code polroles = '{0}'}). */
    static final String POLICIES = """
            SELECT p.polrelid, p.polname, NOT p.polpermissive, p.polcmd,
                   CASE WHEN p.polroles <> '{0}'::pg_catalog.oid[] THEN ARRAY(SELECT r.rolname::pg_catalog.text
                        FROM pg_catalog.pg_roles r WHERE r.oid = ANY(p.polroles)) END,
                   pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_policy p ON p.polrelid = src.tbloid""";

    /** Rewrite rules of tables (a view's {@code _RETURN} rule is the view). */
    static final String RULES = """
            SELECT r.ev_class, r.rulename, pg_catalog.pg_get_ruledef(r.oid), r.ev_enabled
            FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS src(tbloid)
            JOIN pg_catalog.pg_rewrite r ON r.ev_class = src.tbloid
            WHERE r.rulename <> '_RETURN'""";

    /** Domains; the collation is named only when it is not the base type's (pg_dump's rule). */
    static final String DOMAINS = """
            SELECT n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull,
                   t.typdefault, cn.nspname, co.collname, d.description
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation AND t.typcollation <> bt.typcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            %s
            WHERE t.typtype = 'd' AND n.nspname = ANY(?::text[]) AND %s""".formatted(
            comment("d", "pg_type", "t.oid", "0"), notInExtension("pg_type", "t.oid"));

    /** The CHECK constraints of the domains above. */
    static final String DOMAIN_CHECKS = """
            SELECT n.nspname, t.typname, con.conname, pg_catalog.pg_get_constraintdef(con.oid)
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_type t ON t.oid = con.contypid
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE con.contype = 'c' AND t.typtype = 'd' AND n.nspname = ANY(?::text[])""";

    /** Indexes of materialized views. */
    static final String MATVIEW_INDEXES = """
            SELECT n.nspname, c.relname, pg_catalog.pg_get_indexdef(i.indexrelid), d.description
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            %s
            WHERE c.relkind = 'm' AND n.nspname = ANY(?::text[]) AND i.indisvalid AND i.indisready""".formatted(
            comment("d", "pg_class", "i.indexrelid", "0"));

    /** Views and materialized views; the storage parameters of a materialized view as for tables. */
    static final String VIEWS = """
            SELECT n.nspname, c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid), d.description,
                   CASE WHEN c.relkind = 'm' THEN pg_catalog.array_cat(c.reloptions, (SELECT pg_catalog.array_agg('toast.' || o)
                        FROM pg_catalog.pg_class tc, pg_catalog.unnest(tc.reloptions) AS o WHERE tc.oid = c.reltoastrelid)) END
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            %s
            WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY(?::text[]) AND %s""".formatted(
            comment("d", "pg_class", "c.oid", "0"), notInExtension("pg_class", "c.oid"));

    /**
     * Functions, procedures, window functions and (to warn about them) aggregates. Cost and rows are read
     * as text because pg_dump compares and prints them as text.
     */
    static final String ROUTINES = """
            SELECT n.nspname, p.proname, p.prokind, pg_catalog.pg_get_function_arguments(p.oid),
                   CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END,
                   l.lanname, p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel,
                   p.procost::pg_catalog.text, p.prorows::pg_catalog.text, p.proretset, p.proconfig, p.prosrc,
                   CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END,
                   d.description
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            %s
            WHERE n.nspname = ANY(?::text[]) AND %s""".formatted(
            comment("d", "pg_proc", "p.oid", "0"), notInExtension("pg_proc", "p.oid"));

    /**
     * The tables the session's role cannot read: it needs USAGE on the schema and SELECT on the table (the
     * LOCK TABLE of the read, as pg_dump's, needs both). The catalog itself lists every table to every role.
     */
    static final String UNREADABLE_TABLES = """
            SELECT c.oid, n.nspname, c.relname, pg_catalog.has_schema_privilege(n.oid, 'USAGE')
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = ANY(?::pg_catalog.oid[])
              AND NOT (pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_table_privilege(c.oid, 'SELECT'))
            ORDER BY n.nspname, c.relname""";

    /**
     * Who holds (or is queued for) the ACCESS EXCLUSIVE lock that made our LOCK TABLE time out; asked
     * after the timeout, in a fresh transaction.
     */
    static final String LOCK_HOLDERS = """
            SELECT n.nspname, c.relname, l.pid, a.query, l.granted
            FROM pg_catalog.pg_locks l
            JOIN pg_catalog.pg_class c ON c.oid = l.relation
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
              AND l.relation = ANY(?::pg_catalog.oid[]) AND l.pid <> pg_catalog.pg_backend_pid()
            ORDER BY l.granted DESC, n.nspname, c.relname
            LIMIT 1""";
}
