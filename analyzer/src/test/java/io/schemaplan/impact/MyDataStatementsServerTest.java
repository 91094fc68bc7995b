package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.MyRule.Lock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MariaDB data statement rules, asked of the local server: session A runs the statement and keeps its
 * transaction open; session B tries a read, a write of another row, a write of a locked row and DDL, each
 * under a one-second lock wait, so a wait shows as error 1205 (InnoDB row lock or metadata lock wait
 * timeout) instead of a hang. Everything runs at the server's default REPEATABLE READ, as a migration does.
 */
class MyDataStatementsServerTest {
    private static final String DB = "sp_dataops_my";
    private static final Integer LOCK_WAIT_TIMEOUT = 1205;
    private static final int ROWS = 2_000;
    private static final String TABLE = "CREATE TABLE %1$s (id int NOT NULL PRIMARY KEY, a int, b varchar(100))"
            + " ENGINE=InnoDB; INSERT INTO %1$s SELECT seq, seq %% 10, concat('b', seq) FROM seq_1_to_" + ROWS;

    @BeforeAll
    static void database() throws SQLException {
        try (Connection c = MariadbProbe.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = MariadbProbe.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
        }
    }

    @Test
    void anUpdateLocksTheRowsItExaminesNotTheTable() throws SQLException {
        MyRule rule = MyRules.forOperation(MyOperation.UPDATE_ROWS, MariadbProbe.profile());
        assertEquals(Lock.NONE, rule.lock());
        table("upd");
        try (Connection a = session(); Connection b = session()) {
            a.setAutoCommit(false);
            run(a, "UPDATE upd SET b = 'x' WHERE id BETWEEN 1 AND 1000");
            assertNull(error(b, "SELECT count(*) FROM upd"), "a reader goes on (consistent read)");
            assertNull(error(b, "UPDATE upd SET a = 0 WHERE id = 1500"), "a writer of another row goes on");
            assertNull(error(b, "INSERT INTO upd VALUES (" + (ROWS + 1) + ", 0, 'new')"), "an insert past the range goes on");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "UPDATE upd SET a = 0 WHERE id = 500"), "a writer of an updated row waits");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "ALTER TABLE upd ADD COLUMN z int"),
                    "DDL waits for the metadata lock until commit");
            a.rollback();
            // Through no index, the UPDATE examines, and so locks, every row: writers of any row wait.
            run(a, "UPDATE upd SET b = 'y' WHERE a = 3");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "UPDATE upd SET b = 'z' WHERE id = 1500"),
                    "an UPDATE whose WHERE uses no index locks rows it does not change");
            assertNull(error(b, "SELECT count(*) FROM upd WHERE a = 4"), "readers still go on");
            a.rollback();
        }
    }

    @Test
    void aDeleteLocksTheRowsItExaminesNotTheTable() throws SQLException {
        table("del");
        try (Connection a = session(); Connection b = session()) {
            a.setAutoCommit(false);
            run(a, "DELETE FROM del WHERE id <= 1000");
            assertNull(error(b, "SELECT count(*) FROM del"), "a reader goes on");
            assertNull(error(b, "UPDATE del SET a = 0 WHERE id = 1500"), "a writer of another row goes on");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "UPDATE del SET a = 0 WHERE id = 5"), "a writer of a deleted row waits");
            a.rollback();
        }
    }

    /**
     * MariaDB 10.11 at REPEATABLE READ reads the source of INSERT ... SELECT and CREATE TABLE ... SELECT with
     * shared locks (the rule's LOCK=SHARED): writers of the source wait, readers go on; at READ COMMITTED
     * (binary log off here, or binlog_format=ROW) the source is read without locks.
     */
    @Test
    void insertSelectAndCreateTableSelectLockTheSourceAgainstWritersUnderRepeatableRead() throws SQLException {
        assertEquals(Lock.SHARED, MyRules.forOperation(MyOperation.INSERT_SELECT, MariadbProbe.profile()).lock());
        assertEquals(Lock.SHARED, MyRules.forOperation(MyOperation.CREATE_TABLE_AS, MariadbProbe.profile()).lock());
        table("src");
        try (Connection c = session()) {
            run(c, "CREATE TABLE dst LIKE src");
        }
        try (Connection a = session(); Connection b = session()) {
            a.setAutoCommit(false);
            run(a, "INSERT INTO dst SELECT * FROM src");
            assertNull(error(b, "SELECT count(*) FROM src"), "a reader of the source goes on");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "UPDATE src SET a = 0 WHERE id = 3"), "a writer of the source waits");
            assertNull(error(b, "INSERT INTO dst VALUES (" + (ROWS + 5) + ", 0, 'other')"),
                    "a writer of other target rows goes on");
            a.rollback();

            // CREATE TABLE ... SELECT commits as it ends, so its locks are seen the other way round: it waits
            // for a row another transaction has written, where a consistent read would not.
            b.setAutoCommit(false);
            run(b, "UPDATE src SET a = 0 WHERE id = 3");
            assertEquals(LOCK_WAIT_TIMEOUT, error(a, "CREATE TABLE cts AS SELECT * FROM src"),
                    "CREATE TABLE ... SELECT reads the source with locks");
            b.rollback();
            b.setAutoCommit(true);
            assertNull(error(a, "CREATE TABLE cts AS SELECT * FROM src"));

            run(a, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
            run(a, "INSERT INTO dst SELECT * FROM src");
            assertNull(error(b, "UPDATE src SET a = 0 WHERE id = 3"), "at READ COMMITTED the source is not locked");
            a.rollback();
        }
    }

    @Test
    void truncateWaitsForOpenTransactionsAndCannotBeRolledBack() throws SQLException {
        MyRule rule = MyRules.forOperation(MyOperation.TRUNCATE, MariadbProbe.profile());
        assertEquals(Lock.EXCLUSIVE, rule.lock());
        table("tru");
        try (Connection a = session(); Connection b = session()) {
            a.setAutoCommit(false);
            run(a, "SELECT count(*) FROM tru");
            assertEquals(LOCK_WAIT_TIMEOUT, error(b, "TRUNCATE TABLE tru"),
                    "TRUNCATE waits for the exclusive metadata lock behind an open transaction that read the table");
            a.commit();
            run(a, "TRUNCATE TABLE tru");
            a.rollback();
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM tru")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "TRUNCATE commits at once: the rollback brings nothing back");
            }
        }
    }

    private static void table(String name) throws SQLException {
        try (Connection c = session(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name);
            for (String sql : String.format(TABLE, name).split("; ")) s.execute(sql);
        }
    }

    /** A session in this test's database whose lock waits (row and metadata) give up after a second. */
    private static Connection session() throws SQLException {
        Connection c = MariadbProbe.connect();
        run(c, "USE " + DB);
        run(c, "SET SESSION innodb_lock_wait_timeout = 1, lock_wait_timeout = 1");
        return c;
    }

    /** The error code the statement fails with (in a transaction rolled back after it), or null when it ran. */
    private static Integer error(Connection c, String sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            run(c, sql);
            return null;
        } catch (SQLException e) {
            return e.getErrorCode();
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
