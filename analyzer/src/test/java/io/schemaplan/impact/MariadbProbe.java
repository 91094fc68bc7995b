package io.schemaplan.impact;

import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks the local MariaDB (127.0.0.1:3306, root, no password) which algorithm and lock it accepts for an
 * ALTER TABLE clause, in a database of this branch's tests. MariaDB reads ALGORITHM as the least efficient
 * algorithm the user accepts, so trying INSTANT, NOCOPY, INPLACE, COPY (each with LOCK=NONE, SHARED,
 * EXCLUSIVE) in that order, the first accepted pair is the cheapest the server can do. A refusal must be
 * ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON), raised before the table is touched, so one table serves every
 * attempt; any other error fails the test. Whether InnoDB built a new table is read from
 * {@code information_schema.INNODB_SYS_TABLES.TABLE_ID}, which changes when it does.
 */
final class MariadbProbe {
    static final String DB = "sp_myrules_server";
    private static final String URL = "jdbc:mysql://127.0.0.1:3306/?user=root&allowMultiQueries=true";
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;
    private static MyEngine profile;

    /** What the server did, in a rule's terms. */
    record Observed(Algorithm algorithm, Lock lock, boolean rebuildsTable) {
        static Observed predictedBy(MyRule r) {
            return new Observed(r.algorithm(), r.lock(), r.rebuildsTable());
        }
    }

    private MariadbProbe() {
    }

    static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new SQLException("The local MariaDB at 127.0.0.1:3306 is not reachable: " + e.getMessage(), e);
        }
    }

    /**
     * Drops (if present) and creates {@code db} with one InnoDB table {@code t (id, a)} of two rows: the database of
     * the tests that hold a lock in one session and run a statement in another.
     */
    /** Runs these statements, one after the other, on a connection of its own (set-up and clean-up). */
    static void run(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    /** The one integer {@code sql} returns (a count, a function's result). */
    static int queryInt(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void databaseWithTable(String db) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".t (id int PRIMARY KEY, a int) ENGINE=InnoDB");
            s.execute("INSERT INTO " + db + ".t VALUES (1, 1), (2, 2)");
        }
    }

    /** The rule of {@code op} for the local server's profile. */
    static MyRule rule(MyOperation op) {
        return MyRules.forOperation(op, profile());
    }

    /** A session on {@code db} that waits a second at most for a metadata lock or a row lock, then fails (1205). */
    static Connection waitingSession(String db) throws SQLException {
        Connection c = connect();
        try (Statement s = c.createStatement()) {
            s.execute("USE " + db);
            s.execute("SET SESSION lock_wait_timeout = 1");
            s.execute("SET SESSION innodb_lock_wait_timeout = 1");
        }
        return c;
    }

    /** Drops (if present) and creates this branch's test database. */
    static void freshDatabase() throws SQLException {
        freshDatabase(DB);
    }

    /** Drops (if present) and creates a database of this branch's tests ({@code sp_myrules_…}). */
    static void freshDatabase(String db) throws SQLException {
        if (!db.startsWith("sp_myrules_")) throw new IllegalArgumentException("not a database of these tests: " + db);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
    }

    /** The local server's profile; read lazily because JUnit asks for parameters before @BeforeAll. */
    static MyEngine profile() {
        if (profile == null) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                profile = MyEngine.parse(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return profile;
    }

    /**
     * Runs {@code setup} (it must create table {@code t}), then {@code session}, then asks for
     * {@code ALTER TABLE t <clause>} from the cheapest algorithm and weakest lock up.
     */
    static Observed cheapestAccepted(String setup, String session, String clause, String tableAfter) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("USE " + DB);
            s.execute("SET SESSION foreign_key_checks = 1");
            s.execute("DROP TABLE IF EXISTS t, t_renamed, p");
            s.execute(setup);
            if (!session.isEmpty()) s.execute(session);
            return cheapestAccepted(s, DB, "t", clause, tableAfter);
        }
    }

    /**
     * Asks for {@code ALTER TABLE <table> <clause>} on an existing table of {@code db} (the session's current
     * database) from the cheapest algorithm and weakest lock up; the accepted statement stays applied.
     */
    static Observed cheapestAccepted(Statement s, String db, String table, String clause, String tableAfter)
            throws SQLException {
        long before = tableId(s, db, table);
        for (Algorithm algorithm : Algorithm.values()) {
            for (Lock lock : Lock.values()) {
                try {
                    s.execute("ALTER TABLE `" + table + "` " + clause + ", ALGORITHM=" + algorithm + ", LOCK=" + lock);
                } catch (SQLException e) {
                    if (e.getErrorCode() != NOT_SUPPORTED && e.getErrorCode() != NOT_SUPPORTED_REASON) throw e;
                    continue;
                }
                return new Observed(algorithm, lock, tableId(s, db, tableAfter) != before);
            }
        }
        throw new AssertionError("the server refused every algorithm: " + clause);
    }

    private static long tableId(Statement s, String db, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '"
                + db + "/" + table + "'")) {
            if (!rs.next()) throw new AssertionError("no InnoDB table " + db + "/" + table);
            return rs.getLong(1);
        }
    }
}
