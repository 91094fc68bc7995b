package io.schemaplan.impact;

import static io.schemaplan.impact.PgOperation.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * One replayable example per {@link PgOperation}: the setup, the DDL, and which relations to watch.
 * {@code {t}} stands for a fresh table of {@link #ROWS} rows made by {@link #BASE}, {@code {o}} for a
 * second table. {@code table} is the relation the rule's {@code lock} is about, {@code other} the one
 * its {@code otherLock} is about, {@code scanned} the one whose seq_scan counter is watched.
 * {@code blockers} (CONCURRENTLY forms only) are statements other sessions hold open, in order, so the
 * operation stops at each wait and its locks can be read.
 */
record PgTraces(String setup, String ddl, String table, String other, String scanned, List<String> blockers) {
    static final int ROWS = 3000;

    static final String BASE = "CREATE TABLE {t} (id int NOT NULL, a int, b text, c varchar(100), d timestamp, e text)"
            + " WITH (autovacuum_enabled = off);"
            + " INSERT INTO {t} SELECT g, g % 100, 'b' || g, 'c' || g, timestamp '2024-01-01' + g * interval '1 minute',"
            + " 'e' || g FROM generate_series(1, " + ROWS + ") g;"
            + " CREATE INDEX {t}_a ON {t} (a);";
    static final String REFERENCED = "CREATE TABLE {o} (id int PRIMARY KEY) WITH (autovacuum_enabled = off);"
            + " INSERT INTO {o} SELECT g FROM generate_series(0, 99) g;";
    static final String FK = "ALTER TABLE {t} ADD CONSTRAINT {t}_f FOREIGN KEY (a) REFERENCES {o} (id)";
    static final String CHECK = "ALTER TABLE {t} ADD CONSTRAINT {t}_k CHECK (a >= 0)";
    static final String PARENT = "CREATE TABLE {o} (id int NOT NULL, a int, b text, c varchar(100), d timestamp,"
            + " e text) PARTITION BY RANGE (id);";
    static final String ATTACH = "ALTER TABLE {o} ATTACH PARTITION {t} FOR VALUES FROM (0) TO (100000)";
    static final String ENUM = "CREATE TYPE {t}_mood AS ENUM ('a', 'b');";
    static final String VIEW = "CREATE VIEW {t}_v AS SELECT id, a FROM {t}";
    static final String TRIGGER_FUNCTION =
            "CREATE FUNCTION {t}_tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;";
    static final String TRIGGER = "CREATE TRIGGER {t}_g BEFORE UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION {t}_tf()";
    static final String WRITER = "INSERT INTO {t} (id) VALUES (-1)";
    /** A domain without constraints and a filled column of it. */
    static final String DOMAIN = "CREATE DOMAIN {t}_d AS integer; ALTER TABLE {t} ADD COLUMN z {t}_d;"
            + " UPDATE {t} SET z = id;";
    static final String DOMAIN_CHECK = "ALTER DOMAIN {t}_d ADD CONSTRAINT {t}_dk CHECK (VALUE > 0)";
    static final String MATVIEW = "CREATE MATERIALIZED VIEW {t}_m AS SELECT id, a FROM {t};"
            + " CREATE UNIQUE INDEX {t}_mi ON {t}_m (id)";
    static final String POLICY = "CREATE POLICY {t}_p ON {t} USING (a > 0)";
    static final String RULE = "CREATE RULE {t}_r AS ON INSERT TO {t} WHERE new.id < 0 DO INSTEAD NOTHING";
    static final String PARENT_TABLE = "CREATE TABLE {o} (id int NOT NULL, a int) WITH (autovacuum_enabled = off)";

    static PgTraces on(String ddl) {
        return new PgTraces(BASE, ddl, "{t}", null, "{t}", List.of());
    }

    PgTraces after(String extraSetup) {
        return new PgTraces(setup + " " + extraSetup + ";", ddl, table, other, scanned, blockers);
    }

    PgTraces table(String t) {
        return new PgTraces(setup, ddl, t, other, scanned, blockers);
    }

    PgTraces other(String o) {
        return new PgTraces(setup, ddl, table, o, scanned, blockers);
    }

    PgTraces scanned(String s) {
        return new PgTraces(setup, ddl, table, other, s, blockers);
    }

    PgTraces blockedBy(String... statements) {
        return new PgTraces(setup, ddl, table, other, scanned, List.of(statements));
    }

    /** This trace with {t} and {o} replaced by names unique to the operation. */
    PgTraces named(PgOperation op) {
        return named(op, "");
    }

    /** The same with a prefix, for a second independent replay in the same database. */
    PgTraces named(PgOperation op, String prefix) {
        String t = prefix + "t_" + op.name().toLowerCase(Locale.ROOT);
        String o = prefix + "o_" + op.name().toLowerCase(Locale.ROOT);
        java.util.function.UnaryOperator<String> n = s -> s == null ? null : s.replace("{t}", t).replace("{o}", o);
        return new PgTraces(n.apply(setup), n.apply(ddl), n.apply(table), n.apply(other), n.apply(scanned),
                blockers.stream().map(n).toList());
    }

    static final Map<PgOperation, PgTraces> ALL = withLockTables(Map.ofEntries(
            Map.entry(CREATE_SCHEMA, on("CREATE SCHEMA {t}_s")),
            Map.entry(DROP_SCHEMA, on("DROP SCHEMA {t}_s").after("CREATE SCHEMA {t}_s")),
            // Extension names are database-wide, so each trace uses an extension of its own.
            Map.entry(CREATE_EXTENSION, on("CREATE EXTENSION seg")),
            Map.entry(DROP_EXTENSION, on("DROP EXTENSION isn").after("CREATE EXTENSION isn")),
            Map.entry(ALTER_EXTENSION, on("ALTER EXTENSION hstore UPDATE TO '1.8'")
                    .after("CREATE EXTENSION hstore VERSION '1.7'")),
            Map.entry(CREATE_TABLE, on("CREATE TABLE {t}_new (id int PRIMARY KEY, x text)").table("{t}_new")),
            Map.entry(DROP_TABLE, on("DROP TABLE {t}")),
            Map.entry(RENAME_TABLE, on("ALTER TABLE {t} RENAME TO {t}_renamed")),
            Map.entry(ADD_COLUMN, on("ALTER TABLE {t} ADD COLUMN z int")),
            Map.entry(ADD_COLUMN_CONSTANT_DEFAULT, on("ALTER TABLE {t} ADD COLUMN z int DEFAULT 7")),
            Map.entry(ADD_COLUMN_NOT_NULL_WITH_DEFAULT, on("ALTER TABLE {t} ADD COLUMN z int NOT NULL DEFAULT 7")),
            Map.entry(ADD_COLUMN_VOLATILE_DEFAULT, on("ALTER TABLE {t} ADD COLUMN z double precision DEFAULT random()")),
            Map.entry(ADD_COLUMN_SERIAL, on("ALTER TABLE {t} ADD COLUMN z serial")),
            Map.entry(ADD_COLUMN_IDENTITY, on("ALTER TABLE {t} ADD COLUMN z bigint GENERATED ALWAYS AS IDENTITY")),
            Map.entry(ADD_COLUMN_GENERATED_STORED, on("ALTER TABLE {t} ADD COLUMN z int GENERATED ALWAYS AS (a + 1) STORED")),
            Map.entry(DROP_COLUMN, on("ALTER TABLE {t} DROP COLUMN b")),
            Map.entry(RENAME_COLUMN, on("ALTER TABLE {t} RENAME COLUMN b TO b2")),
            Map.entry(ALTER_TYPE_REWRITE, on("ALTER TABLE {t} ALTER COLUMN a TYPE bigint")),
            Map.entry(ALTER_TYPE_BINARY_COERCIBLE, on("ALTER TABLE {t} ALTER COLUMN c TYPE varchar(200)")
                    .after("CREATE INDEX {t}_c ON {t} (c)")),
            Map.entry(ALTER_TYPE_TIMESTAMPTZ_UTC, on("SET LOCAL TimeZone = 'UTC'; ALTER TABLE {t} ALTER COLUMN d TYPE timestamptz")
                    .after("CREATE INDEX {t}_d ON {t} (d)")),
            // citext declares binary-coercible casts from varchar and text, but its operator classes are its own.
            Map.entry(ALTER_TYPE_REINDEX, on("ALTER TABLE {t} ALTER COLUMN c TYPE citext")
                    .after("CREATE EXTENSION IF NOT EXISTS citext; CREATE INDEX {t}_c ON {t} (c)")),
            Map.entry(SET_COLLATION, on("ALTER TABLE {t} ALTER COLUMN e TYPE text COLLATE \"C\"")
                    .after("CREATE INDEX {t}_e ON {t} (e)")),
            Map.entry(SET_DEFAULT, on("ALTER TABLE {t} ALTER COLUMN a SET DEFAULT 0")),
            Map.entry(DROP_DEFAULT, on("ALTER TABLE {t} ALTER COLUMN a DROP DEFAULT")
                    .after("ALTER TABLE {t} ALTER COLUMN a SET DEFAULT 0")),
            Map.entry(SET_NOT_NULL, on("ALTER TABLE {t} ALTER COLUMN a SET NOT NULL")),
            Map.entry(SET_NOT_NULL_WITH_VALID_CHECK, on("ALTER TABLE {t} ALTER COLUMN a SET NOT NULL")
                    .after("ALTER TABLE {t} ADD CONSTRAINT {t}_a_nn CHECK (a IS NOT NULL)")),
            Map.entry(DROP_NOT_NULL, on("ALTER TABLE {t} ALTER COLUMN id DROP NOT NULL")),
            Map.entry(SET_STATISTICS, on("ALTER TABLE {t} ALTER COLUMN a SET STATISTICS 500")),
            Map.entry(ADD_IDENTITY_TO_EXISTING_COLUMN, on("ALTER TABLE {t} ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY")),
            Map.entry(DROP_IDENTITY, on("ALTER TABLE {t} ALTER COLUMN id DROP IDENTITY")
                    .after("ALTER TABLE {t} ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY")),
            Map.entry(ADD_CHECK, on(CHECK)),
            Map.entry(ADD_CHECK_NOT_VALID, on(CHECK + " NOT VALID")),
            Map.entry(VALIDATE_CHECK, on("ALTER TABLE {t} VALIDATE CONSTRAINT {t}_k").after(CHECK + " NOT VALID")),
            Map.entry(ADD_FOREIGN_KEY, on(FK).after(REFERENCED).other("{o}")),
            Map.entry(ADD_FOREIGN_KEY_NOT_VALID, on(FK + " NOT VALID").after(REFERENCED).other("{o}")),
            Map.entry(VALIDATE_FOREIGN_KEY, on("ALTER TABLE {t} VALIDATE CONSTRAINT {t}_f")
                    .after(REFERENCED + FK + " NOT VALID").other("{o}")),
            Map.entry(ADD_PRIMARY_KEY, on("ALTER TABLE {t} ADD PRIMARY KEY (id)")),
            Map.entry(ADD_PRIMARY_KEY_USING_INDEX, on("ALTER TABLE {t} ADD CONSTRAINT {t}_pkey PRIMARY KEY USING INDEX {t}_u")
                    .after("CREATE UNIQUE INDEX {t}_u ON {t} (id)")),
            Map.entry(ADD_UNIQUE, on("ALTER TABLE {t} ADD CONSTRAINT {t}_uq UNIQUE (id)")),
            Map.entry(ADD_UNIQUE_USING_INDEX, on("ALTER TABLE {t} ADD CONSTRAINT {t}_uq UNIQUE USING INDEX {t}_u")
                    .after("CREATE UNIQUE INDEX {t}_u ON {t} (id)")),
            Map.entry(ADD_EXCLUSION, on("ALTER TABLE {t} ADD CONSTRAINT {t}_x EXCLUDE USING gist ((int4range(id, id + 1)) WITH &&)")),
            Map.entry(DROP_CONSTRAINT, on("ALTER TABLE {t} DROP CONSTRAINT {t}_k").after(CHECK)),
            Map.entry(DROP_FOREIGN_KEY, on("ALTER TABLE {t} DROP CONSTRAINT {t}_f").after(REFERENCED + FK).other("{o}")),
            Map.entry(RENAME_CONSTRAINT, on("ALTER TABLE {t} RENAME CONSTRAINT {t}_k TO {t}_k2").after(CHECK)),
            Map.entry(CREATE_INDEX, on("CREATE INDEX {t}_b ON {t} (b)")),
            Map.entry(CREATE_UNIQUE_INDEX, on("CREATE UNIQUE INDEX {t}_u ON {t} (id)")),
            Map.entry(CREATE_INDEX_CONCURRENTLY, on("CREATE INDEX CONCURRENTLY {t}_b ON {t} (b)").blockedBy(WRITER)),
            Map.entry(DROP_INDEX, on("DROP INDEX {t}_a")),
            Map.entry(DROP_INDEX_CONCURRENTLY, on("DROP INDEX CONCURRENTLY {t}_a").blockedBy(WRITER)),
            Map.entry(RENAME_INDEX, on("ALTER INDEX {t}_a RENAME TO {t}_a2")),
            Map.entry(REINDEX, on("REINDEX INDEX {t}_a")),
            Map.entry(REINDEX_CONCURRENTLY, on("REINDEX INDEX CONCURRENTLY {t}_a").blockedBy(WRITER)),
            Map.entry(CREATE_ENUM, on("CREATE TYPE {t}_mood AS ENUM ('a', 'b')")),
            Map.entry(ENUM_ADD_VALUE, on("ALTER TYPE {t}_mood ADD VALUE 'c'")
                    .after(ENUM + " ALTER TABLE {t} ADD COLUMN m {t}_mood DEFAULT 'a'")),
            Map.entry(ENUM_ADD_VALUE_BEFORE, on("ALTER TYPE {t}_mood ADD VALUE 'c' BEFORE 'b'")
                    .after(ENUM + " ALTER TABLE {t} ADD COLUMN m {t}_mood DEFAULT 'a'")),
            Map.entry(ENUM_RENAME_VALUE, on("ALTER TYPE {t}_mood RENAME VALUE 'a' TO 'z'")
                    .after(ENUM + " ALTER TABLE {t} ADD COLUMN m {t}_mood DEFAULT 'a'")),
            Map.entry(ALTER_TYPE, on("ALTER TYPE {t}_pair ADD ATTRIBUTE c int, DROP ATTRIBUTE b")
                    .after("CREATE TYPE {t}_pair AS (a int, b int); ALTER TABLE {t} ADD COLUMN p {t}_pair")),
            Map.entry(DROP_TYPE, on("DROP TYPE {t}_mood").after(ENUM)),
            Map.entry(CREATE_SEQUENCE, on("CREATE SEQUENCE {t}_s").table("{t}_s")),
            Map.entry(ALTER_SEQUENCE, on("ALTER SEQUENCE {t}_s INCREMENT BY 10").after("CREATE SEQUENCE {t}_s").table("{t}_s")),
            Map.entry(SEQUENCE_VALUE, on("SELECT setval('{t}_s', 42)").after("CREATE SEQUENCE {t}_s").table("{t}_s")),
            Map.entry(DROP_SEQUENCE, on("DROP SEQUENCE {t}_s").after("CREATE SEQUENCE {t}_s").table("{t}_s")),
            Map.entry(CREATE_VIEW, on(VIEW).table("{t}_v").other("{t}")),
            Map.entry(CREATE_OR_REPLACE_VIEW, on("CREATE OR REPLACE VIEW {t}_v AS SELECT id, a, b FROM {t}").after(VIEW)
                    .table("{t}_v").other("{t}")),
            Map.entry(DROP_VIEW, on("DROP VIEW {t}_v").after(VIEW).table("{t}_v").other("{t}")),
            Map.entry(CREATE_FUNCTION, on("CREATE FUNCTION {t}_f() RETURNS int LANGUAGE sql AS 'SELECT 1'")),
            Map.entry(DROP_FUNCTION, on("DROP FUNCTION {t}_f()")
                    .after("CREATE FUNCTION {t}_f() RETURNS int LANGUAGE sql AS 'SELECT 1'")),
            Map.entry(CREATE_TRIGGER, on(TRIGGER).after(TRIGGER_FUNCTION)),
            Map.entry(DROP_TRIGGER, on("DROP TRIGGER {t}_g ON {t}").after(TRIGGER_FUNCTION + TRIGGER)),
            Map.entry(SET_UNLOGGED, on("ALTER TABLE {t} SET UNLOGGED")),
            Map.entry(SET_LOGGED, on("ALTER TABLE {t} SET LOGGED").after("ALTER TABLE {t} SET UNLOGGED")),
            Map.entry(COMMENT, on("COMMENT ON TABLE {t} IS 'runs'")),
            Map.entry(ATTACH_PARTITION, on(ATTACH).after(PARENT).table("{o}").other("{t}")),
            Map.entry(DETACH_PARTITION, on("ALTER TABLE {o} DETACH PARTITION {t}").after(PARENT + ATTACH)
                    .table("{o}").other("{t}").scanned("{o}")),
            Map.entry(DETACH_PARTITION_CONCURRENTLY, on("ALTER TABLE {o} DETACH PARTITION {t} CONCURRENTLY")
                    .after(PARENT + ATTACH).table("{o}").other("{t}").scanned("{o}")
                    .blockedBy("SELECT count(*) FROM {o}", "SELECT count(*) FROM {t}")),
            Map.entry(CREATE_DOMAIN, on("CREATE DOMAIN {t}_d AS integer CHECK (VALUE > 0)")),
            Map.entry(ALTER_DOMAIN_SET_DEFAULT, on("ALTER DOMAIN {t}_d SET DEFAULT 1").after(DOMAIN)),
            Map.entry(ALTER_DOMAIN_SET_NOT_NULL, on("ALTER DOMAIN {t}_d SET NOT NULL").after(DOMAIN)),
            Map.entry(ALTER_DOMAIN_DROP_NOT_NULL, on("ALTER DOMAIN {t}_d DROP NOT NULL")
                    .after(DOMAIN + " ALTER DOMAIN {t}_d SET NOT NULL")),
            Map.entry(ALTER_DOMAIN_ADD_CHECK, on(DOMAIN_CHECK).after(DOMAIN)),
            Map.entry(ALTER_DOMAIN_ADD_CHECK_NOT_VALID, on(DOMAIN_CHECK + " NOT VALID").after(DOMAIN)),
            Map.entry(ALTER_DOMAIN_VALIDATE_CHECK, on("ALTER DOMAIN {t}_d VALIDATE CONSTRAINT {t}_dk")
                    .after(DOMAIN + DOMAIN_CHECK + " NOT VALID")),
            Map.entry(ALTER_DOMAIN_DROP_CONSTRAINT, on("ALTER DOMAIN {t}_d DROP CONSTRAINT {t}_dk")
                    .after(DOMAIN + DOMAIN_CHECK)),
            Map.entry(ADD_COLUMN_DOMAIN_CHECK, on("ALTER TABLE {t} ADD COLUMN y {t}_dc")
                    .after("CREATE DOMAIN {t}_dc AS integer CHECK (VALUE > 0)")),
            Map.entry(SET_STORAGE_PARAMETERS, on("ALTER TABLE {t} SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01)")),
            Map.entry(SET_USER_CATALOG_TABLE, on("ALTER TABLE {t} SET (user_catalog_table = true)")),
            Map.entry(SET_COLUMN_OPTIONS, on("ALTER TABLE {t} ALTER COLUMN a SET (n_distinct = 100)")),
            Map.entry(SET_STORAGE, on("ALTER TABLE {t} ALTER COLUMN b SET STORAGE EXTERNAL")),
            Map.entry(SET_COMPRESSION, on("ALTER TABLE {t} ALTER COLUMN b SET COMPRESSION pglz")),
            Map.entry(REPLICA_IDENTITY, on("ALTER TABLE {t} REPLICA IDENTITY FULL")),
            Map.entry(ALTER_ROW_SECURITY, on("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")),
            Map.entry(CREATE_POLICY, on(POLICY)),
            Map.entry(DROP_POLICY, on("DROP POLICY {t}_p ON {t}").after(POLICY)),
            Map.entry(CREATE_RULE, on(RULE)),
            Map.entry(DROP_RULE, on("DROP RULE {t}_r ON {t}").after(RULE)),
            Map.entry(CREATE_MATERIALIZED_VIEW, on("CREATE MATERIALIZED VIEW {t}_m AS SELECT id, a FROM {t}")
                    .table("{t}_m").other("{t}")),
            Map.entry(DROP_MATERIALIZED_VIEW, on("DROP MATERIALIZED VIEW {t}_m").after(MATVIEW)
                    .table("{t}_m").other("{t}")),
            Map.entry(REFRESH_MATERIALIZED_VIEW, on("REFRESH MATERIALIZED VIEW {t}_m").after(MATVIEW)
                    .table("{t}_m").other("{t}")),
            Map.entry(REFRESH_MATERIALIZED_VIEW_CONCURRENTLY, on("REFRESH MATERIALIZED VIEW CONCURRENTLY {t}_m")
                    .after(MATVIEW).table("{t}_m").other("{t}")),
            Map.entry(ADD_INHERIT, on("ALTER TABLE {t} INHERIT {o}").after(PARENT_TABLE).other("{o}")),
            Map.entry(DROP_INHERIT, on("ALTER TABLE {t} NO INHERIT {o}")
                    .after(PARENT_TABLE + "; ALTER TABLE {t} INHERIT {o}").other("{o}")),
            // Data statements. a is indexed, so the UPDATE cannot be HOT; {o} is the table INSERT ... SELECT reads.
            Map.entry(UPDATE_ROWS, on("UPDATE {t} SET a = a + 1")),
            Map.entry(DELETE_ROWS, on("DELETE FROM {t} WHERE id > 0")),
            Map.entry(INSERT_SELECT, on("INSERT INTO {t} SELECT id + 100000, a, b, c, d, e FROM {o}")
                    .after("CREATE TABLE {o} WITH (autovacuum_enabled = off) AS SELECT * FROM {t}")
                    .other("{o}").scanned("{o}")),
            Map.entry(TRUNCATE, on("TRUNCATE {t}")),
            Map.entry(CREATE_TABLE_AS, on("CREATE TABLE {t}_copy AS SELECT * FROM {t}").table("{t}_copy").other("{t}")),
            // Statements beside schema changes. Roles are server-wide: the trace creates and drops its own.
            Map.entry(GRANT_ON_TABLE, on("GRANT SELECT ON {t} TO PUBLIC")),
            Map.entry(GRANT_IN_SCHEMA, on("GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC")),
            Map.entry(PRIVILEGES, on("GRANT USAGE ON SCHEMA {t}_s TO PUBLIC").after("CREATE SCHEMA {t}_s")),
            Map.entry(ROLE, on("CREATE ROLE sp_stmts_trace_role NOLOGIN; DROP ROLE sp_stmts_trace_role")),
            Map.entry(CHANGE_OWNER, on("ALTER TABLE {t} OWNER TO CURRENT_USER")),
            Map.entry(SET_SCHEMA, on("ALTER TABLE {t} SET SCHEMA {t}_s").after("CREATE SCHEMA {t}_s")),
            Map.entry(ALTER_SCHEMA, on("ALTER SCHEMA {t}_s RENAME TO {t}_s2").after("CREATE SCHEMA {t}_s")),
            Map.entry(ALTER_FUNCTION, on("ALTER FUNCTION {t}_f() RENAME TO {t}_f2")
                    .after("CREATE FUNCTION {t}_f() RETURNS int LANGUAGE sql AS 'SELECT 1'")),
            Map.entry(ALTER_POLICY, on("ALTER POLICY {t}_p ON {t} USING (a > 1)").after(POLICY)),
            Map.entry(CLUSTER, on("CLUSTER {t} USING {t}_a")),
            Map.entry(VACUUM_FULL, on("VACUUM FULL {t}").blockedBy("SELECT count(*) FROM {t}")),
            Map.entry(VACUUM, on("VACUUM {t}").blockedBy("LOCK TABLE {t} IN SHARE UPDATE EXCLUSIVE MODE")),
            Map.entry(ANALYZE, on("ANALYZE {t}"))));

    /** LOCK TABLE in every mode, one trace each. */
    private static Map<PgOperation, PgTraces> withLockTables(Map<PgOperation, PgTraces> traces) {
        Map<PgOperation, PgTraces> all = new EnumMap<>(traces);
        for (LockMode m : LockMode.values()) {
            all.put(PgOperation.valueOf("LOCK_TABLE_" + m.name()), on("LOCK TABLE {t} IN " + m.sql() + " MODE"));
        }
        return all;
    }
}
