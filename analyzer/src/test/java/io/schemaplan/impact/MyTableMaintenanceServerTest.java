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
 * The rules of CHECK TABLE, REPAIR TABLE, CREATE DATABASE and DROP DATABASE, asked of the local MariaDB as
 * {@link MyAdminStatementsServerTest} asks: session A holds a lock or an open transaction, session B runs the
 * statement under {@code lock_wait_timeout = 1} and finishes or times out (performance_schema is off here and
 * the metadata_lock_info plugin is not installed, so neither lock table can be read). Each also commits what
 * its session had open, as DDL does.
 */
class MyTableMaintenanceServerTest {
    /** The operations whose MariaDB rule this test checks (docs/mysql-impact.md says so, by MyRulesDocTest). */
    static final Set<MyOperation> VERIFIED = Set.of(MyOperation.CHECK_TABLE, MyOperation.REPAIR_TABLE,
            MyOperation.CREATE_DATABASE, MyOperation.DROP_DATABASE);
    private static final String DB = "sp_rules2_maint";
    private static final String OTHER = "sp_rules2_maint_other";
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    @BeforeAll
    static void database() throws SQLException {
        MariadbProbe.databaseWithTable(DB);
        MariadbProbe.run("DROP DATABASE IF EXISTS " + OTHER);
    }

    @AfterAll
    static void drop() throws SQLException {
        MariadbProbe.run("DROP DATABASE IF EXISTS " + DB, "DROP DATABASE IF EXISTS " + OTHER);
    }

    /** CHECK TABLE goes on beside an open transaction that wrote to the table; LOCK TABLES ... WRITE makes it wait. */
    @Test
    void checkTableReadsBesideOpenWritersAndWaitsOnlyForLockTablesWrite() throws SQLException {
        MyRule r = MariadbProbe.rule(MyOperation.CHECK_TABLE);
        assertEquals(MyRule.Lock.NONE, r.lock());
        assertEquals(Cost.TABLE_BYTES, r.cost());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            sa.execute("INSERT INTO t VALUES (10, 10)");
            assertEquals("OK", admin(sb, "CHECK TABLE t"));
            a.rollback();
            a.setAutoCommit(true);
            sa.execute("LOCK TABLES t WRITE");
            assertTrue(admin(sb, "CHECK TABLE t").contains("Lock wait timeout exceeded"));
            sa.execute("UNLOCK TABLES");
        }
    }

    /** REPAIR TABLE on InnoDB changes nothing, yet waits even for an open reader: an exclusive metadata lock. */
    @Test
    void repairTableIsUnsupportedOnInnodbButWaitsForOpenReaders() throws SQLException {
        MyRule r = MariadbProbe.rule(MyOperation.REPAIR_TABLE);
        assertEquals(MyRule.Lock.EXCLUSIVE, r.lock());
        assertEquals(Cost.NOTHING, r.cost());
        assertTrue(r.message().contains("doesn't support repair"));
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            assertEquals("The storage engine for the table doesn't support repair", admin(sb, "REPAIR TABLE t"));
            a.setAutoCommit(false);
            count(sa);
            assertTrue(admin(sb, "REPAIR TABLE t").contains("Lock wait timeout exceeded"));
            a.commit();
        }
    }

    /** CREATE DATABASE waits for no table lock; DROP DATABASE waits for an open reader of any table in it. */
    @Test
    void createDatabaseLocksNoTableAndDropDatabaseWaitsForOpenReaders() throws SQLException {
        assertEquals(MyRule.Lock.NONE, MariadbProbe.rule(MyOperation.CREATE_DATABASE).lock());
        assertEquals(MyRule.Lock.EXCLUSIVE, MariadbProbe.rule(MyOperation.DROP_DATABASE).lock());
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t WRITE");
            sb.execute("CREATE DATABASE " + OTHER);
            sa.execute("UNLOCK TABLES");
            sb.execute("CREATE TABLE " + OTHER + ".u (id int PRIMARY KEY) ENGINE=InnoDB");
            a.setAutoCommit(false);
            sa.executeQuery("SELECT count(*) FROM " + OTHER + ".u").close();
            SQLException e = assertThrows(SQLException.class, () -> sb.execute("DROP DATABASE " + OTHER));
            assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
            a.commit();
            sb.execute("DROP DATABASE " + OTHER);
        }
    }

    /** Each of them, and ANALYZE TABLE, commits what the session had open: the rows inserted before survive a ROLLBACK. */
    @Test
    void eachCommitsWhatIsOpen() throws SQLException {
        String[] statements = {"CHECK TABLE t", "REPAIR TABLE t", "ANALYZE TABLE t", "CREATE DATABASE " + OTHER,
                "DROP DATABASE " + OTHER};
        try (Connection a = session(); Statement sa = a.createStatement()) {
            for (int k = 0; k < statements.length; k++) {
                a.setAutoCommit(false);
                sa.execute("INSERT INTO t VALUES (" + (100 + k) + ", 0)");
                sa.execute(statements[k]);
                a.rollback();
                a.setAutoCommit(true);
                try (ResultSet rs = sa.executeQuery("SELECT count(*) FROM t WHERE id = " + (100 + k))) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), statements[k] + " committed the insert before it");
                }
            }
            sa.execute("DELETE FROM t WHERE id >= 100");
        }
    }

    /** The message of the statement's last row (Msg_text): "OK", a note, or the error that stopped it. */
    private static String admin(Statement s, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (!rs.getString("Msg_type").equals("status") || out.isEmpty()) {
                    if (!out.isEmpty()) out.append('\n');
                    out.append(rs.getString("Msg_text"));
                }
            }
        }
        return out.toString();
    }

    private static void count(Statement s) throws SQLException {
        s.executeQuery("SELECT count(*) FROM t").close();
    }

    private static Connection session() throws SQLException {
        return MariadbProbe.waitingSession(DB);
    }
}
