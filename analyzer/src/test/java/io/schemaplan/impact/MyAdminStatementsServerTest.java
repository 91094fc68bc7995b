package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the statements migrations run beside schema changes (privileges, users, LOCK TABLES, OPTIMIZE
 * TABLE), asked of the local MariaDB the way a DBA would: session A holds a lock, session B runs the statement
 * under {@code lock_wait_timeout = 1} and either finishes or times out (performance_schema is off here, so
 * metadata_locks cannot be read).
 */
class MyAdminStatementsServerTest {
    /** The operations whose MariaDB rule this test checks (docs/mysql-impact.md says so, by MyRulesDocTest). */
    static final Set<MyOperation> VERIFIED = Set.of(MyOperation.PRIVILEGES, MyOperation.LOCK_TABLES_READ,
            MyOperation.LOCK_TABLES_WRITE);
    private static final String DB = "sp_stmts_admin";
    private static final String USER = "'sp_stmts_user'@'localhost'";
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    @BeforeAll
    static void database() throws SQLException {
        MariadbProbe.databaseWithTable(DB);
        MariadbProbe.run("DROP USER IF EXISTS " + USER);
    }

    @AfterAll
    static void drop() throws SQLException {
        MariadbProbe.run("DROP USER IF EXISTS " + USER, "DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void privilegesAndUsersWaitForNoTableLockNotEvenLockTablesWrite() throws SQLException {
        assertEquals(MyRule.Lock.NONE, MariadbProbe.rule(MyOperation.PRIVILEGES).lock());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t WRITE");
            sb.execute("CREATE USER " + USER);
            sb.execute("GRANT SELECT, INSERT ON " + DB + ".t TO " + USER);
            sb.execute("REVOKE INSERT ON " + DB + ".t FROM " + USER);
            sb.execute("GRANT SELECT ON " + DB + ".* TO " + USER);
            sb.execute("FLUSH PRIVILEGES");
            sb.execute("DROP USER " + USER);
            sa.execute("UNLOCK TABLES");
        }
    }

    @Test
    void lockTablesReadLetsReadsGoOnAndWritesWait() throws SQLException {
        MyRule r = MariadbProbe.rule(MyOperation.LOCK_TABLES_READ);
        assertEquals(MyRule.Lock.SHARED, r.lock());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t READ");
            assertEquals(2, count(sb));
            SQLException e = assertThrows(SQLException.class, () -> sb.execute("INSERT INTO t VALUES (3, 3)"));
            assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
            sa.execute("UNLOCK TABLES");
            sb.execute("DELETE FROM t WHERE id = 3");
        }
    }

    @Test
    void lockTablesWriteMakesReadsWaitToo() throws SQLException {
        MyRule r = MariadbProbe.rule(MyOperation.LOCK_TABLES_WRITE);
        assertEquals(MyRule.Lock.EXCLUSIVE, r.lock());
        assertTrue(r.blocksReads());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t WRITE");
            SQLException e = assertThrows(SQLException.class, () -> count(sb));
            assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
            sa.execute("UNLOCK TABLES");
            assertEquals(2, count(sb));
        }
    }

    /**
     * OPTIMIZE TABLE on InnoDB is the FORCE rebuild (the planner maps it to FORCE_REBUILD): the server says so,
     * and like every online rebuild it needs the exclusive metadata lock at its edge, so an open transaction
     * on the table makes it wait.
     */
    @Test
    void optimizeTableIsTheForceRebuildAndWaitsForOpenTransactions() throws SQLException {
        assertEquals(MyRule.Lock.NONE, MariadbProbe.rule(MyOperation.FORCE_REBUILD).lock());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            assertTrue(optimize(sb).contains("doing recreate + analyze instead"));
            a.setAutoCommit(false);
            count(sa);
            assertTrue(optimize(sb).contains("Lock wait timeout exceeded"));
            a.commit();
        }
    }

    private static String optimize(Statement s) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery("OPTIMIZE TABLE t")) {
            while (rs.next()) out.append(rs.getString("Msg_text")).append('\n');
        }
        return out.toString();
    }

    private static int count(Statement s) throws SQLException {
        return MariadbProbe.queryInt(s, "SELECT count(*) FROM t");
    }

    private static Connection session() throws SQLException {
        return MariadbProbe.waitingSession(DB);
    }
}
