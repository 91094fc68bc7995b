package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routine rules asked of the local MariaDB the way a DBA would see them: session A holds a lock or an open
 * transaction, session B runs the statement under {@code lock_wait_timeout = 1} and either finishes or times
 * out (1205). A routine's statements lock the routine's name, never a table its body uses; they wait for open
 * transactions that called the routine; between a DROP and a CREATE callers get 1305.
 */
class MyRoutinesServerTest {
    /** The operations whose MariaDB rule this test checks (docs/mysql-impact.md says so, by MyRulesDocTest). */
    static final Set<MyOperation> VERIFIED = Set.of(MyOperation.CREATE_ROUTINE, MyOperation.DROP_ROUTINE,
            MyOperation.ALTER_ROUTINE, MyOperation.REPLACE_ROUTINE);
    private static final String DB = "sp_myroutines_rules";
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DOES_NOT_EXIST = 1305;

    @BeforeEach
    void database() throws SQLException {
        MariadbProbe.databaseWithTable(DB);
        MariadbProbe.run("CREATE FUNCTION " + DB + ".f() RETURNS int READS SQL DATA RETURN (SELECT count(*) FROM " + DB + ".t)");
    }

    @AfterAll
    static void drop() throws SQLException {
        MariadbProbe.run("DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void creatingAlteringAndDroppingRoutinesLocksNoTableNotEvenOneTheBodyUses() throws SQLException {
        for (MyOperation op : VERIFIED) assertEquals(MyRule.Lock.NONE, MariadbProbe.rule(op).lock(), op.name());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t WRITE");
            sb.execute("CREATE PROCEDURE p() MODIFIES SQL DATA UPDATE t SET a = a + 1");
            sb.execute("ALTER PROCEDURE p COMMENT 'bumps a'");
            sb.execute("CREATE OR REPLACE PROCEDURE p() MODIFIES SQL DATA UPDATE t SET a = a + 2");
            sb.execute("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t WHERE id < 0");
            sb.execute("ALTER EVENT e DO DELETE FROM t WHERE id < -1");
            sb.execute("DROP EVENT e");
            sb.execute("DROP PROCEDURE p");
            sa.execute("UNLOCK TABLES");
        }
    }

    /** A transaction that called the function holds it until it ends: DROP, CREATE OR REPLACE and ALTER wait. */
    @Test
    void replacingAlteringOrDroppingWaitsForAnOpenTransactionThatCalledIt() throws SQLException {
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            assertEquals(2, call(sa));
            for (String sql : new String[] {"DROP FUNCTION f", "ALTER FUNCTION f COMMENT 'x'",
                    "CREATE OR REPLACE FUNCTION f() RETURNS int NO SQL RETURN 0"}) {
                SQLException e = assertThrows(SQLException.class, () -> sb.execute(sql), sql);
                assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), sql + ": " + e.getMessage());
            }
            a.commit();
            sb.execute("CREATE OR REPLACE FUNCTION f() RETURNS int NO SQL RETURN 0");
            assertEquals(0, call(sa));
        }
    }

    /** While a DROP waits for that transaction, calls that start meanwhile queue behind it. */
    @Test
    void callsQueueBehindAWaitingDrop() throws Exception {
        try (Connection a = session(); Connection b = session(); Connection c = session();
             Statement sa = a.createStatement(); Statement sb = b.createStatement(); Statement sc = c.createStatement()) {
            a.setAutoCommit(false);
            call(sa);
            sb.execute("SET SESSION lock_wait_timeout = 10");
            CompletableFuture<Void> dropping = CompletableFuture.runAsync(() -> {
                try {
                    sb.execute("DROP FUNCTION f");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(dropping.isDone(), "the DROP waits for the open transaction");
            SQLException e = assertThrows(SQLException.class, () -> call(sc));
            assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
            a.commit();
            dropping.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * MySQL's only way to change a body is DROP then CREATE, and in between a caller finds nothing (1305); MariaDB's
     * CREATE OR REPLACE is one statement.
     */
    @Test
    void betweenADropAndACreateCallersGetDoesNotExist() throws SQLException {
        assertEquals(MyRules.ROUTINE_GAP, MyRules.forOperation(MyOperation.REPLACE_ROUTINE, MyEngine.MYSQL_8_4).id());
        assertEquals(MyRules.CATALOG, MariadbProbe.rule(MyOperation.REPLACE_ROUTINE).id());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sb.execute("CREATE OR REPLACE FUNCTION f() RETURNS int NO SQL RETURN 1");
            assertEquals(1, call(sa));
            sb.execute("DROP FUNCTION f");
            SQLException e = assertThrows(SQLException.class, () -> call(sa));
            assertEquals(DOES_NOT_EXIST, e.getErrorCode(), e.getMessage());
            sb.execute("CREATE FUNCTION f() RETURNS int NO SQL RETURN 2");
            assertEquals(2, call(sa));
        }
    }

    private static int call(Statement s) throws SQLException {
        return MariadbProbe.queryInt(s, "SELECT f()");
    }

    private static Connection session() throws SQLException {
        return MariadbProbe.waitingSession(DB);
    }
}
