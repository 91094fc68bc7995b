package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.MariadbProbe.Observed;
import java.sql.Connection;
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
 * Every rule of the local MariaDB's profile, asked of the server: for each operation a fresh small InnoDB
 * table gets the operation's clause, and the cheapest algorithm and weakest lock the server accepts, and
 * whether it rebuilt the table, must be what the rule says ({@link MariadbProbe}).
 */
class MyRulesServerTest {
    private static final int SYNTAX_ERROR = 1064;

    @BeforeAll
    static void database() throws SQLException {
        MariadbProbe.freshDatabase();
    }

    static Stream<MyRule> rulesOfThisServer() {
        return MyRules.all().stream().filter(r -> r.appliesTo(MariadbProbe.profile()))
                .filter(r -> !MyTraces.NOT_ALTER_CLAUSES.contains(r.operation()))
                .filter(r -> !MyTraces.ACCEPTED_CHEAPER_THAN_DONE.contains(r.operation()));
    }

    @Test
    void theLocalServerIsAMariadbProfileAndEveryClauseOperationHasATrace() {
        assertTrue(MariadbProbe.profile().isMariadb(), "the local server is MariaDB: " + MariadbProbe.profile());
        Set<MyOperation> clauses = EnumSet.allOf(MyOperation.class);
        clauses.removeAll(MyTraces.NOT_ALTER_CLAUSES);
        assertEquals(clauses, MyTraces.ALL.keySet());
        assertTrue(rulesOfThisServer().count() >= 30, "at least 30 change kinds are verified on the server");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfThisServer")
    void serverAcceptsExactlyWhatTheRuleSays(MyRule rule) throws SQLException {
        MyTraces trace = MyTraces.ALL.get(rule.operation());
        Observed observed = MariadbProbe.cheapestAccepted(MyTraces.BASE + trace.setup(), trace.session(),
                trace.clause(), trace.tableAfter());
        System.out.println("[myrule] " + rule.operation() + " " + observed);
        assertEquals(Observed.predictedBy(rule), observed, rule.id() + " " + rule.operation() + ": " + trace.clause());
    }

    /** The rules say MariaDB takes no ALGORITHM or LOCK clause on partition operations: it really refuses them. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MyOperation.class, names = {"PARTITION_BY", "ADD_PARTITION", "DROP_PARTITION"})
    void partitionOperationsTakeNoAlgorithmClause(MyOperation op) throws SQLException {
        assertTrue(MyRules.forOperation(op, MariadbProbe.profile()).message().contains("no ALGORITHM or LOCK clause"));
        try (Connection c = MariadbProbe.connect(); Statement s = c.createStatement()) {
            s.execute("USE " + MariadbProbe.DB);
            s.execute("DROP TABLE IF EXISTS t, t_renamed, p");
            s.execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int) ENGINE=InnoDB PARTITION BY RANGE (id)"
                    + " (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))");
            String clause = op.clause();
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("ALTER TABLE t " + clause + ", ALGORITHM=INPLACE, LOCK=NONE"));
            assertEquals(SYNTAX_ERROR, e.getErrorCode(), e.getMessage());
            s.execute("ALTER TABLE t " + clause); // without the clauses the statement itself is fine
        }
    }
}
