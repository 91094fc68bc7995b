package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asks the local MariaDB what every rule of its profile predicts. For each operation a fresh small InnoDB
 * table gets the operation's clause with {@code ALGORITHM=INSTANT, LOCK=NONE}, then each weaker lock, then
 * NOCOPY, INPLACE and COPY likewise; the first pair the server accepts must be the rule's algorithm and
 * lock (MariaDB reads ALGORITHM as the least efficient one the user accepts, so the first accepted is the
 * cheapest it can do). A refusal must be ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON); any other error fails.
 * Whether the table was rebuilt is read from {@code information_schema.INNODB_SYS_TABLES.TABLE_ID}, which
 * changes when InnoDB builds a new table.
 */
class MyRulesServerTest {
    private static final String URL = "jdbc:mysql://127.0.0.1:3306/?user=root&allowMultiQueries=true";
    private static final String DB = "sp_myrules_server";
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;
    private static final int SYNTAX_ERROR = 1064;
    private static MyEngine profile;

    @BeforeAll
    static void database() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
    }

    static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new SQLException("The local MariaDB at 127.0.0.1:3306 is not reachable: " + e.getMessage(), e);
        }
    }

    /** Read before @BeforeAll runs: JUnit asks for the parameters first. */
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

    static Stream<MyRule> rulesOfThisServer() {
        return MyRules.all().stream().filter(r -> r.appliesTo(profile()))
                .filter(r -> !MyTraces.NOT_ALTER_CLAUSES.contains(r.operation()));
    }

    @Test
    void theLocalServerIsAMariadbProfileAndEveryClauseOperationHasATrace() {
        assertTrue(profile().isMariadb(), "the local server is MariaDB: " + profile());
        Set<MyOperation> clauses = EnumSet.allOf(MyOperation.class);
        clauses.removeAll(MyTraces.NOT_ALTER_CLAUSES);
        assertEquals(clauses, MyTraces.ALL.keySet());
        assertTrue(rulesOfThisServer().count() >= 30, "at least 30 change kinds are verified on the server");
    }

    /** What the server did, in the rule's terms. */
    record Observed(Algorithm algorithm, Lock lock, boolean rebuildsTable) {
        static Observed predictedBy(MyRule r) {
            return new Observed(r.algorithm(), r.lock(), r.rebuildsTable());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfThisServer")
    void serverAcceptsExactlyWhatTheRuleSays(MyRule rule) throws SQLException {
        MyTraces trace = MyTraces.ALL.get(rule.operation());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("USE " + DB);
            reset(s, trace);
            long before = tableId(s, "t");
            if (!trace.session().isEmpty()) s.execute(trace.session());
            // A refused ALTER is refused before it touches the table, so one table serves every attempt.
            for (Algorithm algorithm : Algorithm.values()) {
                for (Lock lock : Lock.values()) {
                    try {
                        s.execute("ALTER TABLE t " + trace.clause() + ", ALGORITHM=" + algorithm + ", LOCK=" + lock);
                    } catch (SQLException e) {
                        if (e.getErrorCode() != NOT_SUPPORTED && e.getErrorCode() != NOT_SUPPORTED_REASON) throw e;
                        continue;
                    }
                    Observed observed = new Observed(algorithm, lock, tableId(s, trace.tableAfter()) != before);
                    System.out.println("[myrule] " + rule.operation() + " " + observed);
                    assertEquals(Observed.predictedBy(rule), observed, rule.id() + " " + rule.operation() + ": "
                            + trace.clause());
                    return;
                }
            }
            throw new AssertionError(rule.operation() + ": the server refused every algorithm: " + trace.clause());
        }
    }

    /** The rules say MariaDB takes no ALGORITHM or LOCK clause on partition operations: it really refuses them. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MyOperation.class, names = {"PARTITION_BY", "ADD_PARTITION", "DROP_PARTITION"})
    void partitionOperationsTakeNoAlgorithmClause(MyOperation op) throws SQLException {
        assertTrue(MyRules.forOperation(op, profile()).message().contains("no ALGORITHM or LOCK clause"));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("USE " + DB);
            s.execute("DROP TABLE IF EXISTS t, t_renamed, p");
            s.execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int) ENGINE=InnoDB PARTITION BY RANGE (id)"
                    + " (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))");
            String clause = op.clause();
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("ALTER TABLE t " + clause + ", ALGORITHM=INPLACE, LOCK=NONE"));
            assertEquals(SYNTAX_ERROR, e.getErrorCode(), e.getMessage());
            s.execute("ALTER TABLE t " + clause); // without the clause the statement itself is fine
        }
    }

    private static void reset(Statement s, MyTraces trace) throws SQLException {
        s.execute("SET SESSION foreign_key_checks = 1");
        s.execute("DROP TABLE IF EXISTS t, t_renamed, p");
        s.execute(MyTraces.BASE + trace.setup());
    }

    private static long tableId(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '"
                + DB + "/" + table + "'")) {
            if (!rs.next()) throw new AssertionError("no InnoDB table " + DB + "/" + table);
            return rs.getLong(1);
        }
    }
}
