package io.schemaplan.impact;

import static io.schemaplan.impact.MyOperation.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One replayable example per {@link MyOperation} that is an ALTER TABLE clause: extra setup after
 * {@link #BASE} (a small InnoDB table {@code t} in utf8mb4, with a parent table {@code p}), the clause, a
 * session setting to run first, and the table's name afterwards (for RENAME).
 */
record MyTraces(String setup, String clause, String session, String tableAfter) {
    static final String BASE = "CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB;"
            + " INSERT INTO p VALUES (1), (2);"
            + " CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b varchar(100), c varchar(50), d int NOT NULL,"
            + " e enum('x','y'), f set('p','q'), g varchar(100) CHARACTER SET latin1,"
            + " h varchar(60) CHARACTER SET utf8mb3, KEY t_a (a))"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;"
            + " INSERT INTO t VALUES (1, 1, 'b1', 'c1', 1, 'x', 'p', 'g1', 'h1'), (2, 2, 'b2', 'c2', 2, 'y', 'q', 'g2', 'h2');";
    static final String FULLTEXT = "ALTER TABLE t ADD FULLTEXT INDEX t_ft (b)";
    static final String FK = "ALTER TABLE t ADD CONSTRAINT t_f FOREIGN KEY (a) REFERENCES p (id)";

    /** Operations that are not an ALTER TABLE clause taking ALGORITHM and LOCK on MariaDB. */
    static final Set<MyOperation> NOT_ALTER_CLAUSES = Set.of(CREATE_TABLE, DROP_TABLE, PARTITION_BY, ADD_PARTITION,
            DROP_PARTITION, CREATE_VIEW, DROP_VIEW, CREATE_TRIGGER, DROP_TRIGGER, CREATE_ROUTINE, DROP_ROUTINE,
            ALTER_ROUTINE, REPLACE_ROUTINE, UPDATE_ROWS, DELETE_ROWS,
            INSERT_SELECT, TRUNCATE, CREATE_TABLE_AS, PRIVILEGES, LOCK_TABLES_READ, LOCK_TABLES_WRITE, CHECK_TABLE,
            REPAIR_TABLE, CREATE_DATABASE, DROP_DATABASE, CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE, SEQUENCE_VALUE);

    /**
     * Clauses the server accepts with a cheaper ALGORITHM than it uses: MariaDB takes ENGINE=Aria with
     * ALGORITHM=INSTANT and copies every row anyway. {@code MyTableOptionsMeasuredTest} checks them by rows copied.
     */
    static final Set<MyOperation> ACCEPTED_CHEAPER_THAN_DONE = Set.of(CHANGE_ENGINE);

    static MyTraces on(String clause) {
        return new MyTraces("", clause, "", "t");
    }

    MyTraces after(String extra) {
        return new MyTraces(setup + extra + ";", clause, session, tableAfter);
    }

    MyTraces session(String s) {
        return new MyTraces(setup, clause, s, tableAfter);
    }

    MyTraces renamesTo(String t) {
        return new MyTraces(setup, clause, session, t);
    }

    static final Map<MyOperation, MyTraces> ALL = new EnumMap<>(Map.ofEntries(
            Map.entry(RENAME_TABLE, on("RENAME TO t_renamed").renamesTo("t_renamed")),
            Map.entry(ADD_COLUMN_LAST, on("ADD COLUMN z int")),
            Map.entry(ADD_COLUMN_WITH_DEFAULT, on("ADD COLUMN z int DEFAULT 5")),
            Map.entry(ADD_COLUMN_NOT_NULL, on("ADD COLUMN z int NOT NULL DEFAULT 3")),
            Map.entry(ADD_COLUMN_MIDDLE, on("ADD COLUMN z int AFTER id")),
            Map.entry(ADD_COLUMN_VOLATILE_DEFAULT, on("ADD COLUMN z char(36) DEFAULT uuid()")),
            Map.entry(ADD_COLUMN_VIRTUAL, on("ADD COLUMN z int AS (a + 1) VIRTUAL")),
            Map.entry(ADD_COLUMN_STORED, on("ADD COLUMN z int AS (a + 1) STORED")),
            Map.entry(ADD_COLUMN_AUTO_INCREMENT, on("ADD COLUMN z int NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY t_z (z)")),
            Map.entry(ADD_COLUMN_TO_COMPRESSED_TABLE, on("ADD COLUMN z int").after("ALTER TABLE t ROW_FORMAT=COMPRESSED")),
            Map.entry(ADD_COLUMN_TO_FULLTEXT_TABLE, on("ADD COLUMN z int").after(FULLTEXT)),
            Map.entry(DROP_COLUMN, on("DROP COLUMN d")),
            Map.entry(DROP_INDEXED_COLUMN, on("DROP COLUMN a")),
            Map.entry(RENAME_COLUMN, on("RENAME COLUMN d TO dd")),
            Map.entry(REORDER_COLUMN, on("MODIFY d int NOT NULL AFTER id")),
            Map.entry(CHANGE_TYPE, on("MODIFY x datetime(6)").after("ALTER TABLE t ADD COLUMN x datetime")),
            Map.entry(INT_WIDEN, on("MODIFY a bigint")),
            Map.entry(SIGNEDNESS, on("MODIFY a int unsigned")),
            Map.entry(NARROW_TYPE, on("MODIFY b varchar(60)")),
            Map.entry(VARCHAR_WIDEN, on("MODIFY v varchar(100)").after("ALTER TABLE t ADD COLUMN v varchar(64)")),
            Map.entry(VARCHAR_WIDEN_FROM_SHORT, on("MODIFY v varchar(100)").after("ALTER TABLE t ADD COLUMN v varchar(31)")),
            Map.entry(VARCHAR_WIDEN_CROSSES_255, on("MODIFY v varchar(64)").after("ALTER TABLE t ADD COLUMN v varchar(63)")),
            Map.entry(VARCHAR_TO_TEXT, on("MODIFY b text")),
            Map.entry(ENUM_APPEND, on("MODIFY e enum('x','y','z')")),
            Map.entry(ENUM_REORDER, on("MODIFY e enum('x','z','y')")),
            Map.entry(ENUM_STORAGE_GROWS, on("MODIFY f set('p','q','r','s','t','u','v','w','x2')")),
            Map.entry(COLUMN_CHARSET_TO_UTF8MB4, on("MODIFY h varchar(60) CHARACTER SET utf8mb4")),
            Map.entry(COLUMN_CHARSET_CHANGE, on("MODIFY c varchar(50) CHARACTER SET utf8mb3")),
            Map.entry(COLUMN_COLLATION, on("MODIFY b varchar(100) COLLATE utf8mb4_unicode_ci")),
            Map.entry(COLUMN_COLLATION_INDEXED, on("MODIFY c varchar(50) COLLATE utf8mb4_unicode_ci")
                    .after("ALTER TABLE t ADD KEY t_c (c)")),
            Map.entry(GENERATED_VIRTUAL_CHANGE, on("MODIFY z int AS (a + 2) VIRTUAL")
                    .after("ALTER TABLE t ADD COLUMN z int AS (a + 1) VIRTUAL")),
            Map.entry(GENERATED_STORED_CHANGE, on("MODIFY z int AS (a + 2) STORED")
                    .after("ALTER TABLE t ADD COLUMN z int AS (a + 1) STORED")),
            Map.entry(SET_DEFAULT, on("ALTER COLUMN a SET DEFAULT 7")),
            Map.entry(DROP_DEFAULT, on("ALTER COLUMN a DROP DEFAULT").after("ALTER TABLE t ALTER COLUMN a SET DEFAULT 7")),
            Map.entry(SET_NOT_NULL, on("MODIFY a int NOT NULL")),
            Map.entry(DROP_NOT_NULL, on("MODIFY d int NULL")),
            Map.entry(SET_AUTO_INCREMENT, on("MODIFY d int NOT NULL AUTO_INCREMENT").after("ALTER TABLE t ADD UNIQUE KEY t_d (d)")),
            Map.entry(DROP_AUTO_INCREMENT, on("MODIFY id int NOT NULL")
                    .after("ALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT")),
            Map.entry(COLUMN_COMMENT, on("MODIFY a int COMMENT 'hi'")),
            Map.entry(COLUMN_VISIBILITY, on("MODIFY a int INVISIBLE")),
            Map.entry(ADD_INDEX, on("ADD INDEX t_b (b)")),
            Map.entry(ADD_UNIQUE, on("ADD UNIQUE KEY t_u (d)")),
            Map.entry(DROP_INDEX, on("DROP INDEX t_a")),
            Map.entry(RENAME_INDEX, on("RENAME INDEX t_a TO t_a2")),
            Map.entry(ADD_FULLTEXT_FIRST, on("ADD FULLTEXT INDEX t_ft (b)")),
            Map.entry(ADD_FULLTEXT, on("ADD FULLTEXT INDEX t_ft2 (c)").after(FULLTEXT)),
            Map.entry(ADD_SPATIAL, on("ADD SPATIAL INDEX t_sp (pt)").after("ALTER TABLE t ADD COLUMN pt point NULL;"
                    + " UPDATE t SET pt = POINT(1, 1); ALTER TABLE t MODIFY pt point NOT NULL")),
            Map.entry(ADD_PRIMARY_KEY, on("ADD PRIMARY KEY (id)").after("ALTER TABLE t DROP PRIMARY KEY")),
            Map.entry(DROP_PRIMARY_KEY, on("DROP PRIMARY KEY")),
            Map.entry(REPLACE_PRIMARY_KEY, on("DROP PRIMARY KEY, ADD PRIMARY KEY (id, d)")),
            Map.entry(ADD_FOREIGN_KEY, on(FK.substring("ALTER TABLE t ".length()))),
            Map.entry(ADD_FOREIGN_KEY_CHECKS_OFF, on(FK.substring("ALTER TABLE t ".length()))
                    .session("SET SESSION foreign_key_checks = 0")),
            Map.entry(DROP_FOREIGN_KEY, on("DROP FOREIGN KEY t_f").after(FK)),
            Map.entry(ADD_CHECK, on("ADD CONSTRAINT t_k CHECK (a >= 0)")),
            Map.entry(DROP_CHECK, on("DROP CONSTRAINT t_k").after("ALTER TABLE t ADD CONSTRAINT t_k CHECK (a >= 0)")),
            Map.entry(CONVERT_CHARSET, on("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")),
            Map.entry(CONVERT_TO_UTF8MB4, on("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
                    .after("ALTER TABLE t DROP COLUMN e, DROP COLUMN f, DROP COLUMN g, ADD KEY t_b (b);"
                            + " ALTER TABLE t CONVERT TO CHARACTER SET utf8mb3")),
            Map.entry(CONVERT_COLLATION, on("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                    .after("ALTER TABLE t DROP COLUMN e, DROP COLUMN f, DROP COLUMN g")),
            Map.entry(CONVERT_COLLATION_INDEXED, on("CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                    .after("ALTER TABLE t DROP COLUMN e, DROP COLUMN f, DROP COLUMN g, ADD KEY t_b (b)")),
            Map.entry(CHANGE_ENGINE, on("ENGINE=Aria")),
            Map.entry(TABLE_DEFAULT_CHARSET, on("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci")),
            Map.entry(ROW_FORMAT, on("ROW_FORMAT=COMPACT")),
            Map.entry(KEY_BLOCK_SIZE, on("KEY_BLOCK_SIZE=8")),
            Map.entry(FORCE_REBUILD, on("FORCE")),
            Map.entry(FORCE_REBUILD_FULLTEXT_TABLE, on("FORCE").after(FULLTEXT)),
            Map.entry(AUTO_INCREMENT_VALUE, on("AUTO_INCREMENT = 1000")),
            Map.entry(TABLE_COMMENT, on("COMMENT 'hello'"))));
}
