package io.schemaplan.impact;

import static io.schemaplan.impact.Cost.INDEX_BUILD;
import static io.schemaplan.impact.Cost.NOTHING;
import static io.schemaplan.impact.Cost.ROWS;
import static io.schemaplan.impact.Cost.ROW_DELETES;
import static io.schemaplan.impact.Cost.ROW_INSERTS;
import static io.schemaplan.impact.Cost.ROW_WRITES;
import static io.schemaplan.impact.Cost.TABLE_AND_INDEX_BYTES;
import static io.schemaplan.impact.Cost.TABLE_BYTES;
import static io.schemaplan.impact.LockMode.ACCESS_EXCLUSIVE;
import static io.schemaplan.impact.LockMode.ACCESS_SHARE;
import static io.schemaplan.impact.LockMode.EXCLUSIVE;
import static io.schemaplan.impact.LockMode.ROW_EXCLUSIVE;
import static io.schemaplan.impact.LockMode.ROW_SHARE;
import static io.schemaplan.impact.LockMode.SHARE;
import static io.schemaplan.impact.LockMode.SHARE_ROW_EXCLUSIVE;
import static io.schemaplan.impact.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static io.schemaplan.impact.PgOperation.*;
import static io.schemaplan.impact.PgRule.Effect.EMPTIES_TABLE;
import static io.schemaplan.impact.PgRule.Effect.NOT_IN_TRANSACTION_BLOCK;
import static io.schemaplan.impact.PgRule.Effect.REBUILDS_INDEXES;
import static io.schemaplan.impact.PgRule.Effect.REWRITES_TABLE;
import static io.schemaplan.impact.PgRule.Effect.SCANS_TABLE;
import static io.schemaplan.impact.PgRule.Effect.WRITES_ROWS;

import io.schemaplan.impact.PgRule.Effect;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PostgreSQL rule table: what each {@link PgOperation} locks, rewrites and scans, per major version
 * 11–18. The table is data, built once below; {@code PgRulesTraceTest} replays every rule for the
 * local server's version and checks lock, rewrite and scan against {@code pg_locks},
 * {@code pg_class.relfilenode} and {@code pg_stat_user_tables.seq_scan}.
 */
public final class PgRules {
    public static final int OLDEST = 11;
    public static final int NEWEST = 18;

    // Rule ids: stable names a CI policy can refer to; operations with the same hazard share one.
    public static final String INSTANT = "PG-LOCK-INSTANT";
    public static final String BLOCKS_WRITES = "PG-LOCK-BLOCKS-WRITES";
    public static final String SHARE_UPDATE = "PG-LOCK-SHARE-UPDATE";
    public static final String CATALOG = "PG-CATALOG-ONLY";
    public static final String REWRITE_TYPE = "PG-REWRITE-TYPE";
    public static final String REWRITE_ADD_COLUMN = "PG-REWRITE-ADD-COLUMN";
    public static final String REWRITE_PERSISTENCE = "PG-REWRITE-PERSISTENCE";
    public static final String REINDEX_TYPE = "PG-REINDEX-TYPE";
    public static final String SCAN_NOT_NULL = "PG-SCAN-NOT-NULL";
    public static final String SCAN_CHECK = "PG-SCAN-CHECK";
    public static final String SCAN_FOREIGN_KEY = "PG-SCAN-FOREIGN-KEY";
    public static final String VALIDATE_ONLINE = "PG-VALIDATE-ONLINE";
    public static final String INDEX_BLOCKING = "PG-INDEX-BLOCKING";
    public static final String INDEX_CONSTRAINT = "PG-INDEX-CONSTRAINT";
    public static final String INDEX_CONCURRENTLY = "PG-INDEX-CONCURRENTLY";
    public static final String INDEX_DROP = "PG-INDEX-DROP";
    public static final String REINDEX_BLOCKING = "PG-REINDEX-BLOCKING";
    public static final String DROP_DATA = "PG-DROP-DATA";
    public static final String RENAME = "PG-RENAME";
    public static final String ENUM_ADD = "PG-ENUM-ADD-VALUE";
    public static final String PARTITION_ATTACH = "PG-PARTITION-ATTACH";
    public static final String PARTITION_DETACH = "PG-PARTITION-DETACH";
    public static final String SCAN_DOMAIN = "PG-SCAN-DOMAIN";
    public static final String ROW_SECURITY = "PG-ROW-SECURITY";
    public static final String MATVIEW_BUILD = "PG-MATVIEW-BUILD";
    public static final String MATVIEW_REFRESH = "PG-MATVIEW-REFRESH";
    public static final String INHERITANCE = "PG-INHERITANCE";
    public static final String DATA_UPDATE = "PG-DATA-UPDATE";
    public static final String DATA_DELETE = "PG-DATA-DELETE";
    public static final String DATA_INSERT_SELECT = "PG-DATA-INSERT-SELECT";
    public static final String TRUNCATE_TABLE = "PG-TRUNCATE";
    public static final String TABLE_AS = "PG-CREATE-TABLE-AS";
    public static final String PRIVILEGES_ROW = "PG-PRIVILEGES";
    public static final String REWRITE_MAINTENANCE = "PG-REWRITE-MAINTENANCE";
    public static final String MAINTENANCE = "PG-MAINTENANCE";
    public static final String LOCK_TABLE = "PG-LOCK-TABLE";
    public static final String SEQUENCE_WRITE = "PG-SEQUENCE-WRITE";

    // Safer recipes shared by several rules.
    static final String LOCK_TIMEOUT = "Run it under SET lock_timeout = '2s' and retry on timeout: while an "
            + "ACCESS EXCLUSIVE request waits behind a long query it blocks every later query on the table, so "
            + "even an instant change can stop the application.";
    static final String EXPAND_CONTRACT = "Expand/contract: add a new column of the new type, keep it in step "
            + "with a trigger, backfill it in batches of a few thousand rows (one transaction each), build its "
            + "indexes CONCURRENTLY, then swap the names in one short transaction under lock_timeout and drop "
            + "the old column in a later release.";
    static final String NOT_NULL_VIA_CHECK = "ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT VALID; "
            + "VALIDATE CONSTRAINT c_not_null (scans under SHARE UPDATE EXCLUSIVE: reads and writes go on); "
            + "SET NOT NULL (skips the scan on PG >= 12 because the valid CHECK proves it); DROP CONSTRAINT "
            + "c_not_null. Each step in its own transaction, under lock_timeout.";
    static final String NOT_VALID_THEN_VALIDATE = "ADD the constraint NOT VALID (brief lock, no scan), then "
            + "VALIDATE CONSTRAINT in a separate transaction: it scans under SHARE UPDATE EXCLUSIVE, which "
            + "lets reads and writes go on.";
    static final String BUILD_CONCURRENTLY = "CREATE [UNIQUE] INDEX CONCURRENTLY, outside a transaction "
            + "block (SHARE UPDATE EXCLUSIVE: reads and writes go on; two table scans; a failed build leaves "
            + "an INVALID index to drop and retry).";
    static final String CONSTRAINT_USING_INDEX = "CREATE UNIQUE INDEX CONCURRENTLY first, then ALTER TABLE "
            + "... ADD CONSTRAINT ... {PRIMARY KEY | UNIQUE} USING INDEX (catalog only, under lock_timeout); "
            + "for a PRIMARY KEY make the columns NOT NULL first with the CHECK recipe.";
    static final String BACKFILL_DEFAULT = "Add the column without the volatile default (catalog only), set "
            + "the default for new rows, backfill existing rows in batches, and add NOT NULL with the CHECK "
            + "recipe; for identity, ADD GENERATED AS IDENTITY on the filled NOT NULL column is catalog only.";
    static final String DEPLOY_FIRST = "Deploy application code that no longer uses the object first, keep "
            + "a backup, and run it under lock_timeout; the data cannot be recovered by a rollback later.";
    static final String RENAME_COMPAT = "Running application instances still use the old name: add the "
            + "new name beside the old (a view, or a column kept in step), switch the code, then drop the old; "
            + "run under lock_timeout.";
    static final String NO_ONLINE_FORM = "There is no online form: schedule a window, or build a new table "
            + "and copy rows in batches, then swap names under lock_timeout.";
    static final String ENUM_VALUE_USE = "The new value cannot be used before the transaction commits; "
            + "when all migrations run in one transaction (Dify does), commit before a migration that uses it.";
    static final String NOTHING_TO_DO = "";
    static final String INDEXES_AFTER = "Drop the indexes on the column first and rebuild them CONCURRENTLY "
            + "afterwards, or use expand/contract.";
    static final String DOMAIN_CHECK_NOT_VALID = "ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID (new and updated "
            + "rows are checked, existing ones not), then ALTER DOMAIN ... VALIDATE CONSTRAINT in a later "
            + "transaction, under lock_timeout.";
    static final String ROW_SECURITY_FIRST = "Create the policies before enabling row level security (with RLS "
            + "on and no policy, every role but the owner and BYPASSRLS roles sees no rows); run under "
            + "lock_timeout.";

    static final String OUTSIDE_MIGRATION = "Run it outside the migration transaction: when all migrations run "
            + "in one transaction (Dify does), its row locks and the table's ROW EXCLUSIVE lock are held until the "
            + "last migration commits, and every ALTER TABLE on the table waits for them (and then blocks every "
            + "query behind it).";
    static final String BATCHES = "Batch it by key range, one transaction per batch of a few thousand rows "
            + "(UPDATE t SET ... WHERE id >= $lo AND id < $hi AND <condition>; COMMIT; next range), so each batch "
            + "holds its row locks for a moment and writes a bounded amount of WAL that replicas can keep up with. "
            + "Build the index the WHERE needs first (CREATE INDEX CONCURRENTLY), or each batch scans the table. "
            + "Let (auto)vacuum run between batches: the old row versions then become free space the next batches "
            + "reuse, instead of the table doubling on disk.";

    static final String COMMIT_SOON = "Commit soon after it: until the transaction ends, another session's ALTER "
            + "TABLE, CREATE INDEX or GRANT on the table waits for it, and while that one waits under its own ACCESS "
            + "EXCLUSIVE every query on the table queues behind it. In a migration that runs in one transaction "
            + "(Dify does), put the GRANTs in the last step.";
    static final String REPACK = "pg_repack (or pg_squeeze) rebuilds the table online with a brief ACCESS "
            + "EXCLUSIVE at the end; otherwise schedule a window. A plain VACUUM frees space for reuse without "
            + "blocking reads or writes.";

    private static final List<PgRule> RULES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            // Schemas and extensions: catalog objects outside any table.
            on(CREATE_SCHEMA).id(CATALOG).says("Creates a schema: no table is locked.").source(PgManual.SCHEMAS),
            on(DROP_SCHEMA).id(CATALOG).says("Drops an empty schema: no table is locked.")
                    .source(PgManual.SCHEMAS),
            on(CREATE_EXTENSION).id(CATALOG).says("Installs an extension's objects: no existing table is locked "
                    + "(the extension must be available on the server, and some need a superuser).")
                    .source(PgManual.EXTENSIONS),
            on(DROP_EXTENSION).id(CATALOG).says("Drops an extension's objects: no table is locked unless a "
                    + "column uses one of its types (then DROP fails without CASCADE).")
                    .source(PgManual.EXTENSIONS),
            on(ALTER_EXTENSION).id(CATALOG).says("Updates an extension's objects by its own update script: no "
                    + "table is locked by PostgreSQL itself; read the extension's release notes for what the "
                    + "script does.").source(PgManual.EXTENSIONS),

            // Tables and columns.
            on(CREATE_TABLE).id(CATALOG).says("Creates a new table; no existing table is locked "
                    + "(a REFERENCES clause takes SHARE ROW EXCLUSIVE on the referenced table).")
                    .source(PgManual.EXPLICIT_LOCKING),
            on(DROP_TABLE).id(DROP_DATA).lock(ACCESS_EXCLUSIVE).says("Drops the table and its data.")
                    .safer(DEPLOY_FIRST).source(PgManual.EXPLICIT_LOCKING),
            on(RENAME_TABLE).id(RENAME).lock(ACCESS_EXCLUSIVE).says("Renames the table (catalog only); "
                    + "queries using the old name fail at once.").safer(RENAME_COMPAT).source(PgManual.ALTER_TABLE),
            on(ADD_COLUMN).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Adds a nullable column without a default: catalog only.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE_NOTES),
            on(ADD_COLUMN_CONSTANT_DEFAULT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Adds a column with a non-volatile default: since PG 11 the default is stored in "
                            + "the catalog and existing rows are not rewritten.")
                    .safer(LOCK_TIMEOUT).source(PgManual.RELEASE_11),
            on(ADD_COLUMN_NOT_NULL_WITH_DEFAULT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Adds a NOT NULL column with a non-volatile default: the stored default satisfies "
                            + "NOT NULL, so neither rewrite nor scan (PG >= 11).")
                    .safer(LOCK_TIMEOUT).source(PgManual.RELEASE_11),
            on(ADD_COLUMN_VOLATILE_DEFAULT).id(REWRITE_ADD_COLUMN).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Adds a column with a volatile default: every row gets its own value, so the table "
                            + "and all its indexes are rewritten under ACCESS EXCLUSIVE.")
                    .safer(BACKFILL_DEFAULT).source(PgManual.ALTER_TABLE_NOTES),
            on(ADD_COLUMN_SERIAL).id(REWRITE_ADD_COLUMN).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Adds a serial column: its nextval() default is volatile, so the table and all its "
                            + "indexes are rewritten under ACCESS EXCLUSIVE.")
                    .safer(BACKFILL_DEFAULT).source(PgManual.ALTER_TABLE_NOTES),
            on(ADD_COLUMN_IDENTITY).id(REWRITE_ADD_COLUMN).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Adds an identity column: each existing row draws a sequence value, so the table and "
                            + "all its indexes are rewritten under ACCESS EXCLUSIVE.")
                    .safer(BACKFILL_DEFAULT).source(PgManual.ALTER_TABLE_NOTES),
            on(ADD_COLUMN_GENERATED_STORED).id(REWRITE_ADD_COLUMN).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Adds a stored generated column: the value is computed for every row, so the table "
                            + "and all its indexes are rewritten under ACCESS EXCLUSIVE.")
                    .safer("Add a plain column filled by a trigger and backfilled in batches.")
                    .source(PgManual.ALTER_TABLE_NOTES),
            on(DROP_COLUMN).id(DROP_DATA).lock(ACCESS_EXCLUSIVE)
                    .says("Drops the column (catalog only: the space is reclaimed by later updates) and the "
                            + "indexes and constraints on it.")
                    .safer(DEPLOY_FIRST).source(PgManual.ALTER_TABLE_NOTES),
            on(RENAME_COLUMN).id(RENAME).lock(ACCESS_EXCLUSIVE).says("Renames the column (catalog only); "
                    + "queries using the old name fail at once.").safer(RENAME_COMPAT).source(PgManual.ALTER_TABLE),

            // Column types.
            on(ALTER_TYPE_REWRITE).id(REWRITE_TYPE).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Changes the column type to one that is not binary-coercible: the table and all its "
                            + "indexes are rewritten under ACCESS EXCLUSIVE (reads and writes wait throughout).")
                    .safer(EXPAND_CONTRACT).source(PgManual.ALTER_TABLE_NOTES),
            on(ALTER_TYPE_BINARY_COERCIBLE).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Changes the column type to a binary-coercible one (e.g. a wider varchar, varchar to "
                            + "text, numeric with more precision): catalog only, indexes are kept.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE_NOTES),
            on(ALTER_TYPE_TIMESTAMPTZ_UTC).versions(11, 11).id(REWRITE_TYPE).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Changes timestamp to timestamptz (or back): PG 11 rewrites the table and its indexes.")
                    .safer(EXPAND_CONTRACT).source(PgManual.ALTER_TABLE_NOTES),
            on(ALTER_TYPE_TIMESTAMPTZ_UTC).versions(12, NEWEST).id(REINDEX_TYPE).lock(ACCESS_EXCLUSIVE)
                    .does(REBUILDS_INDEXES, SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Changes timestamp to timestamptz (or back) with the session TimeZone UTC: since PG 12 "
                            + "the table is not rewritten, but the indexes on the column are rebuilt under "
                            + "ACCESS EXCLUSIVE.")
                    .safer(INDEXES_AFTER).source(PgManual.RELEASE_12),
            on(ALTER_TYPE_REINDEX).id(REINDEX_TYPE).lock(ACCESS_EXCLUSIVE)
                    .does(REBUILDS_INDEXES, SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Changes the column type to a binary-coercible one whose operator classes are of "
                            + "another family (varchar or text to citext): the table is not rewritten, but the "
                            + "indexes on the column are rebuilt under ACCESS EXCLUSIVE.")
                    .safer(INDEXES_AFTER).source(PgManual.ALTER_TABLE_NOTES),
            on(SET_COLLATION).id(REINDEX_TYPE).lock(ACCESS_EXCLUSIVE)
                    .does(REBUILDS_INDEXES, SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Changes the column's collation: the table is not rewritten, but the indexes on the "
                            + "column are rebuilt under ACCESS EXCLUSIVE.")
                    .safer("Build the new indexes CONCURRENTLY on a new column (expand/contract), or drop the "
                            + "indexes first and rebuild them CONCURRENTLY.").source(PgManual.ALTER_TABLE_NOTES),

            // Defaults, nullability, statistics, identity.
            on(SET_DEFAULT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Sets the default for future rows: catalog only.").safer(LOCK_TIMEOUT)
                    .source(PgManual.ALTER_TABLE),
            on(DROP_DEFAULT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops the default: catalog only.").safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(SET_NOT_NULL).id(SCAN_NOT_NULL).lock(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Sets NOT NULL: the whole table is scanned under ACCESS EXCLUSIVE to prove there is no "
                            + "NULL (reads and writes wait throughout).")
                    .safer(NOT_NULL_VIA_CHECK).source(PgManual.ALTER_TABLE),
            on(SET_NOT_NULL_WITH_VALID_CHECK).versions(11, 11).id(SCAN_NOT_NULL).lock(ACCESS_EXCLUSIVE)
                    .does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Sets NOT NULL: PG 11 scans the table under ACCESS EXCLUSIVE even when a valid CHECK "
                            + "(c IS NOT NULL) exists.")
                    .safer("On PG 11 keep the validated CHECK (c IS NOT NULL) constraint instead of SET NOT NULL.")
                    .source(PgManual.ALTER_TABLE),
            on(SET_NOT_NULL_WITH_VALID_CHECK).versions(12, NEWEST).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Sets NOT NULL where a valid CHECK (c IS NOT NULL) proves it: since PG 12 the scan is "
                            + "skipped.")
                    .safer(LOCK_TIMEOUT).source(PgManual.RELEASE_12),
            on(DROP_NOT_NULL).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops NOT NULL: catalog only.").safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(SET_STATISTICS).id(SHARE_UPDATE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Sets the statistics target: SHARE UPDATE EXCLUSIVE, reads and writes go on.")
                    .source(PgManual.ALTER_TABLE),
            on(ADD_IDENTITY_TO_EXISTING_COLUMN).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Makes an existing NOT NULL column an identity column: catalog only (a sequence is "
                            + "created; set its start above the current maximum).")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(DROP_IDENTITY).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops the identity property and its sequence: catalog only.").safer(LOCK_TIMEOUT)
                    .source(PgManual.ALTER_TABLE),

            // Constraints.
            on(ADD_CHECK).id(SCAN_CHECK).lock(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Adds a CHECK constraint: the whole table is scanned under ACCESS EXCLUSIVE.")
                    .safer(NOT_VALID_THEN_VALIDATE).source(PgManual.ALTER_TABLE_NOTES),
            on(ADD_CHECK_NOT_VALID).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Adds a CHECK constraint NOT VALID: checked for new rows only, no scan.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(VALIDATE_CHECK).id(VALIDATE_ONLINE).lock(SHARE_UPDATE_EXCLUSIVE).does(SCANS_TABLE)
                    .cost(TABLE_BYTES)
                    .says("Validates a NOT VALID CHECK: scans the table under SHARE UPDATE EXCLUSIVE (reads and "
                            + "writes go on).").source(PgManual.ALTER_TABLE),
            on(ADD_FOREIGN_KEY).id(SCAN_FOREIGN_KEY).lock(SHARE_ROW_EXCLUSIVE).other(SHARE_ROW_EXCLUSIVE)
                    .does(SCANS_TABLE).cost(ROWS)
                    .says("Adds a foreign key: SHARE ROW EXCLUSIVE on both tables (writes wait) while every "
                            + "referencing row is checked against the referenced key.")
                    .safer(NOT_VALID_THEN_VALIDATE).source(PgManual.ALTER_TABLE),
            on(ADD_FOREIGN_KEY_NOT_VALID).id(BLOCKS_WRITES).lock(SHARE_ROW_EXCLUSIVE).other(SHARE_ROW_EXCLUSIVE)
                    .says("Adds a foreign key NOT VALID: no check of existing rows, but SHARE ROW EXCLUSIVE on "
                            + "both tables until commit.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(VALIDATE_FOREIGN_KEY).id(VALIDATE_ONLINE).lock(SHARE_UPDATE_EXCLUSIVE).other(ROW_SHARE)
                    .does(SCANS_TABLE).cost(ROWS)
                    .says("Validates a NOT VALID foreign key: SHARE UPDATE EXCLUSIVE on the table and ROW SHARE "
                            + "on the referenced table; reads and writes go on.").source(PgManual.ALTER_TABLE),
            on(ADD_PRIMARY_KEY).id(INDEX_CONSTRAINT).lock(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Adds a PRIMARY KEY: builds its unique index under ACCESS EXCLUSIVE (reads wait too), "
                            + "and scans for NULLs first when the columns are nullable.")
                    .safer(CONSTRAINT_USING_INDEX).source(PgManual.ALTER_TABLE),
            on(ADD_PRIMARY_KEY_USING_INDEX).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Turns an existing unique index into the PRIMARY KEY: catalog only when the columns "
                            + "are NOT NULL already.").safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(ADD_UNIQUE).id(INDEX_CONSTRAINT).lock(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Adds a UNIQUE constraint: builds its index under ACCESS EXCLUSIVE (reads wait too).")
                    .safer(CONSTRAINT_USING_INDEX).source(PgManual.ALTER_TABLE),
            on(ADD_UNIQUE_USING_INDEX).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Turns an existing unique index into a UNIQUE constraint: catalog only.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(ADD_EXCLUSION).id(INDEX_CONSTRAINT).lock(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Adds an EXCLUDE constraint: builds its index under ACCESS EXCLUSIVE (reads wait too).")
                    .safer("No concurrent form exists (USING INDEX does not accept exclusion indexes): "
                            + "schedule a window.").source(PgManual.ALTER_TABLE),
            on(DROP_CONSTRAINT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops a constraint (and the index behind a PRIMARY KEY or UNIQUE): catalog only.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(DROP_FOREIGN_KEY).id(INSTANT).lock(ACCESS_EXCLUSIVE).other(ACCESS_EXCLUSIVE)
                    .says("Drops a foreign key: ACCESS EXCLUSIVE on both tables (its triggers live on both), "
                            + "catalog only.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(RENAME_CONSTRAINT).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Renames a constraint: catalog only.").safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),

            // Indexes.
            on(CREATE_INDEX).id(INDEX_BLOCKING).lock(SHARE).does(SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Builds an index under SHARE: reads go on, writes wait for the whole build.")
                    .safer(BUILD_CONCURRENTLY).source(PgManual.CREATE_INDEX),
            on(CREATE_UNIQUE_INDEX).id(INDEX_BLOCKING).lock(SHARE).does(SCANS_TABLE).cost(INDEX_BUILD)
                    .says("Builds a unique index under SHARE: reads go on, writes wait for the whole build.")
                    .safer(BUILD_CONCURRENTLY).source(PgManual.CREATE_INDEX),
            on(CREATE_INDEX_CONCURRENTLY).id(INDEX_CONCURRENTLY).lock(SHARE_UPDATE_EXCLUSIVE)
                    .does(SCANS_TABLE, NOT_IN_TRANSACTION_BLOCK).cost(INDEX_BUILD)
                    .says("Builds an index CONCURRENTLY: SHARE UPDATE EXCLUSIVE, reads and writes go on; two "
                            + "table scans, and it waits for transactions older than the build.")
                    .safer("Cannot run inside a transaction block: run it outside the migration transaction; "
                            + "check for an INVALID index after a failure.")
                    .source(PgManual.CREATE_INDEX_CONCURRENTLY),
            on(DROP_INDEX).id(INDEX_DROP).lock(ACCESS_EXCLUSIVE)
                    .says("Drops an index: ACCESS EXCLUSIVE on the table, brief.")
                    .safer("DROP INDEX CONCURRENTLY, outside a transaction block.").source(PgManual.DROP_INDEX),
            on(DROP_INDEX_CONCURRENTLY).id(INDEX_CONCURRENTLY).lock(SHARE_UPDATE_EXCLUSIVE)
                    .does(NOT_IN_TRANSACTION_BLOCK)
                    .says("Drops an index CONCURRENTLY: waits for transactions using the table, blocks nobody.")
                    .safer("Cannot run inside a transaction block: run it outside the migration transaction.")
                    .source(PgManual.DROP_INDEX),
            on(RENAME_INDEX).versions(11, 11).id(RENAME).lock(ACCESS_EXCLUSIVE)
                    .says("Renames an index: PG 11 takes ACCESS EXCLUSIVE on it, which every query planning on "
                            + "the table waits for.").safer(LOCK_TIMEOUT).source(PgManual.ALTER_INDEX),
            on(RENAME_INDEX).versions(12, NEWEST).id(SHARE_UPDATE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Renames an index: since PG 12 under SHARE UPDATE EXCLUSIVE, reads and writes go on.")
                    .source(PgManual.RELEASE_12),
            on(REINDEX).id(REINDEX_BLOCKING).lock(ACCESS_EXCLUSIVE).does(REBUILDS_INDEXES, SCANS_TABLE)
                    .cost(INDEX_BUILD)
                    .says("Rebuilds an index: SHARE on the table and ACCESS EXCLUSIVE on the index, which every "
                            + "query planning on the table needs: reads and writes wait for the build.")
                    .safer("REINDEX CONCURRENTLY (PG >= 12), outside a transaction block.")
                    .source(PgManual.REINDEX),
            on(REINDEX_CONCURRENTLY).versions(12, NEWEST).id(INDEX_CONCURRENTLY).lock(SHARE_UPDATE_EXCLUSIVE)
                    .does(REBUILDS_INDEXES, SCANS_TABLE, NOT_IN_TRANSACTION_BLOCK).cost(INDEX_BUILD)
                    .says("Rebuilds an index CONCURRENTLY: SHARE UPDATE EXCLUSIVE, reads and writes go on.")
                    .safer("Cannot run inside a transaction block: run it outside the migration transaction.")
                    .source(PgManual.REINDEX),

            // Types, sequences, views, functions, triggers.
            on(CREATE_ENUM).id(CATALOG).says("Creates an enum type: no table is locked.")
                    .source(PgManual.CREATE_TYPE),
            on(ENUM_ADD_VALUE).versions(11, 11).id(ENUM_ADD).does(NOT_IN_TRANSACTION_BLOCK)
                    .says("Adds an enum value: no table is locked, but PG 11 refuses it inside a transaction block.")
                    .safer("Run ALTER TYPE ... ADD VALUE outside the migration transaction.")
                    .source(PgManual.ALTER_TYPE),
            on(ENUM_ADD_VALUE).versions(12, NEWEST).id(ENUM_ADD)
                    .says("Adds an enum value: catalog only, no table is locked; usable after commit.")
                    .safer(ENUM_VALUE_USE).source(PgManual.RELEASE_12),
            on(ENUM_ADD_VALUE_BEFORE).versions(11, 11).id(ENUM_ADD).does(NOT_IN_TRANSACTION_BLOCK)
                    .says("Adds an enum value BEFORE another: no table is locked, but PG 11 refuses it inside a "
                            + "transaction block.")
                    .safer("Run ALTER TYPE ... ADD VALUE outside the migration transaction.")
                    .source(PgManual.ALTER_TYPE),
            on(ENUM_ADD_VALUE_BEFORE).versions(12, NEWEST).id(ENUM_ADD)
                    .says("Adds an enum value BEFORE another: catalog only, no table is locked; usable after "
                            + "commit.").safer(ENUM_VALUE_USE).source(PgManual.RELEASE_12),
            on(ENUM_RENAME_VALUE).id(CATALOG).says("Renames an enum value: catalog only, no table is locked.")
                    .source(PgManual.ALTER_TYPE),
            on(ALTER_TYPE).id(CATALOG).says("Renames or moves a type, or changes a composite type's attributes: catalog "
                    + "only, no table is locked, not even one with a column of the type.").source(PgManual.ALTER_TYPE),
            on(DROP_TYPE).id(CATALOG).says("Drops an unused type: no table is locked.").source(PgManual.ALTER_TYPE),
            on(CREATE_SEQUENCE).id(CATALOG).says("Creates a sequence.").source(PgManual.SEQUENCES),
            on(ALTER_SEQUENCE).id(BLOCKS_WRITES).lock(SHARE_ROW_EXCLUSIVE).does(REWRITES_TABLE)
                    .says("Alters a sequence: writes a new one-page sequence relation and holds SHARE ROW "
                            + "EXCLUSIVE on it until commit, so nextval() (inserts using the sequence) waits "
                            + "until the transaction ends.")
                    .safer("Commit right after ALTER SEQUENCE; do not keep it in a long migration transaction.")
                    .source(PgManual.SEQUENCES),
            // Measured on 15 (PgRulesTraceTest, PgSequenceValueTest): ROW EXCLUSIVE on the sequence, kept by a ROLLBACK.
            on(SEQUENCE_VALUE).id(SEQUENCE_WRITE).lock(ROW_EXCLUSIVE)
                    .says("Sets (setval) or advances (nextval) the sequence: ROW EXCLUSIVE on it until commit, so "
                            + "other sessions' nextval() goes on and an ALTER SEQUENCE waits. Not transactional: a "
                            + "ROLLBACK of the migration leaves the sequence at the new value.")
                    .safer("If the migration may roll back, run setval again after the rollback (or compute it from "
                            + "max(id) in the statement, as pg_dump's and Django's sequence resets do).")
                    .source(PgManual.SEQUENCE_FUNCTIONS),
            on(DROP_SEQUENCE).id(DROP_DATA).lock(ACCESS_EXCLUSIVE).says("Drops a sequence and its position.")
                    .safer(DEPLOY_FIRST).source(PgManual.SEQUENCES),
            on(CREATE_VIEW).id(CATALOG).other(ACCESS_SHARE)
                    .says("Creates a view: ACCESS SHARE on the tables it reads.").source(PgManual.VIEWS),
            on(CREATE_OR_REPLACE_VIEW).id(INSTANT).lock(ACCESS_EXCLUSIVE).other(ACCESS_SHARE)
                    .says("Replaces a view: ACCESS EXCLUSIVE on the view, so its readers wait until commit.")
                    .safer(LOCK_TIMEOUT).source(PgManual.VIEWS),
            on(DROP_VIEW).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops a view: ACCESS EXCLUSIVE on the view.").safer(DEPLOY_FIRST).source(PgManual.VIEWS),
            on(CREATE_FUNCTION).id(CATALOG).says("Creates or replaces a function: no table is locked.")
                    .source(PgManual.FUNCTIONS),
            on(DROP_FUNCTION).id(CATALOG).says("Drops a function: no table is locked.").source(PgManual.FUNCTIONS),
            on(CREATE_TRIGGER).id(BLOCKS_WRITES).lock(SHARE_ROW_EXCLUSIVE)
                    .says("Creates a trigger: SHARE ROW EXCLUSIVE on the table until commit (writes wait).")
                    .safer(LOCK_TIMEOUT).source(PgManual.TRIGGERS),
            on(DROP_TRIGGER).id(INSTANT).lock(ACCESS_EXCLUSIVE).says("Drops a trigger: catalog only.")
                    .safer(LOCK_TIMEOUT).source(PgManual.EXPLICIT_LOCKING),
            on(SET_UNLOGGED).id(REWRITE_PERSISTENCE).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Makes the table UNLOGGED: rewrites it and its indexes under ACCESS EXCLUSIVE.")
                    .safer(NO_ONLINE_FORM).source(PgManual.ALTER_TABLE),
            on(SET_LOGGED).id(REWRITE_PERSISTENCE).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Makes the table LOGGED: rewrites it and its indexes (all through WAL) under ACCESS "
                            + "EXCLUSIVE.").safer(NO_ONLINE_FORM).source(PgManual.ALTER_TABLE),
            on(COMMENT).id(SHARE_UPDATE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Sets a comment: SHARE UPDATE EXCLUSIVE, reads and writes go on.")
                    .source(PgManual.COMMENT),

            // Partitions: lock is on the partitioned table, otherLock on the partition.
            on(ATTACH_PARTITION).versions(11, 11).id(PARTITION_ATTACH).lock(ACCESS_EXCLUSIVE)
                    .other(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Attaches a partition: PG 11 takes ACCESS EXCLUSIVE on the partitioned table and scans "
                            + "the new partition to check its bound.")
                    .safer("Add a validated CHECK constraint matching the bound to the table first, so the scan "
                            + "is skipped.").source(PgManual.PARTITIONING),
            on(ATTACH_PARTITION).versions(12, NEWEST).id(PARTITION_ATTACH).lock(SHARE_UPDATE_EXCLUSIVE)
                    .other(ACCESS_EXCLUSIVE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Attaches a partition: SHARE UPDATE EXCLUSIVE on the partitioned table (since PG 12), "
                            + "ACCESS EXCLUSIVE on the new partition, which is scanned to check its bound.")
                    .safer("Add a validated CHECK constraint matching the bound to the table first (NOT VALID + "
                            + "VALIDATE), so the scan is skipped; drop it afterwards.").source(PgManual.PARTITIONING),
            on(DETACH_PARTITION).id(PARTITION_DETACH).lock(ACCESS_EXCLUSIVE).other(ACCESS_EXCLUSIVE)
                    .says("Detaches a partition: ACCESS EXCLUSIVE on the partitioned table and the partition.")
                    .safer("PG >= 14: DETACH PARTITION ... CONCURRENTLY, outside a transaction block.")
                    .source(PgManual.PARTITIONING),
            on(DETACH_PARTITION_CONCURRENTLY).versions(14, NEWEST).id(PARTITION_DETACH)
                    .lock(SHARE_UPDATE_EXCLUSIVE).other(ACCESS_EXCLUSIVE).does(NOT_IN_TRANSACTION_BLOCK)
                    .says("Detaches a partition CONCURRENTLY: SHARE UPDATE EXCLUSIVE on the partitioned table; "
                            + "ACCESS EXCLUSIVE on the partition only in its second transaction, after waiting "
                            + "for the queries that use the partitioned table.")
                    .safer("Cannot run inside a transaction block: run it outside the migration transaction.")
                    .source(PgManual.RELEASE_14),

            // Domains: a CHECK or NOT NULL added to a domain is checked against every column of that type.
            on(CREATE_DOMAIN).id(CATALOG).says("Creates a domain: no table is locked.").source(PgManual.CREATE_DOMAIN),
            on(ALTER_DOMAIN_SET_DEFAULT).id(CATALOG)
                    .says("Sets or drops the domain's default: catalog only, no table is locked; existing rows "
                            + "keep their values.").source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_SET_NOT_NULL).id(SCAN_DOMAIN).lock(SHARE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Makes the domain NOT NULL: every table with a column of the domain is scanned under "
                            + "SHARE (reads go on, writes wait).")
                    .safer(DOMAIN_CHECK_NOT_VALID.replace("ADD CONSTRAINT ...", "ADD CONSTRAINT ... CHECK "
                            + "(VALUE IS NOT NULL)")).source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_DROP_NOT_NULL).id(CATALOG).says("Drops NOT NULL from the domain: catalog only.")
                    .source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_ADD_CHECK).id(SCAN_DOMAIN).lock(SHARE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Adds a CHECK to the domain: every table with a column of the domain is scanned under "
                            + "SHARE (reads go on, writes wait).")
                    .safer(DOMAIN_CHECK_NOT_VALID).source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_ADD_CHECK_NOT_VALID).id(CATALOG)
                    .says("Adds a CHECK to the domain NOT VALID: existing rows are not checked.")
                    .source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_VALIDATE_CHECK).id(SCAN_DOMAIN).lock(SHARE).does(SCANS_TABLE).cost(TABLE_BYTES)
                    .says("Validates a NOT VALID domain CHECK: every table with a column of the domain is scanned "
                            + "under SHARE (reads go on, writes wait; unlike a table's VALIDATE CONSTRAINT).")
                    .safer("Run it when writes may wait for one scan of each table using the domain, or keep "
                            + "the constraint NOT VALID.").source(PgManual.DOMAINS),
            on(ALTER_DOMAIN_DROP_CONSTRAINT).id(CATALOG).says("Drops a CHECK of the domain: catalog only.")
                    .source(PgManual.DOMAINS),
            on(ADD_COLUMN_DOMAIN_CHECK).id(REWRITE_ADD_COLUMN).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(TABLE_AND_INDEX_BYTES)
                    .says("Adds a column whose type is a domain with constraints: each row's value is checked "
                            + "against the domain, so the table and all its indexes are rewritten under ACCESS "
                            + "EXCLUSIVE, with or without a default.")
                    .safer("Add the column with the domain's base type (catalog only), backfill in batches, then "
                            + "change its type to the domain (a binary-coercible change that still scans) or "
                            + "keep a table CHECK added NOT VALID and validated.").source(PgManual.ALTER_TABLE_NOTES),

            // Storage parameters, column storage and statistics, replica identity.
            on(SET_STORAGE_PARAMETERS).id(SHARE_UPDATE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Sets storage parameters (fillfactor, autovacuum settings): SHARE UPDATE EXCLUSIVE, "
                            + "reads and writes go on; existing pages are not rewritten.")
                    .source(PgManual.STORAGE_PARAMETERS),
            on(SET_USER_CATALOG_TABLE).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Sets or resets user_catalog_table: the one storage parameter that takes ACCESS "
                            + "EXCLUSIVE (catalog only).")
                    .safer(LOCK_TIMEOUT).source(PgManual.STORAGE_PARAMETERS),
            on(SET_COLUMN_OPTIONS).id(SHARE_UPDATE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Sets column options (n_distinct, n_distinct_inherited): SHARE UPDATE EXCLUSIVE, reads "
                            + "and writes go on; the planner uses them after the next ANALYZE.")
                    .source(PgManual.ALTER_TABLE),
            on(SET_STORAGE).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Sets the column's storage strategy: catalog only (existing values keep their storage "
                            + "until rewritten), but under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(SET_COMPRESSION).versions(14, NEWEST).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Sets the column's compression method: catalog only (existing values stay compressed "
                            + "as they were), but under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(REPLICA_IDENTITY).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Changes the replica identity (what logical replication logs for UPDATE and DELETE): "
                            + "catalog only, under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),

            // Row level security, policies, rules.
            on(ALTER_ROW_SECURITY).id(ROW_SECURITY).lock(ACCESS_EXCLUSIVE)
                    .says("Enables, disables or forces row level security: catalog only, under ACCESS EXCLUSIVE; "
                            + "from commit on, queries see only the rows the policies allow.")
                    .safer(ROW_SECURITY_FIRST).source(PgManual.ROW_SECURITY),
            on(CREATE_POLICY).id(ROW_SECURITY).lock(ACCESS_EXCLUSIVE)
                    .says("Creates a row level security policy: catalog only, under ACCESS EXCLUSIVE; changes which "
                            + "rows queries see when row level security is enabled.")
                    .safer(LOCK_TIMEOUT).source(PgManual.POLICIES),
            on(DROP_POLICY).id(ROW_SECURITY).lock(ACCESS_EXCLUSIVE)
                    .says("Drops a row level security policy: catalog only, under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.POLICIES),
            on(CREATE_RULE).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Creates a rewrite rule: catalog only, under ACCESS EXCLUSIVE; from commit on, the rule "
                            + "rewrites the statements it matches.")
                    .safer(LOCK_TIMEOUT).source(PgManual.RULES),
            on(DROP_RULE).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops a rewrite rule: catalog only, under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.RULES),

            // Materialized views: lock is on the view, otherLock on the table it reads.
            on(CREATE_MATERIALIZED_VIEW).id(MATVIEW_BUILD).other(ACCESS_SHARE).does(SCANS_TABLE).cost(NOTHING)
                    .says("Creates and fills a materialized view: runs its query (ACCESS SHARE on the tables it "
                            + "reads, which are read in full when the query says so).")
                    .source(PgManual.MATERIALIZED_VIEWS),
            on(DROP_MATERIALIZED_VIEW).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Drops a materialized view and its indexes: ACCESS EXCLUSIVE on the view.")
                    .safer(DEPLOY_FIRST).source(PgManual.MATERIALIZED_VIEWS),
            on(REFRESH_MATERIALIZED_VIEW).id(MATVIEW_REFRESH).lock(ACCESS_EXCLUSIVE).other(ACCESS_SHARE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE).cost(NOTHING)
                    .says("Refreshes a materialized view: runs its query and writes the view and its indexes anew "
                            + "under ACCESS EXCLUSIVE on the view (its readers wait throughout).")
                    .safer("REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view): EXCLUSIVE, "
                            + "readers of the view go on.").source(PgManual.MATERIALIZED_VIEWS),
            on(REFRESH_MATERIALIZED_VIEW_CONCURRENTLY).id(MATVIEW_REFRESH).lock(EXCLUSIVE).other(ACCESS_SHARE)
                    .does(SCANS_TABLE)
                    .says("Refreshes a materialized view CONCURRENTLY: EXCLUSIVE on the view, readers go on; the "
                            + "new rows are diffed against the old and applied as updates.")
                    .safer("Nothing else reads during it; only one refresh runs at a time.")
                    .source(PgManual.MATERIALIZED_VIEWS),

            // Inheritance: lock is on the child, otherLock on the parent.
            on(ADD_INHERIT).id(INHERITANCE).lock(ACCESS_EXCLUSIVE).other(SHARE_UPDATE_EXCLUSIVE)
                    .says("Makes the table a child of a parent: catalog only (the columns and CHECK constraints "
                            + "must match already), ACCESS EXCLUSIVE on the child and SHARE UPDATE EXCLUSIVE on "
                            + "the parent; from commit on, queries on the parent read the child's rows too.")
                    .safer(LOCK_TIMEOUT).source(PgManual.INHERITANCE),
            on(DROP_INHERIT).id(INHERITANCE).lock(ACCESS_EXCLUSIVE).other(ACCESS_SHARE)
                    .says("Detaches the table from a parent: catalog only, ACCESS EXCLUSIVE on the child and "
                            + "ACCESS SHARE on the parent; queries on the parent no longer read its rows.")
                    .safer(LOCK_TIMEOUT).source(PgManual.INHERITANCE),

            // Data statements: lock is on the table written, otherLock on the table read.
            on(UPDATE_ROWS).id(DATA_UPDATE).lock(ROW_EXCLUSIVE).does(SCANS_TABLE, WRITES_ROWS).cost(ROW_WRITES)
                    .says("Updates rows: ROW EXCLUSIVE on the table (reads go on; writers of the same rows and "
                            + "every ALTER TABLE wait until commit). Each row gets a new version in the heap and, "
                            + "unless the update is HOT (no indexed column changes and the page has room: rare "
                            + "for a packed table), a new entry in every index, all through WAL; the old versions "
                            + "stay until VACUUM, so a full-table update roughly doubles the table on disk. "
                            + "Without an index on the WHERE columns the table is read in full.")
                    .safer(BATCHES + " " + OUTSIDE_MIGRATION).source(PgManual.UPDATE),
            on(DELETE_ROWS).id(DATA_DELETE).lock(ROW_EXCLUSIVE).does(SCANS_TABLE, WRITES_ROWS).cost(ROW_DELETES)
                    .says("Deletes rows: ROW EXCLUSIVE on the table (reads go on; writers of the same rows and "
                            + "every ALTER TABLE wait until commit). Each row is marked deleted (WAL per row, plus a "
                            + "full-page image of each page after a checkpoint; no index writes); the space comes "
                            + "back only after VACUUM. Without an index on the WHERE columns the table is read in "
                            + "full.")
                    .safer(BATCHES.replace("UPDATE t SET ...", "DELETE FROM t") + " To delete most of a table, copy "
                            + "the rows to keep into a new table and swap the names, or partition by time and drop "
                            + "partitions. " + OUTSIDE_MIGRATION).source(PgManual.DELETE),
            on(INSERT_SELECT).id(DATA_INSERT_SELECT).lock(ROW_EXCLUSIVE).other(ACCESS_SHARE)
                    .does(SCANS_TABLE, WRITES_ROWS).cost(ROW_INSERTS)
                    .says("Copies rows from another table: ACCESS SHARE on the table read (its reads and writes go "
                            + "on), ROW EXCLUSIVE on the table written; every row is written to the heap, to every "
                            + "index of the target and to WAL.")
                    .safer("Copy by key range of the source, one transaction per batch; on a new table, create "
                            + "its indexes after the copy. " + OUTSIDE_MIGRATION).source(PgManual.INSERT),
            on(TRUNCATE).id(TRUNCATE_TABLE).lock(ACCESS_EXCLUSIVE).does(EMPTIES_TABLE)
                    .says("Empties the table: new empty files for the table and its indexes, constant time, but "
                            + "under ACCESS EXCLUSIVE (every query on the table waits until commit); the data cannot "
                            + "be recovered by a rollback after commit.")
                    .safer(DEPLOY_FIRST).source(PgManual.TRUNCATE),
            on(CREATE_TABLE_AS).id(TABLE_AS).other(ACCESS_SHARE).does(SCANS_TABLE, WRITES_ROWS).cost(ROW_INSERTS)
                    .says("Creates a table from a query: ACCESS SHARE on the tables it reads (their reads and "
                            + "writes go on), every row written to the new table and to WAL; the new table has no "
                            + "index, constraint or default.")
                    .safer("Create the new table's indexes and constraints after it is filled (CONCURRENTLY "
                            + "once the application writes to it).").source(PgManual.CREATE_TABLE_AS),

            // Statements migrations run beside schema changes (measured in PgRulesTraceTest, PgPrivilegesTraceTest).
            on(GRANT_ON_TABLE).id(PRIVILEGES_ROW)
                    .says("Grants or revokes privileges on a table: no table lock (reads and writes go on), but it "
                            + "updates the table's pg_class row, so until commit another session's ALTER TABLE, "
                            + "CREATE INDEX or GRANT on the table waits for this transaction.")
                    .safer(COMMIT_SOON).source(PgManual.GRANT),
            on(GRANT_IN_SCHEMA).id(PRIVILEGES_ROW)
                    .says("Grants or revokes privileges on every table (or sequence, function) of a schema: no "
                            + "table lock, but it updates each one's pg_class row, so until commit another "
                            + "session's ALTER TABLE or CREATE INDEX on any of them waits for this transaction.")
                    .safer(COMMIT_SOON).source(PgManual.GRANT),
            on(PRIVILEGES).id(CATALOG)
                    .says("Grants or revokes privileges on a schema, function, database or type, role "
                            + "membership, or default privileges: catalog only, no table is locked.")
                    .source(PgManual.GRANT),
            on(ROLE).id(CATALOG)
                    .says("Creates, alters or drops a role: catalog only (shared by every database of the "
                            + "server), no table is locked.")
                    .source(PgManual.ROLES),
            on(CHANGE_OWNER).id(INSTANT).lock(ACCESS_EXCLUSIVE)
                    .says("Changes the table's owner: catalog only, but under ACCESS EXCLUSIVE (with its indexes).")
                    .safer(LOCK_TIMEOUT).source(PgManual.ALTER_TABLE),
            on(SET_SCHEMA).id(RENAME).lock(ACCESS_EXCLUSIVE)
                    .says("Moves the table (with its indexes and owned sequences) to another schema: catalog "
                            + "only, under ACCESS EXCLUSIVE; queries naming the old schema fail from commit on.")
                    .safer(RENAME_COMPAT).source(PgManual.ALTER_TABLE),
            on(ALTER_SCHEMA).id(CATALOG)
                    .says("Renames a schema or changes its owner: catalog only, no table is locked (a rename "
                            + "breaks queries that name the old schema).")
                    .source(PgManual.SCHEMAS),
            on(ALTER_FUNCTION).id(CATALOG)
                    .says("Alters a function (owner, name, schema, settings): catalog only, no table is locked.")
                    .source(PgManual.FUNCTIONS),
            on(ALTER_POLICY).id(ROW_SECURITY).lock(ACCESS_EXCLUSIVE)
                    .says("Changes a row level security policy: catalog only, under ACCESS EXCLUSIVE.")
                    .safer(LOCK_TIMEOUT).source(PgManual.POLICIES),
            on(CLUSTER).id(REWRITE_MAINTENANCE).lock(ACCESS_EXCLUSIVE).does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE)
                    .cost(TABLE_AND_INDEX_BYTES)
                    .says("Rewrites the table in the order of an index and rebuilds every index, under ACCESS "
                            + "EXCLUSIVE throughout (reads wait too); needs free space for a full copy.")
                    .safer(REPACK).source(PgManual.CLUSTER),
            on(VACUUM_FULL).id(REWRITE_MAINTENANCE).lock(ACCESS_EXCLUSIVE)
                    .does(REWRITES_TABLE, REBUILDS_INDEXES, SCANS_TABLE, NOT_IN_TRANSACTION_BLOCK).cost(TABLE_AND_INDEX_BYTES)
                    .says("Rewrites the table compactly and rebuilds every index, under ACCESS EXCLUSIVE throughout "
                            + "(reads wait too); needs free space for a full copy; cannot run in a transaction block.")
                    .safer(REPACK + " It cannot run inside a transaction block: outside the migration transaction.")
                    .source(PgManual.VACUUM),
            on(VACUUM).id(MAINTENANCE).lock(SHARE_UPDATE_EXCLUSIVE).does(NOT_IN_TRANSACTION_BLOCK).cost(TABLE_BYTES)
                    .says("Vacuums the table: reads the pages that are not all-visible and each index, under SHARE "
                            + "UPDATE EXCLUSIVE (reads and writes go on; ALTER TABLE and other VACUUMs wait); cannot "
                            + "run in a transaction block.")
                    .safer("Run it outside the migration transaction (it refuses a transaction block); autovacuum "
                            + "does the same work on its own.").source(PgManual.VACUUM),
            on(ANALYZE).id(MAINTENANCE).lock(SHARE_UPDATE_EXCLUSIVE)
                    .says("Collects statistics from a sample of the table (300 × default_statistics_target rows): "
                            + "SHARE UPDATE EXCLUSIVE, reads and writes go on; seconds even on a large table.")
                    .source(PgManual.ANALYZE)),
            java.util.Arrays.stream(LockMode.values()).map(PgRules::lockTable)).toList();

    /** LOCK TABLE in each mode: the mode it names, held until the transaction ends. */
    private static PgRule lockTable(LockMode mode) {
        String blocks = mode.blocksReads() ? "reads and writes wait" : mode.blocksWrites() ? "reads go on, writes wait"
                : "reads and writes go on";
        return on(PgOperation.valueOf("LOCK_TABLE_" + mode.name())).id(LOCK_TABLE).lock(mode)
                .says("Takes " + mode.sql() + " on the table until the transaction ends (" + blocks + " until "
                        + "then); refused outside a transaction block.")
                .safer(mode.blocksWrites() ? LOCK_TIMEOUT + " Take the lock as late as possible and commit soon after."
                        : NOTHING_TO_DO)
                .source(PgManual.LOCK);
    }

    private PgRules() {
    }

    /** Every rule, in table order. */
    public static List<PgRule> all() {
        return RULES;
    }

    /**
     * The rule for an operation on a server of the given major version; empty when the operation does not
     * exist there (REINDEX CONCURRENTLY before 12, DETACH ... CONCURRENTLY before 14). Versions newer than
     * {@link #NEWEST} get the newest rules; older than {@link #OLDEST} are refused.
     */
    public static Optional<PgRule> forOperation(PgOperation op, int majorVersion) {
        if (majorVersion < OLDEST) {
            throw new IllegalArgumentException("PostgreSQL " + majorVersion + " is not supported (oldest: " + OLDEST + ")");
        }
        int v = Math.min(majorVersion, NEWEST);
        return RULES.stream().filter(r -> r.operation() == op && r.appliesTo(v)).findFirst();
    }

    private static Row on(PgOperation op) {
        return new Row(op);
    }

    /** One row of the table while it is written down; only {@link #RULES} uses it. */
    private static final class Row {
        private final PgOperation op;
        private int from = OLDEST;
        private int to = NEWEST;
        private String id;
        private LockMode lock;
        private LockMode other;
        private final Set<Effect> effects = EnumSet.noneOf(Effect.class);
        private Cost cost = NOTHING;
        private String message;
        private String safer = NOTHING_TO_DO;

        Row(PgOperation op) {
            this.op = op;
        }

        Row versions(int from, int to) {
            this.from = from;
            this.to = to;
            return this;
        }

        Row id(String id) {
            this.id = id;
            return this;
        }

        Row lock(LockMode lock) {
            this.lock = lock;
            return this;
        }

        Row other(LockMode other) {
            this.other = other;
            return this;
        }

        Row does(Effect... e) {
            effects.addAll(List.of(e));
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

        PgRule source(PgManual source) {
            return new PgRule(op, from, to, id, lock, other, effects, cost, message, safer, source);
        }
    }
}
