package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.schemaplan.Schemaplan;
import io.schemaplan.model.Engine;
import io.schemaplan.read.Loaded;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.testing.LocalMariadb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL/MariaDB safer SQL of a data statement, run as printed with the {@code mariadb} client on the
 * local server: the procedure writes every row the statement would have written, each batch committed on
 * its own, so that while a batch waits, writers of rows of other batches go on; the index its WHERE needs
 * is built first; and nothing of the procedure is left behind.
 */
class MyScriptRecipesServerTest {
    static final String DB = "sp_mydata_recipes";
    static final int ROWS = 12_345;
    static final Integer LOCK_WAIT_TIMEOUT = 1205;

    @TempDir
    Path dir;

    /** Dify's messages, shortened: a char(36) uuid key in random order, as Dify's are. */
    @BeforeEach
    void table() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS " + DB,
                "CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        LocalMariadb.exec(DB, "CREATE TABLE messages (id char(36) NOT NULL PRIMARY KEY, invoke_from varchar(20),"
                        + " parent_message_id char(36), note varchar(20)) ENGINE=InnoDB",
                "INSERT INTO messages (id, invoke_from) SELECT insert(insert(insert(insert(md5(seq), 9, 0, '-'),"
                        + " 14, 0, '-'), 19, 0, '-'), 24, 0, '-'), IF(seq % 10 = 0, 'service-api', 'web-app')"
                        + " FROM seq_1_to_" + ROWS,
                "CREATE TABLE events (a int, b int, note varchar(20)) ENGINE=InnoDB",
                "INSERT INTO events SELECT seq, seq % 7, NULL FROM seq_1_to_" + ROWS);
    }

    @AfterAll
    static void dropDatabase() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS " + DB);
    }

    /** The recipe of the script's only statement, planned on the live database. */
    static String recipe(String script) {
        Loaded live = Schemaplan.read(LocalMariadb.url(DB));
        Script s = ScriptReader.read("m.sql", script.getBytes(StandardCharsets.UTF_8), Engine.MARIADB);
        ScriptPlan plan = Schemaplan.planScript(live, List.of(s), "m.sql", Schemaplan.Options.defaults());
        String sql = plan.statements().get(0).recipeSql();
        assertTrue(sql != null && sql.contains("COMMIT;") && sql.contains("DELIMITER //"), String.valueOf(sql));
        return sql;
    }

    /** Feeds the recipe to the mariadb client as a DBA would; fails with the client's output when it does. */
    LocalMariadb.ClientRun run(String sql, String... options) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "recipe", ".sql"), sql);
        List<String> args = new java.util.ArrayList<>(List.of("--database=" + DB));
        args.addAll(List.of(options));
        LocalMariadb.ClientRun r = LocalMariadb.run(file, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    /** Plans the script, checks its recipe holds {@code expected}, and runs the recipe. */
    void runRecipe(String script, String expected) throws IOException {
        String sql = recipe(script);
        assertTrue(sql.contains(expected), sql);
        run(sql);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = LocalMariadb.connect(DB); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String key(int n) throws SQLException {
        try (Connection c = LocalMariadb.connect(DB); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT id FROM messages ORDER BY id LIMIT " + (n - 1) + ", 1")) {
            r.next();
            return r.getString(1);
        }
    }

    static void assertNoProcedureLeft() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + DB + "'"));
    }

    @Test
    void theKeyRangeProcedureWritesEveryRowAndLeavesNothingBehind() throws Exception {
        runRecipe("UPDATE messages SET parent_message_id = '00000000-0000-0000-0000-000000000000';",
                "DECLARE lo, hi char(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;");
        assertEquals(ROWS, count("SELECT count(*) FROM messages WHERE parent_message_id = '00000000-0000-0000-0000-000000000000'"));
        assertNoProcedureLeft();
    }

    @Test
    void aWhereOnAnUnindexedColumnGetsItsIndexFirstAndOnlyMatchingRowsAreWritten() throws Exception {
        runRecipe("DELETE FROM messages WHERE invoke_from = 'service-api';",
                "ALTER TABLE `messages` ADD INDEX `messages_invoke_from_idx` (`invoke_from`), ALGORITHM=INPLACE, LOCK=NONE;");
        assertEquals(0, count("SELECT count(*) FROM messages WHERE invoke_from = 'service-api'"));
        assertEquals(ROWS - ROWS / 10, count("SELECT count(*) FROM messages"));
        assertEquals(1, count("SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                + DB + "' AND INDEX_NAME = 'messages_invoke_from_idx'"));
        assertNoProcedureLeft();
    }

    @Test
    void withoutAOneColumnKeyBatchesTakeTheRowsTheWhereStillMatches() throws Exception {
        runRecipe("UPDATE events SET note = 'seen' WHERE note IS NULL;", "LIMIT " + ScriptRecipes.BATCH);
        assertEquals(ROWS, count("SELECT count(*) FROM events WHERE note = 'seen'"));
        assertNoProcedureLeft();
    }

    /**
     * A second session holds row 6,000 (in key order), in the second batch. The procedure commits the first
     * batch, then waits on that row inside the second: rows of the first batch (committed) and of the third
     * (not reached yet) can be written meanwhile, a row of the second batch before 6,000 cannot. Once the
     * holder commits, the procedure ends and every row is written.
     */
    @Test
    void whileABatchWaitsWritersOfRowsOfOtherBatchesGoOn() throws Exception {
        String sql = recipe("UPDATE messages SET parent_message_id = '00000000-0000-0000-0000-000000000000';");
        String held = key(6_000);
        String firstBatch = key(100);
        String sameBatch = key(5_500);
        String thirdBatch = key(11_000);
        try (Connection holder = LocalMariadb.connect(DB); Connection writer = LocalMariadb.connect(DB)) {
            exec(writer, "SET SESSION innodb_lock_wait_timeout = 1");
            holder.setAutoCommit(false);
            exec(holder, "SELECT id FROM messages WHERE id = '" + held + "' FOR UPDATE");
            CompletableFuture<LocalMariadb.ClientRun> procedure = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(sql, "--init-command=SET SESSION innodb_lock_wait_timeout = 60");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitLockWait();
            assertEquals(ScriptRecipes.BATCH, count("SELECT count(*) FROM messages WHERE parent_message_id IS NOT NULL"),
                    "the first batch is committed while the second waits");
            assertNull(error(writer, "UPDATE messages SET note = 'x' WHERE id = '" + firstBatch + "'"),
                    "a writer of a row of the committed batch goes on");
            assertNull(error(writer, "UPDATE messages SET note = 'x' WHERE id = '" + thirdBatch + "'"),
                    "a writer of a row of a later batch goes on");
            assertEquals(LOCK_WAIT_TIMEOUT, error(writer, "UPDATE messages SET note = 'x' WHERE id = '" + sameBatch + "'"),
                    "a writer of a row the waiting batch has written waits");
            holder.commit();
            procedure.get(60, TimeUnit.SECONDS);
        }
        assertEquals(ROWS, count("SELECT count(*) FROM messages WHERE parent_message_id IS NOT NULL"));
        assertEquals(2, count("SELECT count(*) FROM messages WHERE note = 'x'"));
        assertNoProcedureLeft();
    }

    /** Waits until a transaction in this database waits for a row lock (the procedure's second batch). */
    static void awaitLockWait() throws Exception {
        for (int i = 0; i < 300; i++) {
            if (count("SELECT count(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
                    + " ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = '" + DB + "'") > 0) return;
            Thread.sleep(100);
        }
        fail("the procedure never waited on the held row");
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The error code the statement fails with (autocommit), or null when it ran. */
    static Integer error(Connection c, String sql) {
        try {
            exec(c, sql);
            return null;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }
}
