package io.schemaplan.impact;

import static io.schemaplan.impact.Cost.INDEX_BUILD;
import static io.schemaplan.impact.Cost.NOTHING;
import static io.schemaplan.impact.Cost.TABLE_AND_INDEX_BYTES;
import static io.schemaplan.impact.MyEngine.MYSQL_8_0_12;
import static io.schemaplan.impact.MyEngine.MYSQL_8_0_28;
import static io.schemaplan.impact.MyEngine.MYSQL_8_0_29;
import static io.schemaplan.impact.MyEngine.MYSQL_8_4;
import static io.schemaplan.impact.MyOperation.*;
import static io.schemaplan.impact.MyRule.Lock.EXCLUSIVE;
import static io.schemaplan.impact.MyRule.Lock.NONE;
import static io.schemaplan.impact.MyRule.Lock.SHARED;

import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The MySQL/MariaDB InnoDB rule table: for each {@link MyOperation} and server profile ({@link MyEngine}),
 * the cheapest algorithm and weakest lock the server accepts, whether the table is rebuilt, what the
 * duration grows with, a safer recipe and the manual section. The table is data, written once below; a
 * row without a family applies to every MySQL and every MariaDB profile (MySQL's in-place-without-rebuild
 * is MariaDB's NOCOPY). {@code MyRulesServerTest} asks the local MariaDB for every MariaDB rule; MySQL
 * rules rest on the manual section they cite.
 */
public final class MyRules {

    // Rule ids: stable names a CI policy can refer to; operations with the same hazard share one.
    public static final String INSTANT = "MY-INSTANT";
    public static final String INPLACE_NO_REBUILD = "MY-INPLACE-NO-REBUILD";
    public static final String INPLACE_REBUILD = "MY-INPLACE-REBUILD";
    public static final String INPLACE_LOCKED = "MY-INPLACE-LOCKED";
    public static final String COPY_TYPE = "MY-COPY-TYPE";
    public static final String COPY_TABLE = "MY-COPY-TABLE";
    public static final String COPY_FOREIGN_KEY = "MY-COPY-FOREIGN-KEY";
    public static final String DROP_DATA = "MY-DROP-DATA";
    public static final String RENAME = "MY-RENAME";
    public static final String CATALOG = "MY-CATALOG-ONLY";
    public static final String ROUTINE_GAP = "MY-ROUTINE-DROP-CREATE";
    public static final String DATA_UPDATE = "MY-DATA-UPDATE";
    public static final String DATA_DELETE = "MY-DATA-DELETE";
    public static final String DATA_INSERT_SELECT = "MY-DATA-INSERT-SELECT";
    public static final String TRUNCATE_TABLE = "MY-TRUNCATE";
    public static final String LOCK_TABLES = "MY-LOCK-TABLES";
    public static final String TABLE_AS = "MY-CREATE-TABLE-AS";
    public static final String CHECK = "MY-CHECK-TABLE";
    public static final String REPAIR = "MY-REPAIR-TABLE";
    public static final String SEQUENCE_WRITE = "MY-SEQUENCE-WRITE";
    public static final String NO_SEQUENCES = "MY-NO-SEQUENCES";

    // Safer recipes shared by several rules.
    static final String LOCK_WAIT = "Run it under SET SESSION lock_wait_timeout = 5 and retry on timeout: the "
            + "statement needs an exclusive metadata lock for a moment, and while it waits behind a long "
            + "transaction on the table every later query on the table queues behind it.";
    static final String MERGE = "Merge every change to this table into one ALTER TABLE statement, so the table "
            + "is rebuilt or copied once rather than once per change.";
    static final String REPLICA_LAG = "Replicas lag by the statement's full duration: the ALTER replicates as one "
            + "statement that starts on a replica only when it has finished on the primary and runs as long there.";
    static final String ONLINE_TOOL = "For a large table use an online schema change tool, which copies rows in "
            + "small chunks while writes go on (they replicate chunk by chunk, so replicas do not lag by the whole "
            + "copy) and swaps the tables at the end: pt-online-schema-change --alter \"%1$s\" D=db,t=t --execute, "
            + "or gh-ost --alter=\"%1$s\" --database=db --table=t --execute (gh-ost needs binlog_format=ROW).";
    static final String FOREIGN_KEY_CHECKS_OFF = "SET SESSION foreign_key_checks = 0 before the ALTER: the key is "
            + "then added in place without a copy while writes go on, but existing rows are not checked, so check "
            + "them first (SELECT ... LEFT JOIN parent ... WHERE parent.id IS NULL).";
    static final String DEPLOY_FIRST = "Deploy application code that no longer uses the object first and keep a "
            + "backup: the data cannot be recovered by a rollback later (DDL is not transactional on MySQL).";
    static final String RENAME_COMPAT = "Running application instances still use the old name: add the new name "
            + "beside the old (a column kept in step, a view), switch the code, then drop the old.";
    static final String NOTHING_TO_DO = "";
    static final String ROUTINE_LOCK_WAIT = "Run it under SET SESSION lock_wait_timeout = 5 and retry on timeout: it "
            + "needs an exclusive metadata lock on the routine, so it waits for every open transaction that has "
            + "called the routine, and calls that start meanwhile queue behind it.";
    static final String BATCHES = "Batch it by primary key range, one transaction per batch of a few thousand rows "
            + "(... WHERE id >= lo AND id < hi AND <condition>; COMMIT; next range), so each batch holds its row "
            + "locks for a moment, its undo log stays small and replicas apply it batch by batch instead of lagging "
            + "by the whole statement; build the index the WHERE needs first, or each batch reads the table.";
    static final String SOURCE_LOCKS = "Under REPEATABLE READ (the default) InnoDB reads the source with shared "
            + "next-key locks, so writers of the source rows wait until commit; copy in primary key batches, or run "
            + "the session at READ COMMITTED (with binlog_format=ROW) so the source is read without locks.";

    private static final List<MyRule> RULES = build(
            // Tables.
            on(CREATE_TABLE).id(CATALOG).says("Creates a new table; no existing table is touched (a FOREIGN KEY "
                    + "takes a shared metadata lock on the referenced table).").safer(NOTHING_TO_DO)
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(DROP_TABLE).id(DROP_DATA).lock(EXCLUSIVE)
                    .says("Drops the table and its data under an exclusive metadata lock (brief, but it waits for "
                            + "every open transaction that used the table).").safer(DEPLOY_FIRST)
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(RENAME_TABLE).mysql().id(RENAME).says("Renames the table (metadata only); queries using the old name "
                    + "fail at once.").safer(RENAME_COMPAT).source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(RENAME_TABLE).mariadb().id(RENAME).lock(EXCLUSIVE).says("Renames the table (metadata only; MariaDB "
                    + "accepts only LOCK=EXCLUSIVE, held for a moment); queries using the old name fail at once.")
                    .safer(RENAME_COMPAT).source(MyManual.MARIADB_INSTANT),

            // Adding columns.
            on(ADD_COLUMN_LAST).says("Adds a nullable column last: INSTANT (metadata only) since MySQL 8.0.12 "
                    + "and MariaDB 10.3.").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(ADD_COLUMN_WITH_DEFAULT).says("Adds a column with a default: INSTANT, the default is kept in the "
                    + "metadata and existing rows are not rewritten.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(ADD_COLUMN_NOT_NULL).says("Adds a NOT NULL column with a default: INSTANT, existing rows read the "
                    + "default from the metadata.").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            // MariaDB evaluates such a default once per row, so only COPY can fill the column (measured on
            // 10.11: uuid(), sysdate() and a default naming another column; rand() and current_timestamp() stay
            // INSTANT). MySQL refuses INSTANT for any expression default, deterministic or not.
            on(ADD_COLUMN_VOLATILE_DEFAULT).copy().says("Adds a column whose default differs per row (uuid(), "
                    + "sysdate(), another column): every row gets its own value, so the table is copied while writes "
                    + "wait (LOCK=SHARED).").safer("Add the column without a default (INSTANT), fill it in batches "
                    + "(UPDATE ... WHERE id BETWEEN ...), then SET DEFAULT (INSTANT); or use an online schema change "
                    + "tool. " + REPLICA_LAG).sources(MyManual.MYSQL_DEFAULT_VALUES, MyManual.MARIADB_OVERVIEW),
            on(ADD_COLUMN_MIDDLE).profiles(MYSQL_8_0_12, MYSQL_8_0_28).rebuild()
                    .says("Adds a column before an existing one: before 8.0.29 only a last column is INSTANT, so "
                            + "the table is rebuilt in place (writes go on; it lasts as long as a copy).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(ADD_COLUMN_MIDDLE).profiles(MYSQL_8_0_29, MYSQL_8_4).says("Adds a column at any position: INSTANT "
                    + "since 8.0.29 (at most 64 instant row versions per table; then a rebuild is needed).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(ADD_COLUMN_MIDDLE).mariadb().says("Adds a column at any position: INSTANT since MariaDB 10.4.")
                    .source(MyManual.MARIADB_INSTANT),
            on(ADD_COLUMN_VIRTUAL).says("Adds a VIRTUAL generated column: INSTANT, nothing is stored.")
                    .sources(MyManual.MYSQL_GENERATED_COLUMNS, MyManual.MARIADB_INSTANT),
            on(ADD_COLUMN_STORED).copy().says("Adds a STORED generated column: the value is computed for every row, "
                    + "so the table is copied while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_GENERATED_COLUMNS, MyManual.MARIADB_OVERVIEW),
            on(ADD_COLUMN_AUTO_INCREMENT).rebuild().lock(SHARED).says("Adds an AUTO_INCREMENT column: every row "
                    + "draws a value, so the table is rebuilt in place and writes wait throughout (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(ADD_COLUMN_TO_COMPRESSED_TABLE).rebuild().says("Adds a column to a ROW_FORMAT=COMPRESSED table: "
                    + "INSTANT is not supported there, so the table is rebuilt in place (writes go on).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(ADD_COLUMN_TO_FULLTEXT_TABLE).rebuild().lock(SHARED).says("Adds a column to a table with a FULLTEXT "
                    + "index: INSTANT is not supported there, and a rebuild of a table with a FULLTEXT index cannot "
                    + "let writes go on (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INPLACE),

            // Dropping, renaming, reordering columns.
            on(DROP_COLUMN).profiles(MYSQL_8_0_12, MYSQL_8_0_28).id(DROP_DATA).rebuild()
                    .says("Drops a column: before 8.0.29 the table is rebuilt in place (writes go on).")
                    .safer(DEPLOY_FIRST).source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(DROP_COLUMN).profiles(MYSQL_8_0_29, MYSQL_8_4).id(DROP_DATA)
                    .says("Drops a column: INSTANT since 8.0.29 (the data stays in old rows until they are rewritten).")
                    .safer(DEPLOY_FIRST).source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(DROP_COLUMN).mariadb().id(DROP_DATA)
                    .says("Drops a column: INSTANT since MariaDB 10.4.").safer(DEPLOY_FIRST).source(MyManual.MARIADB_INSTANT),
            on(DROP_INDEXED_COLUMN).mysql().id(DROP_DATA).rebuild()
                    .says("Drops a column that an index contains: the index changes with it, so the table is rebuilt "
                            + "in place (writes go on).").safer(DEPLOY_FIRST).source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(DROP_INDEXED_COLUMN).mariadb().id(DROP_DATA).inplace()
                    .says("Drops a column that an index contains: not INSTANT, but NOCOPY (the column goes instantly, "
                            + "the indexes on it are dropped or rebuilt; writes go on).")
                    .safer(DEPLOY_FIRST).source(MyManual.MARIADB_NOCOPY),
            on(RENAME_COLUMN).profiles(MYSQL_8_0_12, MYSQL_8_0_12).id(RENAME).inplace()
                    .says("Renames a column: in place, metadata only (INSTANT from 8.0.28); queries using the old "
                            + "name fail at once.").safer(RENAME_COMPAT).source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(RENAME_COLUMN).profiles(MYSQL_8_0_28, MYSQL_8_4).id(RENAME)
                    .says("Renames a column: INSTANT since 8.0.28; queries using the old name fail at once.")
                    .safer(RENAME_COMPAT).source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(RENAME_COLUMN).mariadb().id(RENAME)
                    .says("Renames a column: INSTANT (also when it is indexed); queries using the old name fail at once.")
                    .safer(RENAME_COMPAT).source(MyManual.MARIADB_INSTANT),
            on(REORDER_COLUMN).mysql().rebuild().says("Moves a column: the table is rebuilt in place (writes go on).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(REORDER_COLUMN).mariadb().says("Moves a column: INSTANT since MariaDB 10.4.").source(MyManual.MARIADB_INSTANT),

            // Column types.
            on(CHANGE_TYPE).id(COPY_TYPE).copy().says("Changes the column type: the table is copied while writes "
                    + "wait (LOCK=SHARED), and replicas then replay the copy.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(INT_WIDEN).id(COPY_TYPE).copy().says("Widens an integer (int to bigint): a type change, so the table "
                    + "is copied while writes wait (LOCK=SHARED); MariaDB widens in place only for ROW_FORMAT=REDUNDANT.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(SIGNEDNESS).id(COPY_TYPE).copy().says("Changes signed to unsigned (or back): every value is "
                    + "converted, so the table is copied while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(NARROW_TYPE).id(COPY_TYPE).copy().says("Narrows the type: every value is checked and converted, so the "
                    + "table is copied while writes wait (LOCK=SHARED); values that do not fit fail the statement "
                    + "in strict mode.").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(VARCHAR_WIDEN).mysql().inplace().says("Widens a VARCHAR within the same length-prefix size (both "
                    + "at most 255 bytes, or both over): in place, metadata only.")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(VARCHAR_WIDEN).mariadb().says("Widens a VARCHAR within the same length-prefix size: INSTANT since "
                    + "MariaDB 10.4.").source(MyManual.MARIADB_INSTANT),
            on(VARCHAR_WIDEN_FROM_SHORT).mysql().id(COPY_TYPE).copy().says("Widens a VARCHAR across 255 bytes (the "
                    + "length prefix grows from 1 to 2 bytes): the table is copied while writes wait (LOCK=SHARED).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(VARCHAR_WIDEN_FROM_SHORT).mariadb().says("Widens a VARCHAR of at most 127 bytes past 255 bytes: "
                    + "INSTANT on MariaDB, because no stored value is long enough to need a 2-byte length.")
                    .source(MyManual.MARIADB_INSTANT),
            on(VARCHAR_WIDEN_CROSSES_255).id(COPY_TYPE).copy().says("Widens a VARCHAR from 128–255 bytes past 255 "
                    + "bytes (utf8mb4: varchar(32..63) to varchar(64) or more): the length prefix of stored values "
                    + "changes, so the table is copied while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(VARCHAR_TO_TEXT).id(COPY_TYPE).copy().says("Changes VARCHAR to TEXT (or between TEXT sizes): a type "
                    + "change, so the table is copied while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(ENUM_APPEND).says("Appends ENUM/SET members at the end without growing the storage size: INSTANT.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(ENUM_REORDER).id(COPY_TYPE).copy().says("Inserts, removes or reorders ENUM/SET members: stored "
                    + "numbers change meaning, so the table is copied while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(ENUM_STORAGE_GROWS).id(COPY_TYPE).copy().says("Appends ENUM/SET members past a storage step (ENUM "
                    + "past 255 members: 2 bytes; SET past 8, 16, 24 or 32 members): the table is copied while "
                    + "writes wait (LOCK=SHARED).").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(COLUMN_CHARSET_TO_UTF8MB4).mysql().id(COPY_TYPE).copy().says("Changes a column from utf8mb3 to "
                    + "utf8mb4: a type change, so the table is copied while writes wait (LOCK=SHARED).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(COLUMN_CHARSET_TO_UTF8MB4).mariadb().says("Changes a column from utf8mb3 to utf8mb4: INSTANT on "
                    + "MariaDB (every utf8mb3 string is valid utf8mb4), also when it is indexed.")
                    .source(MyManual.MARIADB_INSTANT),
            on(COLUMN_CHARSET_CHANGE).id(COPY_TYPE).copy().says("Changes a column's character set (other than "
                    + "utf8mb3 to utf8mb4): every value is converted, so the table is copied while writes wait.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(COLUMN_COLLATION).mysql().id(COPY_TYPE).copy().says("Changes a column's collation: MySQL treats it "
                    + "as a type change, so the table is copied while writes wait (LOCK=SHARED).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(COLUMN_COLLATION).mariadb().says("Changes the collation of a column without an index (same character "
                    + "set): INSTANT on MariaDB.").source(MyManual.MARIADB_INSTANT),
            on(COLUMN_COLLATION_INDEXED).mysql().id(COPY_TYPE).copy().says("Changes an indexed column's collation: "
                    + "the table is copied while writes wait (LOCK=SHARED).").source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(COLUMN_COLLATION_INDEXED).mariadb().inplace().cost(INDEX_BUILD).says("Changes an indexed column's "
                    + "collation (same character set): NOCOPY, only the indexes on it are rebuilt (writes go on).")
                    .source(MyManual.MARIADB_NOCOPY),
            on(GENERATED_VIRTUAL_CHANGE).mysql().id(COPY_TYPE).copy().says("Changes a VIRTUAL column's expression: "
                    + "the table is copied while writes wait (LOCK=SHARED).").source(MyManual.MYSQL_GENERATED_COLUMNS),
            on(GENERATED_VIRTUAL_CHANGE).mariadb().says("Changes a VIRTUAL column's expression (no index on it): "
                    + "INSTANT on MariaDB, nothing is stored.").source(MyManual.MARIADB_INSTANT),
            on(GENERATED_STORED_CHANGE).id(COPY_TYPE).copy().says("Changes a STORED column's expression (or makes a "
                    + "column generated): every value is recomputed, so the table is copied while writes wait.")
                    .sources(MyManual.MYSQL_GENERATED_COLUMNS, MyManual.MARIADB_OVERVIEW),

            // Column attributes.
            on(SET_DEFAULT).says("Sets a column default: INSTANT, metadata only.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(DROP_DEFAULT).says("Drops a column default: INSTANT, metadata only.")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),
            on(SET_NOT_NULL).rebuild().says("Makes a column NOT NULL: the table is rebuilt in place, checking every "
                    + "row (writes go on; a NULL fails the statement at the end, in strict mode).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(DROP_NOT_NULL).rebuild().says("Makes a column nullable: the row format changes, so the table is "
                    + "rebuilt in place (writes go on; INSTANT on MariaDB only for ROW_FORMAT=REDUNDANT).")
                    .sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(SET_AUTO_INCREMENT).copy().says("Makes an existing column AUTO_INCREMENT: the table is copied while "
                    + "writes wait (LOCK=SHARED).").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(DROP_AUTO_INCREMENT).mysql().copy().says("Removes AUTO_INCREMENT from a column: MySQL treats it as a "
                    + "column change and copies the table while writes wait (LOCK=SHARED).")
                    .source(MyManual.MYSQL_COLUMN_OPERATIONS),
            on(DROP_AUTO_INCREMENT).mariadb().says("Removes AUTO_INCREMENT from a column: INSTANT on MariaDB.")
                    .source(MyManual.MARIADB_INSTANT),
            on(COLUMN_COMMENT).says("Changes a column comment: INSTANT, metadata only.")
                    .sources(MyManual.MYSQL_ALTER_TABLE, MyManual.MARIADB_INSTANT),
            on(COLUMN_VISIBILITY).says("Makes a column INVISIBLE or visible: INSTANT, metadata only (MySQL 8.0.23 "
                    + "and later).").sources(MyManual.MYSQL_COLUMN_OPERATIONS, MyManual.MARIADB_INSTANT),

            // Indexes and keys.
            on(ADD_INDEX).inplace().cost(INDEX_BUILD).says("Adds a secondary index: built in place from a scan and a "
                    + "sort while writes go on (they are logged and applied at the end).")
                    .sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_NOCOPY),
            on(ADD_UNIQUE).inplace().cost(INDEX_BUILD).says("Adds a unique key: built in place while writes go on; a "
                    + "duplicate (also one written during the build) fails the statement at the end.")
                    .sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_NOCOPY),
            on(DROP_INDEX).mysql().inplace().says("Drops an index: in place, metadata only (writes go on).")
                    .source(MyManual.MYSQL_INDEX_OPERATIONS),
            on(DROP_INDEX).mariadb().inplace().says("Drops an index: NOCOPY, metadata only (writes go on).")
                    .source(MyManual.MARIADB_NOCOPY),
            on(RENAME_INDEX).mysql().id(RENAME).inplace().says("Renames an index: in place, metadata only; index "
                    + "hints naming it fail.").safer(NOTHING_TO_DO).source(MyManual.MYSQL_INDEX_OPERATIONS),
            on(RENAME_INDEX).mariadb().id(RENAME).says("Renames an index: INSTANT (MariaDB 10.5.2 and later); index "
                    + "hints naming it fail.").safer(NOTHING_TO_DO).source(MyManual.MARIADB_INSTANT),
            on(ADD_FULLTEXT_FIRST).rebuild().lock(SHARED).says("Adds the table's first FULLTEXT index: the hidden "
                    + "FTS_DOC_ID column is added, so the table is rebuilt in place while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(ADD_FULLTEXT).inplace().lock(SHARED).cost(INDEX_BUILD).says("Adds another FULLTEXT index: built in "
                    + "place without a rebuild, but writes wait throughout (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_NOCOPY),
            on(ADD_SPATIAL).inplace().lock(SHARED).cost(INDEX_BUILD).says("Adds a SPATIAL index: built in place "
                    + "without a rebuild, but writes wait throughout (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_NOCOPY),
            on(ADD_PRIMARY_KEY).rebuild().says("Adds a primary key: the clustered index is rebuilt in place (writes "
                    + "go on); the columns must be NOT NULL.").sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(DROP_PRIMARY_KEY).copy().says("Drops the primary key without adding another: only COPY can do it, "
                    + "writes wait (LOCK=SHARED).").sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(REPLACE_PRIMARY_KEY).rebuild().says("Replaces the primary key in one statement: the clustered index is "
                    + "rebuilt in place (writes go on).").sources(MyManual.MYSQL_INDEX_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(ADD_FOREIGN_KEY).id(COPY_FOREIGN_KEY).copy().says("Adds a foreign key with foreign_key_checks on "
                    + "(the default): only COPY can check the rows, so the table is copied while writes wait.")
                    .safer(FOREIGN_KEY_CHECKS_OFF).sources(MyManual.MYSQL_FOREIGN_KEYS, MyManual.MARIADB_OVERVIEW),
            on(ADD_FOREIGN_KEY_CHECKS_OFF).mysql().inplace().says("Adds a foreign key with foreign_key_checks off: "
                    + "in place, metadata only (existing rows are not checked).").source(MyManual.MYSQL_FOREIGN_KEYS),
            on(ADD_FOREIGN_KEY_CHECKS_OFF).mariadb().says("Adds a foreign key with foreign_key_checks off: INSTANT "
                    + "on MariaDB (existing rows are not checked).").source(MyManual.MARIADB_INSTANT),
            on(DROP_FOREIGN_KEY).mysql().inplace().says("Drops a foreign key: in place, metadata only.")
                    .source(MyManual.MYSQL_FOREIGN_KEYS),
            on(DROP_FOREIGN_KEY).mariadb().says("Drops a foreign key: INSTANT on MariaDB.").source(MyManual.MARIADB_INSTANT),
            on(ADD_CHECK).copy().says("Adds a CHECK constraint: every row is checked by copying the table while "
                    + "writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_ALTER_TABLE, MyManual.MARIADB_OVERVIEW),
            on(DROP_CHECK).says("Drops a CHECK constraint: INSTANT, metadata only.")
                    .sources(MyManual.MYSQL_ALTER_TABLE, MyManual.MARIADB_INSTANT),

            // Table options.
            on(CONVERT_CHARSET).copy().says("Converts every character column to another character set, or a "
                    + "table with ENUM or SET columns (CONVERT TO): values are re-encoded, so the table is copied "
                    + "while writes wait (LOCK=SHARED).")
                    .sources(MyManual.MYSQL_TABLE_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            // Measured on 10.11: utf8mb3 to utf8mb4 in the same sort order changes no stored byte and no index
            // order, so MariaDB does it INSTANT, indexes included; another sort order rebuilds only the indexes
            // on character columns (NOCOPY). MySQL copies for every CONVERT TO (Table Operations).
            on(CONVERT_TO_UTF8MB4).mysql().copy().says("Converts the table from utf8mb3 to utf8mb4 (CONVERT TO): "
                    + "MySQL copies the table while writes wait (LOCK=SHARED).").source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(CONVERT_TO_UTF8MB4).mariadb().says("Converts the table from utf8mb3 to utf8mb4 in the same sort order "
                    + "(CONVERT TO): INSTANT on MariaDB, indexes included (every utf8mb3 string is valid utf8mb4).")
                    .source(MyManual.MARIADB_INSTANT),
            on(CONVERT_COLLATION).mysql().copy().says("Converts the table to another collation (CONVERT TO): MySQL "
                    + "copies the table while writes wait (LOCK=SHARED).").source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(CONVERT_COLLATION).mariadb().says("Converts the table to another collation of the same encoding "
                    + "(CONVERT TO) where no index holds a character column: INSTANT on MariaDB.")
                    .source(MyManual.MARIADB_INSTANT),
            on(CONVERT_COLLATION_INDEXED).mysql().copy().says("Converts the table to another collation (CONVERT TO): "
                    + "MySQL copies the table while writes wait (LOCK=SHARED).").source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(CONVERT_COLLATION_INDEXED).mariadb().inplace().cost(INDEX_BUILD).says("Converts the table to another "
                    + "collation of the same encoding (CONVERT TO): NOCOPY, only the indexes on character columns are "
                    + "rebuilt in the new sort order (writes go on).").source(MyManual.MARIADB_NOCOPY),
            on(TABLE_DEFAULT_CHARSET).mysql().rebuild().says("Changes the table's default character set: MySQL "
                    + "rebuilds the table in place when the encoding differs (writes go on).")
                    .source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(TABLE_DEFAULT_CHARSET).mariadb().says("Changes the table's default character set or collation "
                    + "(existing columns keep theirs): INSTANT on MariaDB.").source(MyManual.MARIADB_INSTANT),
            on(ROW_FORMAT).rebuild().says("Changes ROW_FORMAT: the table is rebuilt in place (writes go on).")
                    .sources(MyManual.MYSQL_TABLE_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(KEY_BLOCK_SIZE).rebuild().says("Changes KEY_BLOCK_SIZE (compressed tables): the table is rebuilt in "
                    + "place (writes go on).").sources(MyManual.MYSQL_TABLE_OPERATIONS, MyManual.MARIADB_INPLACE),
            // Measured on 10.11: InnoDB to Aria is accepted even with ALGORITHM=INSTANT (LOCK=SHARED) and copies
            // every row anyway, so the rule says COPY and the message says why the clause does not protect.
            on(CHANGE_ENGINE).copy().says("Changes the storage engine (ENGINE=…): every row is copied into the new "
                    + "engine while writes wait (LOCK=SHARED). MariaDB even accepts ALGORITHM=INSTANT for it and "
                    + "copies anyway, so that clause does not make it safe.")
                    .sources(MyManual.MYSQL_TABLE_OPERATIONS, MyManual.MARIADB_OVERVIEW),
            on(FORCE_REBUILD).rebuild().says("Rebuilds the table (FORCE, ENGINE=InnoDB, OPTIMIZE TABLE) in place "
                    + "while writes go on.").sources(MyManual.MYSQL_TABLE_OPERATIONS, MyManual.MARIADB_INPLACE),
            on(FORCE_REBUILD_FULLTEXT_TABLE).mysql().copy().says("Rebuilds a table with a FULLTEXT index: MySQL "
                    + "cannot do it in place, so it copies the table while writes wait (LOCK=SHARED).")
                    .source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(FORCE_REBUILD_FULLTEXT_TABLE).mariadb().rebuild().lock(SHARED).says("Rebuilds a table with a "
                    + "FULLTEXT index: in place, but writes wait throughout (LOCK=SHARED).")
                    .source(MyManual.MARIADB_INPLACE),
            on(AUTO_INCREMENT_VALUE).mysql().inplace().says("Sets the next AUTO_INCREMENT value: in place, no rebuild "
                    + "(a value in memory and the data dictionary).").source(MyManual.MYSQL_TABLE_OPERATIONS),
            on(AUTO_INCREMENT_VALUE).mariadb().says("Sets the next AUTO_INCREMENT value: INSTANT on MariaDB.")
                    .source(MyManual.MARIADB_INSTANT),
            on(TABLE_COMMENT).says("Changes the table comment: INSTANT, metadata only.")
                    .sources(MyManual.MYSQL_ALTER_TABLE, MyManual.MARIADB_INSTANT),
            on(PARTITION_BY).copy().says("Partitions the table anew (PARTITION BY, REMOVE PARTITIONING): every row "
                    + "moves, so the table is copied while writes wait (LOCK=SHARED; MariaDB takes no ALGORITHM or "
                    + "LOCK clause here).").sources(MyManual.MYSQL_PARTITIONING, MyManual.MARIADB_PARTITIONS),
            on(ADD_PARTITION).mysql().inplace().lock(SHARED).says("Adds a RANGE or LIST partition: in place, no rows "
                    + "are copied, but writes wait (LOCK=SHARED).").source(MyManual.MYSQL_PARTITIONING),
            on(ADD_PARTITION).mariadb().inplace().lock(EXCLUSIVE).says("Adds a RANGE or LIST partition: no rows are "
                    + "copied, under an exclusive metadata lock (MariaDB takes no ALGORITHM or LOCK clause here).")
                    .source(MyManual.MARIADB_PARTITIONS),
            on(DROP_PARTITION).mysql().id(DROP_DATA).inplace().lock(SHARED).says("Drops a partition and its rows: "
                    + "in place, no rows are copied, but writes wait (LOCK=SHARED).")
                    .safer(DEPLOY_FIRST).source(MyManual.MYSQL_PARTITIONING),
            on(DROP_PARTITION).mariadb().id(DROP_DATA).inplace().lock(EXCLUSIVE).says("Drops a partition and its "
                    + "rows under an exclusive metadata lock (MariaDB takes no ALGORITHM or LOCK clause here).")
                    .safer(DEPLOY_FIRST).source(MyManual.MARIADB_PARTITIONS),

            // Objects that are not tables.
            on(CREATE_VIEW).id(CATALOG).says("Creates or replaces a view: no table is touched.").safer(NOTHING_TO_DO)
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(DROP_VIEW).id(CATALOG).says("Drops a view: no table is touched.").safer(DEPLOY_FIRST)
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(CREATE_TRIGGER).id(CATALOG).lock(EXCLUSIVE).says("Creates a trigger: an exclusive metadata lock on "
                    + "the table for a moment (it waits for open transactions on the table).")
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(DROP_TRIGGER).id(CATALOG).lock(EXCLUSIVE).says("Drops a trigger: an exclusive metadata lock on the "
                    + "table for a moment.").sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            // Routines (MyRoutinesServerTest): a metadata lock on the routine's name, never on a table its body uses.
            on(CREATE_ROUTINE).id(CATALOG).says("Creates a procedure, function or event: an exclusive metadata lock "
                    + "on its name only; no table is locked, not even one its body uses.").safer(NOTHING_TO_DO)
                    .sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(DROP_ROUTINE).id(CATALOG).says("Drops a procedure, function or event: no table is locked, but it waits "
                    + "for every open transaction that has called the routine; afterwards a caller gets ERROR 1305 "
                    + "(does not exist).").safer("Deploy application code that no longer calls it first. "
                    + ROUTINE_LOCK_WAIT).sources(MyManual.MYSQL_CREATE_VIEW, MyManual.MARIADB_METADATA_LOCKING),
            on(ALTER_ROUTINE).id(CATALOG).says("Alters a routine in place (ALTER PROCEDURE or FUNCTION: comment, SQL "
                    + "SECURITY, data access; ALTER EVENT: anything, the body too): callers see the old or the new one, "
                    + "never none; it waits for open transactions that have called it.").safer(ROUTINE_LOCK_WAIT)
                    .sources(MyManual.MYSQL_ALTER_PROCEDURE, MyManual.MARIADB_METADATA_LOCKING),
            on(REPLACE_ROUTINE).mysql().id(ROUTINE_GAP).says("Changes a procedure's or function's parameters, return "
                    + "type, body or DETERMINISTIC: MySQL has no CREATE OR REPLACE for them, so it is DROP then CREATE, "
                    + "and between the two every caller (a trigger or view that calls it too) gets ERROR 1305 (does not "
                    + "exist); the DROP waits for open transactions that have called it.")
                    .safer("Create the new version under a new name, switch the callers to it, then drop the old one; "
                            + "where callers can retry, run the DROP and the CREATE back to back at a quiet moment. "
                            + ROUTINE_LOCK_WAIT).source(MyManual.MYSQL_ALTER_PROCEDURE),
            on(REPLACE_ROUTINE).mariadb().id(CATALOG).says("Changes a procedure's or function's parameters, return "
                    + "type or body with CREATE OR REPLACE: one statement, so callers see the old or the new routine, "
                    + "never none; it waits for open transactions that have called it.")
                    .safer("Write it as CREATE OR REPLACE, not DROP and CREATE (between those a caller gets ERROR 1305). "
                            + ROUTINE_LOCK_WAIT).source(MyManual.MARIADB_CREATE_PROCEDURE),

            // MariaDB sequences (MySeqServerTest): a sequence is a one-row table to the server. Any use of it in an
            // open transaction (NEXTVAL, SETVAL, even a SELECT) holds its metadata lock until commit; ALTER and
            // DROP SEQUENCE need it exclusively, commit what is open first, and while they wait every later
            // NEXTVAL (so every insert drawing from it) queues behind them.
            on(CREATE_SEQUENCE).mariadb().id(CATALOG).says("Creates a sequence (a one-row table): no existing table "
                    + "is touched; it commits what is open first.").safer(NOTHING_TO_DO)
                    .source(MyManual.MARIADB_SEQUENCES),
            on(ALTER_SEQUENCE).mariadb().id(CATALOG).lock(EXCLUSIVE).says("Alters a sequence: an exclusive metadata "
                    + "lock on it for a moment, so it waits for every open transaction that used the sequence "
                    + "(NEXTVAL, SETVAL, a SELECT), and while it waits every later NEXTVAL, so every insert drawing "
                    + "from it, queues behind it; it commits what is open first.").safer(LOCK_WAIT)
                    .source(MyManual.MARIADB_SEQUENCES),
            on(DROP_SEQUENCE).mariadb().id(DROP_DATA).lock(EXCLUSIVE).says("Drops a sequence and its position: an "
                    + "exclusive metadata lock, so it waits for every open transaction that used it; a column "
                    + "defaulting to it fails on the next insert; it commits at once.")
                    .safer(DEPLOY_FIRST + " " + LOCK_WAIT).source(MyManual.MARIADB_SEQUENCES),
            on(SEQUENCE_VALUE).mariadb().id(SEQUENCE_WRITE).says("Sets (SETVAL) or advances (NEXTVAL, NEXT VALUE "
                    + "FOR) the sequence: other sessions' NEXTVAL and SETVAL go on, but the transaction holds the "
                    + "sequence's metadata lock until it ends, so an ALTER or DROP SEQUENCE waits. Not transactional: "
                    + "a ROLLBACK of the migration leaves the sequence at the new value (it does not commit what is "
                    + "open, though).").safer("Commit right after it, and make it safe to run twice (set the value "
                            + "from the table's max(id), as a dump's SETVAL does), since a rollback does not undo it.")
                    .source(MyManual.MARIADB_SETVAL),
            on(CREATE_SEQUENCE).mysql().id(NO_SEQUENCES).says("MySQL has no sequences (MariaDB 10.3+ has): the "
                    + "statement fails with a syntax error.").safer("Use an AUTO_INCREMENT column instead.")
                    .source(MyManual.MYSQL_AUTO_INCREMENT),
            on(ALTER_SEQUENCE).mysql().id(NO_SEQUENCES).says("MySQL has no sequences (MariaDB 10.3+ has): the "
                    + "statement fails with a syntax error.").safer("Use ALTER TABLE t AUTO_INCREMENT = n instead.")
                    .source(MyManual.MYSQL_AUTO_INCREMENT),
            on(DROP_SEQUENCE).mysql().id(NO_SEQUENCES).says("MySQL has no sequences (MariaDB 10.3+ has): the "
                    + "statement fails with a syntax error.").safer(NOTHING_TO_DO).source(MyManual.MYSQL_AUTO_INCREMENT),
            on(SEQUENCE_VALUE).mysql().id(NO_SEQUENCES).says("MySQL has no sequences, SETVAL or NEXTVAL (MariaDB "
                    + "10.3+ has): the statement fails.").safer("Use ALTER TABLE t AUTO_INCREMENT = n instead.")
                    .source(MyManual.MYSQL_AUTO_INCREMENT),

            // Statements beside schema changes (MyAdminStatementsServerTest). Each commits what is open first.
            on(PRIVILEGES).id(CATALOG).says("Grants or revokes privileges, or creates, alters or drops a user or "
                    + "role: the grant tables only; no table of the schema is locked (it does not even wait for a "
                    + "LOCK TABLES ... WRITE on the table it names).").safer(NOTHING_TO_DO)
                    .sources(MyManual.MYSQL_GRANT, MyManual.MARIADB_GRANT),
            on(LOCK_TABLES_READ).id(LOCK_TABLES).lock(SHARED).says("Locks the table for reading until UNLOCK TABLES "
                    + "(or the session ends): reads go on, writes wait; it commits what is open first.")
                    .safer(LOCK_WAIT + " Unlock as soon as the statements that need it are done.")
                    .sources(MyManual.MYSQL_LOCK_TABLES, MyManual.MARIADB_LOCK_TABLES),
            on(LOCK_TABLES_WRITE).id(LOCK_TABLES).lock(EXCLUSIVE).says("Locks the table for writing until UNLOCK "
                    + "TABLES (or the session ends): every other session's reads and writes wait; it commits what is "
                    + "open first.")
                    .safer(LOCK_WAIT + " Unlock as soon as the statements that need it are done.")
                    .sources(MyManual.MYSQL_LOCK_TABLES, MyManual.MARIADB_LOCK_TABLES),
            on(CHECK_TABLE).id(CHECK).inplace().cost(Cost.TABLE_BYTES).says("Checks the table: reads every row and "
                    + "index entry (a scan of the table), changes nothing; reads and writes go on (it does not wait "
                    + "for an open transaction that wrote to the table), only LOCK TABLES ... WRITE makes it wait; it "
                    + "commits what is open first.")
                    .safer("Leave it out of the migration, or run it outside busy hours: it reads the whole table and "
                            + "changes nothing.").sources(MyManual.MYSQL_TABLE_MAINTENANCE, MyManual.MARIADB_CHECK_TABLE),
            on(REPAIR_TABLE).id(REPAIR).lock(EXCLUSIVE).says("Repairs nothing on InnoDB: the server answers \"The "
                    + "storage engine for the table doesn't support repair\" and changes nothing, yet first takes an "
                    + "exclusive metadata lock, so it waits for every open transaction on the table (readers "
                    + "included) and every later query queues behind it; it commits what is open first.")
                    .safer("Drop it from the migration: on InnoDB it does nothing (ALTER TABLE ... FORCE rebuilds a "
                            + "table). " + LOCK_WAIT).sources(MyManual.MYSQL_TABLE_MAINTENANCE, MyManual.MARIADB_REPAIR_TABLE),
            on(CREATE_DATABASE).id(CATALOG).says("Creates a database (a directory and its options): no table is "
                    + "locked (it does not wait for LOCK TABLES ... WRITE); it commits what is open first.")
                    .safer(NOTHING_TO_DO).sources(MyManual.MYSQL_DATABASES, MyManual.MARIADB_METADATA_LOCKING),
            on(DROP_DATABASE).id(DROP_DATA).lock(EXCLUSIVE).says("Drops the database and every table in it: an "
                    + "exclusive metadata lock on each table, so it waits for every open transaction on any of them "
                    + "(readers included) and every later query queues behind it; it commits at once and cannot be "
                    + "rolled back.").safer(DEPLOY_FIRST + " " + LOCK_WAIT)
                    .sources(MyManual.MYSQL_DATABASES, MyManual.MARIADB_DROP_DATABASE),

            // Data statements: InnoDB locks the rows written (and their index gaps), never the whole table beyond
            // a shared metadata lock; INPLACE (MariaDB: NOCOPY) here means rows change where they are, LOCK=NONE
            // that reads and writes of other rows go on. DDL is not transactional, so nothing rolls back with them.
            on(UPDATE_ROWS).id(DATA_UPDATE).inplace().cost(Cost.ROW_WRITES)
                    .says("Updates rows: InnoDB locks each row it examines with an exclusive next-key lock (rows "
                            + "the WHERE reads through no index: every row of the table) until commit, and writes "
                            + "the old values to the undo log; readers go on (consistent reads), writers of the "
                            + "locked rows wait, and an ALTER TABLE waits for the metadata lock until commit.")
                    .safer(BATCHES).sources(MyManual.MYSQL_LOCKS_SET, MyManual.MARIADB_LOCK_MODES),
            on(DELETE_ROWS).id(DATA_DELETE).inplace().cost(Cost.ROW_DELETES)
                    .says("Deletes rows: exclusive next-key locks on every row examined until commit, the rows "
                            + "delete-marked and purged later; readers go on, writers of the locked rows wait.")
                    .safer(BATCHES).sources(MyManual.MYSQL_LOCKS_SET, MyManual.MARIADB_LOCK_MODES),
            on(INSERT_SELECT).id(DATA_INSERT_SELECT).inplace().lock(SHARED).cost(Cost.ROW_INSERTS)
                    .says("Copies rows from another table: the inserted rows are locked exclusively; the source is "
                            + "read with shared next-key locks under REPEATABLE READ, so reads go on and writers "
                            + "of the source wait until commit.")
                    .safer(SOURCE_LOCKS).sources(MyManual.MYSQL_LOCKS_SET, MyManual.MARIADB_LOCK_MODES),
            on(TRUNCATE).id(TRUNCATE_TABLE).lock(EXCLUSIVE)
                    .says("Empties the table by dropping and recreating it: an exclusive metadata lock (it waits "
                            + "for every open transaction on the table, and every later query waits behind it), "
                            + "constant time, and it commits at once: it cannot be rolled back.")
                    .safer(DEPLOY_FIRST + " " + LOCK_WAIT).sources(MyManual.MYSQL_TRUNCATE, MyManual.MARIADB_TRUNCATE),
            on(CREATE_TABLE_AS).id(TABLE_AS).inplace().lock(SHARED).cost(Cost.ROW_INSERTS)
                    .says("Creates a table from a query (CREATE TABLE ... SELECT): the source is read with shared "
                            + "next-key locks under REPEATABLE READ (writers of the source wait until it ends); the "
                            + "statement commits at once.")
                    .safer(SOURCE_LOCKS).sources(MyManual.MYSQL_LOCKS_SET, MyManual.MARIADB_LOCK_MODES));

    private MyRules() {
    }

    /** Every rule, in table order. */
    public static List<MyRule> all() {
        return RULES;
    }

    /** The rule for an operation on a server profile; every operation has one on every profile. */
    public static MyRule forOperation(MyOperation op, MyEngine profile) {
        return RULES.stream().filter(r -> r.operation() == op && r.appliesTo(profile)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule for " + op + " on " + profile));
    }

    /**
     * The rule for {@code op} on a table that already has a FULLTEXT index. InnoDB cannot rebuild such a
     * table while writes go on (its FTS auxiliary tables are rebuilt with it): MariaDB rebuilds in place
     * under LOCK=SHARED (measured on 10.11 for NULL to NOT NULL, NOT NULL to NULL, a new primary key),
     * MySQL refuses the in-place rebuild and copies. So an operation that rebuilds in place takes the
     * algorithm and lock of {@link MyOperation#FORCE_REBUILD_FULLTEXT_TABLE}; others are unchanged.
     */
    public static MyRule forOperation(MyOperation op, MyEngine profile, boolean fulltextTable) {
        MyRule base = forOperation(op, profile);
        if (!fulltextTable || !base.rebuildsTable() || base.algorithm() != Algorithm.INPLACE) return base;
        MyRule ft = forOperation(FORCE_REBUILD_FULLTEXT_TABLE, profile);
        Algorithm algorithm = max(base.algorithm(), ft.algorithm());
        Lock lock = max(base.lock(), ft.lock());
        if (algorithm == base.algorithm() && lock == base.lock()) return base;
        String id = base.id().equals(DROP_DATA) ? DROP_DATA : defaultId(algorithm, lock, true);
        String what = algorithm == Algorithm.COPY ? "MySQL copies it instead" : "writes wait throughout";
        return new MyRule(op, base.from(), base.to(), id, algorithm, lock, true, base.cost(), base.message()
                + " The table has a FULLTEXT index, so the rebuild cannot let writes go on: " + what + " (LOCK="
                + lock + ").", defaultRecipe(op, algorithm, lock, true), ft.source());
    }

    private static <E extends Enum<E>> E max(E a, E b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Row on(MyOperation op) {
        return new Row(op);
    }

    private static List<MyRule> build(Row... rows) {
        List<MyRule> out = new ArrayList<>();
        for (Row r : rows) {
            out.addAll(r.rules());
        }
        return List.copyOf(out);
    }

    /** The safer recipe when a row names none: what its algorithm and lock call for. */
    private static String defaultRecipe(MyOperation op, Algorithm algorithm, Lock lock, boolean rebuild) {
        if (algorithm == Algorithm.INSTANT) return LOCK_WAIT;
        String tool = String.format(ONLINE_TOOL, op.clause());
        if (algorithm == Algorithm.COPY || lock != NONE) return MERGE + " " + tool + " " + REPLICA_LAG;
        if (rebuild) return MERGE + " " + REPLICA_LAG + " " + tool;
        return LOCK_WAIT + " " + REPLICA_LAG;
    }

    /** The id when a row names none: the hazard its algorithm and lock stand for. */
    private static String defaultId(Algorithm algorithm, Lock lock, boolean rebuild) {
        if (algorithm == Algorithm.INSTANT) return INSTANT;
        if (algorithm == Algorithm.COPY) return COPY_TABLE;
        if (lock != NONE) return INPLACE_LOCKED;
        return rebuild ? INPLACE_REBUILD : INPLACE_NO_REBUILD;
    }

    /** One row of the table while it is written down; only {@link #RULES} uses it. */
    private static final class Row {
        private final MyOperation op;
        private MyEngine from;
        private MyEngine to;
        private String id;
        private Algorithm algorithm = Algorithm.INSTANT;
        private Lock lock = NONE;
        private boolean rebuild;
        private Cost cost;
        private String message;
        private String safer;
        private MyManual mysqlSource;
        private MyManual mariadbSource;

        Row(MyOperation op) {
            this.op = op;
        }

        Row profiles(MyEngine from, MyEngine to) {
            this.from = from;
            this.to = to;
            return this;
        }

        Row mysql() {
            return profiles(MYSQL_8_0_12, MYSQL_8_4);
        }

        Row mariadb() {
            return profiles(MyEngine.MARIADB_10_6, MyEngine.MARIADB_11_4);
        }

        Row id(String id) {
            this.id = id;
            return this;
        }

        /** In place without a rebuild of the clustered index (MariaDB: NOCOPY). */
        Row inplace() {
            this.algorithm = Algorithm.INPLACE;
            return this;
        }

        /** In place, rebuilding the table. */
        Row rebuild() {
            this.algorithm = Algorithm.INPLACE;
            this.rebuild = true;
            return this;
        }

        /** COPY: the server layer copies the rows; LOCK=NONE is never possible. */
        Row copy() {
            this.algorithm = Algorithm.COPY;
            this.rebuild = true;
            this.lock = SHARED;
            return this;
        }

        Row lock(Lock lock) {
            this.lock = lock;
            return this;
        }

        Row cost(Cost cost) {
            this.cost = cost;
            return this;
        }

        Row says(String message) {
            this.message = message;
            return this;
        }

        Row safer(String recipe) {
            this.safer = recipe;
            return this;
        }

        Row source(MyManual source) {
            if (from == null) throw new IllegalStateException(op + ": a single source needs a family");
            return sources(source, source);
        }

        Row sources(MyManual mysql, MyManual mariadb) {
            this.mysqlSource = mysql;
            this.mariadbSource = mariadb;
            return this;
        }

        List<MyRule> rules() {
            if (from != null) return List.of(rule(from, to, from.isMariadb() ? mariadbSource : mysqlSource));
            return Stream.of(rule(MYSQL_8_0_12, MYSQL_8_4, mysqlSource),
                    rule(MyEngine.MARIADB_10_6, MyEngine.MARIADB_11_4, mariadbSource)).toList();
        }

        private MyRule rule(MyEngine first, MyEngine last, MyManual source) {
            Algorithm a = first.isMariadb() && algorithm == Algorithm.INPLACE && !rebuild ? Algorithm.NOCOPY : algorithm;
            Cost c = cost != null ? cost : rebuild ? TABLE_AND_INDEX_BYTES : NOTHING;
            return new MyRule(op, first, last, id != null ? id : defaultId(algorithm, lock, rebuild), a, lock, rebuild,
                    c, message, safer != null ? safer : defaultRecipe(op, algorithm, lock, rebuild), source);
        }
    }
}
