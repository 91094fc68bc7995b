package io.schemaplan.scriptplan;

/** What a statement of a migration script is, as far as locking and transactions are concerned. */
public enum StatementKind {
    /** CREATE / ALTER / DROP / COMMENT and the like: operations of the rule tables. */
    DDL,
    /** UPDATE, DELETE, INSERT … SELECT, TRUNCATE, CREATE TABLE … AS: rows written. */
    DATA,
    /** The migration tool's own bookkeeping ({@code UPDATE alembic_version …}): one row. */
    BOOKKEEPING,
    BEGIN,
    COMMIT,
    ROLLBACK,
    /** SET / RESET of a session setting; lock_timeout and statement_timeout are remembered. */
    SETTING,
    /** VACUUM, ANALYZE. */
    MAINTENANCE,
    /**
     * {@code SELECT setval(…)} / {@code nextval(…)}: a write to a sequence that no ROLLBACK undoes (PostgreSQL's
     * sequence functions are not transactional).
     */
    SEQUENCE,
    /** SELECT and other statements that only read. */
    READ,
    /** Anything the planner does not know: shown as such, never dropped. */
    UNKNOWN
}
