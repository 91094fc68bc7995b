package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.testing.LocalMariadb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules measured on the local MariaDB with data in the table: for every ALGORITHM × LOCK pair a fresh table
 * of 3,000 rows gets the clause; the cheapest accepted pair is what the server can do, a new tablespace id
 * ({@code INNODB_SYS_TABLES.SPACE}) means the table was rebuilt, and rows affected above 0 that the server
 * layer copied them (COPY). Each rule the planner would pick must say the same.
 */
class MyRulesMeasuredTest {
    private static final String DB = LocalMariadb.PREFIX + "myimpact_measured";
    static final int ROWS = 3000;
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;
    private static final String BASE = "CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB;"
            + " INSERT INTO p SELECT seq FROM seq_1_to_" + ROWS + ";"
            + " CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b varchar(100), d int NOT NULL, KEY t_a (a))"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;"
            + " INSERT INTO t SELECT seq, seq, concat('b', seq), seq FROM seq_1_to_" + ROWS + ";";
    private static final String FULLTEXT = " ALTER TABLE t ADD FULLTEXT INDEX t_ft (b);";

    /** The cheapest accepted pair, whether it rebuilt the table and the rows it copied; every accepted pair. */
    record Measured(Algorithm algorithm, Lock lock, boolean rebuilt, long rowsCopied, Set<String> accepted) {
        void is(MyRule rule) {
            assertEquals(rule.algorithm() + "/" + rule.lock() + (rule.rebuildsTable() ? " rebuilt" : ""),
                    algorithm + "/" + lock + (rebuilt ? " rebuilt" : ""), rule.operation() + " " + accepted);
            assertEquals(rule.copiesTable(), rowsCopied == ROWS, rule.operation() + ": rows copied " + rowsCopied);
        }
    }

    @BeforeAll
    static void database() {
        LocalMariadb.freshDatabase("myimpact_measured");
    }

    @AfterAll
    static void dropDatabase() {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + DB + "`");
    }

    static Measured measure(String setup, String session, String clause) throws SQLException {
        return measure(DB, setup, session, clause);
    }

    /** {@link #measure(String, String, String)} in another test database {@code db} (it must exist). */
    static Measured measure(String db, String setup, String session, String clause) throws SQLException {
        Set<String> accepted = new LinkedHashSet<>();
        Measured cheapest = null;
        try (Connection c = LocalMariadb.connect(db); Statement s = c.createStatement()) {
            for (Algorithm algorithm : Algorithm.values()) {
                for (Lock lock : Lock.values()) {
                    s.execute("SET SESSION foreign_key_checks = 1");
                    s.execute("DROP TABLE IF EXISTS t, p");
                    for (String sql : (BASE + setup).split(";")) {
                        if (!sql.isBlank()) s.execute(sql);
                    }
                    if (!session.isEmpty()) s.execute(session);
                    long before = space(s, db);
                    long rows;
                    try {
                        rows = s.executeUpdate("ALTER TABLE t " + clause + ", ALGORITHM=" + algorithm + ", LOCK=" + lock);
                    } catch (SQLException e) {
                        if (e.getErrorCode() != NOT_SUPPORTED && e.getErrorCode() != NOT_SUPPORTED_REASON) throw e;
                        continue;
                    }
                    accepted.add(algorithm + "/" + lock);
                    if (cheapest == null) cheapest = new Measured(algorithm, lock, space(s, db) != before, rows, accepted);
                }
            }
        }
        assertTrue(cheapest != null, "the server refused every pair: " + clause);
        return cheapest;
    }

    /** The InnoDB tablespace id of t, or -1 once t has left InnoDB (ENGINE=Aria). */
    private static long space(Statement s, String db) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT SPACE FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '"
                + db + "/t'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static MyRule rule(MyOperation op, boolean fulltextTable) {
        return MyRules.forOperation(op, MariadbProbe.profile(), fulltextTable);
    }

    /** The operations the diff of two one-table dumps needs. */
    private static List<MyOperation> operations(String before, String after) {
        Schema a = read(before);
        Schema b = read(after);
        return SchemaDiff.diff(a, b).stream().flatMap(c -> MyImpacts.operations(c, a, b).stream()).toList();
    }

    private static Schema read(String columns) {
        String sql = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n" + columns + "  PRIMARY KEY (`id`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n";
        return MysqlDumpReader.read("t.sql", ("/*M!999999\\- enable the sandbox mode */\n" + sql)
                .getBytes(StandardCharsets.UTF_8)).schema();
    }

    @Test
    void addingAColumnWhoseDefaultDiffersPerRowCopiesTheTable() throws SQLException {
        for (String dflt : new String[] {"uuid()", "uuid_short()", "sysdate()", "(a + 1)"}) {
            String type = dflt.startsWith("sysdate") ? "datetime" : dflt.startsWith("uuid()") ? "char(36)" : "bigint";
            Measured m = measure("", "", "ADD COLUMN z " + type + " DEFAULT " + dflt);
            assertEquals(Set.of("COPY/SHARED", "COPY/EXCLUSIVE"), m.accepted(), dflt);
            m.is(rule(MyOperation.ADD_COLUMN_VOLATILE_DEFAULT, false));
        }
        assertEquals(List.of(MyOperation.ADD_COLUMN_VOLATILE_DEFAULT),
                operations("", "  `u` char(36) DEFAULT uuid(),\n"));
        assertEquals(List.of(MyOperation.ADD_COLUMN_VOLATILE_DEFAULT),
                operations("  `a` int(11) DEFAULT NULL,\n", "  `a` int(11) DEFAULT NULL,\n  `z` bigint(20) DEFAULT (`a` + 1),\n"));
    }

    @Test
    void addingAColumnWhoseDefaultIsFixedForTheStatementStaysInstant() throws SQLException {
        for (String dflt : new String[] {"current_timestamp()", "rand()", "(1 + 2)", "'it''s `uuid()`'"}) {
            String type = dflt.startsWith("current") ? "datetime" : dflt.startsWith("'") ? "varchar(20)" : "double";
            Measured m = measure("", "", "ADD COLUMN z " + type + " DEFAULT " + dflt);
            m.is(rule(MyOperation.ADD_COLUMN_WITH_DEFAULT, false));
            assertEquals(MyRule.Algorithm.INSTANT, m.algorithm(), dflt);
        }
        assertEquals(List.of(MyOperation.ADD_COLUMN_WITH_DEFAULT),
                operations("", "  `c` datetime DEFAULT current_timestamp(),\n"));
        assertEquals(List.of(MyOperation.ADD_COLUMN_WITH_DEFAULT),
                operations("", "  `c` varchar(20) DEFAULT 'it''s `uuid()`',\n"));
    }

    @Test
    void aRebuildOfATableWithAFulltextIndexMakesWritesWait() throws SQLException {
        record Case(MyOperation op, String clause) {
        }
        for (Case c : List.of(new Case(MyOperation.SET_NOT_NULL, "MODIFY a int NOT NULL"),
                new Case(MyOperation.DROP_NOT_NULL, "MODIFY d int NULL"),
                new Case(MyOperation.REPLACE_PRIMARY_KEY, "DROP PRIMARY KEY, ADD PRIMARY KEY (id, d)"))) {
            Measured plain = measure("", "", c.clause());
            plain.is(rule(c.op(), false));
            assertEquals(Lock.NONE, plain.lock(), c.op() + " without FULLTEXT lets writes go on");
            Measured ft = measure(FULLTEXT, "", c.clause());
            ft.is(rule(c.op(), true));
            assertEquals(Algorithm.INPLACE + "/" + Lock.SHARED, ft.algorithm() + "/" + ft.lock(), c.op().name());
            assertTrue(ft.rebuilt() && ft.rowsCopied() == 0, c.op() + ": rebuilt in place");
        }
        assertEquals(MyRules.INPLACE_LOCKED, rule(MyOperation.SET_NOT_NULL, true).id());
    }

    /** Measures {@code clause} on the plain table, checks the rule of {@code op} and the expected cheapest pair. */
    private static Measured measured(MyOperation op, String session, String clause, String cheapest) throws SQLException {
        Measured m = measure("", session, clause);
        m.is(rule(op, false));
        assertEquals(cheapest, m.algorithm() + "/" + m.lock(), op.name());
        return m;
    }

    @Test
    void makingAColumnNullableRebuildsInPlaceRatherThanInstantly() throws SQLException {
        Measured m = measured(MyOperation.DROP_NOT_NULL, "", "MODIFY d int NULL", "INPLACE/NONE");
        assertTrue(m.rebuilt());
    }

    @Test
    void droppingAnIndexOrAnIndexedColumnIsNocopyNotInstant() throws SQLException {
        measured(MyOperation.DROP_INDEX, "", "DROP INDEX t_a", "NOCOPY/NONE");
        assertFalse(measured(MyOperation.DROP_INDEXED_COLUMN, "", "DROP COLUMN a", "NOCOPY/NONE").rebuilt());
    }

    @Test
    void droppingThePrimaryKeyAloneCopiesButReplacingItInOneStatementRebuildsInPlace() throws SQLException {
        measured(MyOperation.DROP_PRIMARY_KEY, "", "DROP PRIMARY KEY", "COPY/SHARED");
        measured(MyOperation.REPLACE_PRIMARY_KEY, "", "DROP PRIMARY KEY, ADD PRIMARY KEY (id, d)", "INPLACE/NONE");
    }

    @Test
    void aForeignKeyAddedWithChecksOffIsInstantAndWithChecksOnCopies() throws SQLException {
        String fk = "ADD CONSTRAINT t_f FOREIGN KEY (a) REFERENCES p (id)";
        measured(MyOperation.ADD_FOREIGN_KEY_CHECKS_OFF, "SET SESSION foreign_key_checks = 0", fk, "INSTANT/NONE");
        assertEquals(ROWS, measured(MyOperation.ADD_FOREIGN_KEY, "", fk, "COPY/SHARED").rowsCopied());
    }

    @Test
    void makingAColumnInvisibleIsInstant() throws SQLException {
        measured(MyOperation.COLUMN_VISIBILITY, "", "MODIFY a int INVISIBLE", "INSTANT/NONE");
        assertEquals(List.of(MyOperation.COLUMN_VISIBILITY),
                operations("  `a` int(11) DEFAULT NULL,\n", "  `a` int(11) DEFAULT NULL INVISIBLE,\n"));
    }
}
