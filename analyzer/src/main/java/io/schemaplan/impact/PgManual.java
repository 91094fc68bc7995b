package io.schemaplan.impact;

/** A section of the PostgreSQL manual (or release notes) that a rule rests on. */
public record PgManual(String section, String url) {
    private static final String DOCS = "https://www.postgresql.org/docs/current/";

    public static final PgManual ALTER_TABLE = new PgManual("ALTER TABLE, Description", DOCS + "sql-altertable.html");
    public static final PgManual ALTER_TABLE_NOTES =
            new PgManual("ALTER TABLE, Notes", DOCS + "sql-altertable.html#SQL-ALTERTABLE-NOTES");
    public static final PgManual EXPLICIT_LOCKING =
            new PgManual("Explicit Locking, Table-Level Locks", DOCS + "explicit-locking.html#LOCKING-TABLES");
    public static final PgManual CREATE_INDEX = new PgManual("CREATE INDEX", DOCS + "sql-createindex.html");
    public static final PgManual CREATE_INDEX_CONCURRENTLY = new PgManual(
            "CREATE INDEX, Building Indexes Concurrently", DOCS + "sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY");
    public static final PgManual DROP_INDEX = new PgManual("DROP INDEX, CONCURRENTLY", DOCS + "sql-dropindex.html");
    public static final PgManual ALTER_INDEX = new PgManual("ALTER INDEX, Description", DOCS + "sql-alterindex.html");
    public static final PgManual REINDEX = new PgManual(
            "REINDEX, Rebuilding Indexes Concurrently", DOCS + "sql-reindex.html#SQL-REINDEX-CONCURRENTLY");
    public static final PgManual ALTER_TYPE = new PgManual("ALTER TYPE, Notes", DOCS + "sql-altertype.html");
    public static final PgManual CREATE_TYPE = new PgManual("CREATE TYPE", DOCS + "sql-createtype.html");
    public static final PgManual SEQUENCES = new PgManual("ALTER SEQUENCE", DOCS + "sql-altersequence.html");
    public static final PgManual SEQUENCE_FUNCTIONS = new PgManual("Sequence Manipulation Functions",
            DOCS + "functions-sequence.html");
    public static final PgManual VIEWS = new PgManual("CREATE VIEW, Description", DOCS + "sql-createview.html");
    public static final PgManual FUNCTIONS = new PgManual("CREATE FUNCTION", DOCS + "sql-createfunction.html");
    public static final PgManual TRIGGERS = new PgManual("CREATE TRIGGER", DOCS + "sql-createtrigger.html");
    public static final PgManual SCHEMAS = new PgManual("CREATE SCHEMA", DOCS + "sql-createschema.html");
    public static final PgManual EXTENSIONS = new PgManual("CREATE EXTENSION / ALTER EXTENSION",
            DOCS + "sql-alterextension.html");
    public static final PgManual COMMENT = new PgManual("COMMENT", DOCS + "sql-comment.html");
    public static final PgManual PARTITIONING = new PgManual("Table Partitioning, Partition Maintenance",
            DOCS + "ddl-partitioning.html#DDL-PARTITIONING-DECLARATIVE-MAINTENANCE");
    public static final PgManual DOMAINS = new PgManual("ALTER DOMAIN, Notes", DOCS + "sql-alterdomain.html");
    public static final PgManual CREATE_DOMAIN = new PgManual("CREATE DOMAIN", DOCS + "sql-createdomain.html");
    public static final PgManual STORAGE_PARAMETERS = new PgManual("CREATE TABLE, Storage Parameters",
            DOCS + "sql-createtable.html#SQL-CREATETABLE-STORAGE-PARAMETERS");
    public static final PgManual ROW_SECURITY = new PgManual("Row Security Policies", DOCS + "ddl-rowsecurity.html");
    public static final PgManual POLICIES = new PgManual("CREATE POLICY", DOCS + "sql-createpolicy.html");
    public static final PgManual RULES = new PgManual("CREATE RULE", DOCS + "sql-createrule.html");
    public static final PgManual MATERIALIZED_VIEWS = new PgManual("REFRESH MATERIALIZED VIEW",
            DOCS + "sql-refreshmaterializedview.html");
    public static final PgManual INHERITANCE = new PgManual("Inheritance", DOCS + "ddl-inherit.html");
    public static final PgManual UPDATE = new PgManual("UPDATE; Heap-Only Tuples (HOT)", DOCS + "sql-update.html");
    public static final PgManual DELETE = new PgManual("DELETE", DOCS + "sql-delete.html");
    public static final PgManual INSERT = new PgManual("INSERT", DOCS + "sql-insert.html");
    public static final PgManual TRUNCATE = new PgManual("TRUNCATE, Notes", DOCS + "sql-truncate.html");
    public static final PgManual CREATE_TABLE_AS = new PgManual("CREATE TABLE AS", DOCS + "sql-createtableas.html");
    public static final PgManual GRANT = new PgManual("GRANT, Notes", DOCS + "sql-grant.html");
    public static final PgManual ROLES = new PgManual("CREATE ROLE", DOCS + "sql-createrole.html");
    public static final PgManual CLUSTER = new PgManual("CLUSTER, Notes", DOCS + "sql-cluster.html");
    public static final PgManual VACUUM = new PgManual("VACUUM, Notes", DOCS + "sql-vacuum.html");
    public static final PgManual ANALYZE = new PgManual("ANALYZE, Notes", DOCS + "sql-analyze.html");
    public static final PgManual LOCK = new PgManual("LOCK", DOCS + "sql-lock.html");
    public static final PgManual RELEASE_11 = new PgManual("Release 11, ALTER TABLE ADD COLUMN with a non-null default",
            "https://www.postgresql.org/docs/release/11.0/");
    public static final PgManual RELEASE_12 = new PgManual("Release 12 (SET NOT NULL via CHECK, ADD VALUE in a "
            + "transaction block, REINDEX CONCURRENTLY, ALTER INDEX RENAME lock, ATTACH PARTITION lock, "
            + "timestamp/timestamptz in UTC)", "https://www.postgresql.org/docs/release/12.0/");
    public static final PgManual RELEASE_14 = new PgManual("Release 14, DETACH PARTITION CONCURRENTLY",
            "https://www.postgresql.org/docs/release/14.0/");
}
