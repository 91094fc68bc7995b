package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MariaDB rules of sequences, asked of the local server the way a DBA would (performance_schema is off here,
 * so metadata_locks cannot be read): session A uses the sequence in an open transaction, session B runs the
 * statement under {@code lock_wait_timeout = 1} and either finishes or times out (1205). What a ROLLBACK keeps
 * is read back from the sequence.
 */
class MySeqServerTest {
    /** The operations whose MariaDB rule this test checks (docs/mysql-impact.md says so, by MyRulesDocTest). */
    static final Set<MyOperation> VERIFIED = Set.of(MyOperation.CREATE_SEQUENCE, MyOperation.ALTER_SEQUENCE,
            MyOperation.DROP_SEQUENCE, MyOperation.SEQUENCE_VALUE);
    private static final String DB = "sp_myseq_rules";
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    @BeforeEach
    void database() throws SQLException {
        MariadbProbe.databaseWithTable(DB);
        MariadbProbe.run("CREATE SEQUENCE " + DB + ".s", "CREATE TABLE " + DB + ".u (id bigint NOT NULL DEFAULT "
                + "NEXT VALUE FOR " + DB + ".s PRIMARY KEY, a int) ENGINE=InnoDB");
    }

    @AfterAll
    static void drop() throws SQLException {
        MariadbProbe.run("DROP DATABASE IF EXISTS " + DB);
    }

    private static Connection session() throws SQLException {
        return MariadbProbe.waitingSession(DB);
    }

    private static long value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void setvalAndNextvalAreNotUndoneByARollbackAndDoNotCommitWhatIsOpen() throws SQLException {
        MyRule r = MariadbProbe.rule(MyOperation.SEQUENCE_VALUE);
        assertEquals(MyRule.Lock.NONE, r.lock());
        assertTrue(r.message().contains("ROLLBACK"), r.message());
        String[][] cases = {{"SELECT SETVAL(s, 500)", "501"}, {"DO SETVAL(s, 900)", "901"},
                {"SELECT NEXTVAL(s)", "903"}, {"SELECT NEXT VALUE FOR s", "905"}}; // 902 and 904 were taken
        try (Connection a = session(); Statement sa = a.createStatement()) {
            for (String[] c : cases) {
                a.setAutoCommit(false);
                sa.execute("UPDATE t SET a = a + 10 WHERE id = 1");
                sa.execute(c[0]);
                a.rollback();
                a.setAutoCommit(true);
                assertEquals(1, value(sa, "SELECT a FROM t WHERE id = 1"), c[0] + " committed the open transaction");
                assertEquals(Long.parseLong(c[1]), value(sa, "SELECT NEXTVAL(s)"), c[0] + " then ROLLBACK");
            }
        }
    }

    @Test
    void aTransactionThatWroteTheSequenceLetsOthersWriteItButMakesAlterAndDropWait() throws SQLException {
        assertEquals(MyRule.Lock.EXCLUSIVE, MariadbProbe.rule(MyOperation.ALTER_SEQUENCE).lock());
        assertEquals(MyRule.Lock.EXCLUSIVE, MariadbProbe.rule(MyOperation.DROP_SEQUENCE).lock());
        for (String write : new String[] {"SELECT NEXTVAL(s)", "SELECT SETVAL(s, 2000)"}) {
            try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
                 Statement sb = b.createStatement()) {
                a.setAutoCommit(false);
                sa.execute(write);
                long first = value(sb, "SELECT NEXTVAL(s)");
                sb.execute("SELECT SETVAL(s, 5000)");
                sb.execute("INSERT INTO u (a) VALUES (1)");
                assertTrue(value(sb, "SELECT NEXTVAL(s)") > first, write);
                for (String ddl : new String[] {"ALTER SEQUENCE s CACHE 20", "DROP SEQUENCE s"}) {
                    SQLException e = assertThrows(SQLException.class, () -> sb.execute(ddl), write + " / " + ddl);
                    assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
                }
                a.rollback();
                sb.execute("ALTER SEQUENCE s CACHE 20");
            }
        }
    }

    @Test
    void aWaitingAlterSequenceMakesLaterNextvalAndInsertsDrawingFromItWait() throws Exception {
        try (Connection a = session(); Connection b = MariadbProbe.connect(); Connection c = session();
             Statement sa = a.createStatement(); Statement sb = b.createStatement(); Statement sc = c.createStatement()) {
            a.setAutoCommit(false);
            sa.execute("SELECT NEXTVAL(s)");
            sb.execute("USE " + DB);
            sb.execute("SET SESSION lock_wait_timeout = 10");
            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
                try {
                    sb.execute("ALTER SEQUENCE s INCREMENT BY 10");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the ALTER is queued for its exclusive metadata lock
            for (String later : new String[] {"SELECT NEXTVAL(s)", "INSERT INTO u (a) VALUES (2)"}) {
                SQLException e = assertThrows(SQLException.class, () -> sc.execute(later), later);
                assertEquals(LOCK_WAIT_TIMEOUT, e.getErrorCode(), e.getMessage());
            }
            a.rollback();
            alter.get(10, TimeUnit.SECONDS);
            sc.execute("SELECT NEXTVAL(s)");
        }
    }

    @Test
    void createAlterAndDropSequenceCommitWhatIsOpen() throws SQLException {
        assertEquals(MyRule.Lock.NONE, MariadbProbe.rule(MyOperation.CREATE_SEQUENCE).lock());
        String[] ddl = {"CREATE SEQUENCE s2", "ALTER SEQUENCE s2 MAXVALUE 100", "DROP SEQUENCE s2"};
        try (Connection a = session(); Statement sa = a.createStatement()) {
            for (int k = 0; k < ddl.length; k++) {
                a.setAutoCommit(false);
                sa.execute("UPDATE t SET a = " + (100 + k) + " WHERE id = 1");
                sa.execute(ddl[k]);
                a.rollback();
                a.setAutoCommit(true);
                assertEquals(100 + k, value(sa, "SELECT a FROM t WHERE id = 1"), ddl[k] + " did not commit");
            }
        }
    }

    @Test
    void createSequenceWaitsForNoTableLock() throws SQLException {
        try (Connection a = session(); Connection b = session(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("LOCK TABLES t WRITE, u WRITE");
            sb.execute("CREATE SEQUENCE s3");
            sb.execute("DROP SEQUENCE s3");
            sa.execute("UNLOCK TABLES");
        }
    }
}
