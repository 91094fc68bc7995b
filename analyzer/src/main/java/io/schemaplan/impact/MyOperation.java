package io.schemaplan.impact;

/**
 * One MySQL/MariaDB InnoDB DDL operation, at the grain where the algorithm (INSTANT, NOCOPY, INPLACE,
 * COPY) or the lock it needs differ. A schema change maps to one or more of these ({@link MyImpacts});
 * a column type change is classified by {@link MyTypeChanges}. Each constant carries an example clause of
 * {@code ALTER TABLE t …} (or a whole statement where the operation is not an ALTER TABLE clause) and the
 * condition that tells it from its siblings.
 */
public enum MyOperation {
    CREATE_TABLE("CREATE TABLE t (...)", ""),
    DROP_TABLE("DROP TABLE t", ""),
    RENAME_TABLE("RENAME TO u", ""),

    // Columns.
    ADD_COLUMN_LAST("ADD COLUMN c int", "after every existing column"),
    ADD_COLUMN_WITH_DEFAULT("ADD COLUMN c int DEFAULT 0", ""),
    ADD_COLUMN_NOT_NULL("ADD COLUMN c int NOT NULL DEFAULT 0", ""),
    ADD_COLUMN_MIDDLE("ADD COLUMN c int AFTER a", "or FIRST: before an existing column"),
    ADD_COLUMN_VOLATILE_DEFAULT("ADD COLUMN c char(36) DEFAULT uuid()",
            "a default that differs per row: uuid(), sysdate(), another column; current_timestamp() does not"),
    ADD_COLUMN_VIRTUAL("ADD COLUMN c int AS (a + 1) VIRTUAL", ""),
    ADD_COLUMN_STORED("ADD COLUMN c int AS (a + 1) STORED", ""),
    ADD_COLUMN_AUTO_INCREMENT("ADD COLUMN c int NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (c)", ""),
    ADD_COLUMN_TO_COMPRESSED_TABLE("ADD COLUMN c int", "the table has ROW_FORMAT=COMPRESSED"),
    ADD_COLUMN_TO_FULLTEXT_TABLE("ADD COLUMN c int", "the table has a FULLTEXT index"),
    DROP_COLUMN("DROP COLUMN c", ""),
    DROP_INDEXED_COLUMN("DROP COLUMN c", "an index contains c"),
    RENAME_COLUMN("RENAME COLUMN c TO d", ""),
    REORDER_COLUMN("MODIFY c int AFTER a", ""),

    // Column types.
    CHANGE_TYPE("MODIFY c datetime(6)", "was datetime; any other type change"),
    INT_WIDEN("MODIFY c bigint", "was int"),
    SIGNEDNESS("MODIFY c int unsigned", "was int"),
    NARROW_TYPE("MODIFY c varchar(50)", "was varchar(100); also bigint to int"),
    VARCHAR_WIDEN("MODIFY c varchar(100)", "was varchar(64) in utf8mb4: both over 255 bytes, or both up to 255"),
    VARCHAR_WIDEN_FROM_SHORT("MODIFY c varchar(100)", "was varchar(31) in utf8mb4: 124 bytes, now over 255"),
    VARCHAR_WIDEN_CROSSES_255("MODIFY c varchar(64)", "was varchar(63) in utf8mb4: 252 bytes, now 256"),
    VARCHAR_TO_TEXT("MODIFY c text", "was varchar(255)"),
    ENUM_APPEND("MODIFY e enum('a','b','c')", "was enum('a','b')"),
    ENUM_REORDER("MODIFY e enum('c','a','b')", "was enum('a','b'): inserted, removed or reordered"),
    ENUM_STORAGE_GROWS("MODIFY e enum(... 256 labels)", "was 255; SET past 8, 16, 24 or 32 members"),
    COLUMN_CHARSET_TO_UTF8MB4("MODIFY c varchar(60) CHARACTER SET utf8mb4", "was utf8mb3"),
    COLUMN_CHARSET_CHANGE("MODIFY c varchar(60) CHARACTER SET utf8mb3",
            "was utf8mb4; any other character set; any collation change of an ENUM or SET column"),
    COLUMN_COLLATION("MODIFY c varchar(60) COLLATE utf8mb4_unicode_ci",
            "same character set (or utf8mb3 to utf8mb4), another sort order, no index on c"),
    COLUMN_COLLATION_INDEXED("MODIFY c varchar(60) COLLATE utf8mb4_unicode_ci",
            "same character set (or utf8mb3 to utf8mb4), another sort order, c is indexed"),
    GENERATED_VIRTUAL_CHANGE("MODIFY c int AS (a + 2) VIRTUAL", "was AS (a + 1)"),
    GENERATED_STORED_CHANGE("MODIFY c int AS (a + 2) STORED", "was AS (a + 1); or a plain column becomes generated"),

    // Column attributes.
    SET_DEFAULT("ALTER COLUMN c SET DEFAULT 0", ""),
    DROP_DEFAULT("ALTER COLUMN c DROP DEFAULT", ""),
    SET_NOT_NULL("MODIFY c int NOT NULL", ""),
    DROP_NOT_NULL("MODIFY c int NULL", ""),
    SET_AUTO_INCREMENT("MODIFY c int NOT NULL AUTO_INCREMENT", "c already has a unique key"),
    DROP_AUTO_INCREMENT("MODIFY c int NOT NULL", "was AUTO_INCREMENT"),
    COLUMN_COMMENT("MODIFY c int COMMENT 'x'", ""),
    COLUMN_VISIBILITY("MODIFY c int INVISIBLE", "or back to visible"),

    // Indexes and keys.
    ADD_INDEX("ADD INDEX i (c)", ""),
    ADD_UNIQUE("ADD UNIQUE KEY u (c)", ""),
    DROP_INDEX("DROP INDEX i", "also a UNIQUE key"),
    RENAME_INDEX("RENAME INDEX i TO j", ""),
    ADD_FULLTEXT_FIRST("ADD FULLTEXT INDEX f (c)", "the table has no FULLTEXT index yet"),
    ADD_FULLTEXT("ADD FULLTEXT INDEX f (c)", "the table already has one"),
    ADD_SPATIAL("ADD SPATIAL INDEX s (p)", ""),
    ADD_PRIMARY_KEY("ADD PRIMARY KEY (id)", ""),
    DROP_PRIMARY_KEY("DROP PRIMARY KEY", ""),
    REPLACE_PRIMARY_KEY("DROP PRIMARY KEY, ADD PRIMARY KEY (id, d)", ""),
    ADD_FOREIGN_KEY("ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES p (id)", "foreign_key_checks=1"),
    ADD_FOREIGN_KEY_CHECKS_OFF("ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES p (id)", "SET foreign_key_checks=0"),
    DROP_FOREIGN_KEY("DROP FOREIGN KEY f", ""),
    ADD_CHECK("ADD CONSTRAINT k CHECK (c >= 0)", ""),
    DROP_CHECK("DROP CONSTRAINT k", ""),

    // Table options.
    CONVERT_CHARSET("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "a column was latin1 (any character set other than utf8mb3 to utf8mb4), or an ENUM or SET column converts"),
    CONVERT_TO_UTF8MB4("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
            "was utf8mb3_general_ci: the same sort order in utf8mb4"),
    CONVERT_COLLATION("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "was utf8mb4_general_ci or utf8mb3_general_ci; no index on a character column"),
    CONVERT_COLLATION_INDEXED("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "was utf8mb4_general_ci or utf8mb3_general_ci; an index on a character column"),
    TABLE_DEFAULT_CHARSET("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", "existing columns keep theirs"),
    ROW_FORMAT("ROW_FORMAT=COMPACT", ""),
    KEY_BLOCK_SIZE("ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8", "also KEY_BLOCK_SIZE=4 on a compressed table"),
    CHANGE_ENGINE("ENGINE=Aria", "was InnoDB; any other storage engine"),
    FORCE_REBUILD("FORCE", "also ENGINE=InnoDB on an InnoDB table"),
    FORCE_REBUILD_FULLTEXT_TABLE("FORCE", "the table has a FULLTEXT index"),
    AUTO_INCREMENT_VALUE("AUTO_INCREMENT = 1000", ""),
    TABLE_COMMENT("COMMENT 'x'", ""),
    PARTITION_BY("PARTITION BY HASH (id) PARTITIONS 4", ""),
    ADD_PARTITION("ADD PARTITION (PARTITION p2 VALUES LESS THAN (30))", ""),
    DROP_PARTITION("DROP PARTITION p1", ""),

    // Objects that are not tables.
    CREATE_VIEW("CREATE OR REPLACE VIEW v AS SELECT ...", ""),
    DROP_VIEW("DROP VIEW v", ""),
    CREATE_TRIGGER("CREATE TRIGGER g BEFORE UPDATE ON t FOR EACH ROW ...", ""),
    DROP_TRIGGER("DROP TRIGGER g", ""),
    CREATE_ROUTINE("CREATE PROCEDURE p (...) ...", "also FUNCTION or EVENT"),
    DROP_ROUTINE("DROP PROCEDURE p", "also FUNCTION or EVENT"),
    ALTER_ROUTINE("ALTER PROCEDURE p COMMENT 'x'", "only COMMENT, SQL SECURITY or data access changed; any ALTER EVENT"),
    REPLACE_ROUTINE("DROP PROCEDURE p; CREATE PROCEDURE p (...) ...",
            "parameters, return type, body or DETERMINISTIC changed; MariaDB: CREATE OR REPLACE"),
    CREATE_SEQUENCE("CREATE SEQUENCE s", "MariaDB 10.3+; MySQL has no sequences"),
    ALTER_SEQUENCE("ALTER SEQUENCE s INCREMENT BY 10", ""),
    DROP_SEQUENCE("DROP SEQUENCE s", ""),

    // Statements migrations run beside schema changes.
    PRIVILEGES("GRANT / REVOKE, CREATE / ALTER / DROP USER or ROLE, FLUSH PRIVILEGES", ""),
    LOCK_TABLES_READ("LOCK TABLES t READ", ""),
    LOCK_TABLES_WRITE("LOCK TABLES t WRITE", ""),
    SEQUENCE_VALUE("SELECT SETVAL(s, 42)", "also DO SETVAL, NEXTVAL(s), NEXT VALUE FOR s"),
    CHECK_TABLE("CHECK TABLE t", ""),
    REPAIR_TABLE("REPAIR TABLE t", "an InnoDB table"),
    CREATE_DATABASE("CREATE DATABASE d (or CREATE SCHEMA)", ""),
    DROP_DATABASE("DROP DATABASE d (or DROP SCHEMA)", ""),

    // Data statements of a migration script (issue 16).
    UPDATE_ROWS("UPDATE t SET c = 0 [WHERE ...]", ""),
    DELETE_ROWS("DELETE FROM t [WHERE ...]", ""),
    INSERT_SELECT("INSERT INTO t SELECT ... FROM o", ""),
    TRUNCATE("TRUNCATE TABLE t", ""),
    CREATE_TABLE_AS("CREATE TABLE u AS SELECT ... FROM t", "");

    private final String clause;
    private final String condition;

    MyOperation(String clause, String condition) {
        this.clause = clause;
        this.condition = condition;
    }

    /** An example clause of {@code ALTER TABLE t …}, or a whole statement where it is not a clause. */
    public String clause() {
        return clause;
    }

    /** When the clause is this operation rather than a sibling ("was varchar(63) in utf8mb4"), or empty. */
    public String condition() {
        return condition;
    }

    /** Clause and condition, for reports and documentation. */
    public String example() {
        return condition.isEmpty() ? clause : clause + " (" + condition + ")";
    }
}
