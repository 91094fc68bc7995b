package io.schemaplan.script;

/**
 * One statement of a migration script: its number in the script (1-based, counting every statement, BEGIN and
 * COMMIT included), the line it starts on, the revision it belongs to (from the migration tool's comments; null
 * before the first one, or in a script without them), its SQL without the terminating delimiter and with
 * comments made spaces, and its kind.
 */
public record ScriptStatement(int number, int line, String revision, String sql, Kind kind) {

    /** What a statement does to a transaction, a session, the schema or the data. */
    public enum Kind {
        /** {@code BEGIN}, {@code START TRANSACTION}. */
        BEGIN,
        /** {@code COMMIT}, {@code END}: what ran since BEGIN is committed and its locks released. */
        COMMIT,
        /** {@code ROLLBACK}, {@code ABORT} (not {@code ROLLBACK TO SAVEPOINT}, which ends no transaction). */
        ROLLBACK,
        /** Session settings: {@code SET lock_timeout}, {@code SET search_path}, {@code RESET}, {@code SET NAMES}. */
        SET,
        /** Schema changes: CREATE, ALTER, DROP, COMMENT ON, RENAME TABLE. */
        DDL,
        /** Statements on rows: UPDATE, DELETE, INSERT, MERGE, COPY, TRUNCATE, REPLACE, LOAD DATA. */
        DATA,
        /** Anything else: SELECT, DO blocks, GRANT, ANALYZE, VACUUM, LOCK, SAVEPOINT, … */
        OTHER
    }

    public ScriptStatement {
        if (number < 1 || line < 1) throw new IllegalArgumentException("statement number and line start at 1");
        java.util.Objects.requireNonNull(sql, "sql");
        java.util.Objects.requireNonNull(kind, "kind");
    }
}
