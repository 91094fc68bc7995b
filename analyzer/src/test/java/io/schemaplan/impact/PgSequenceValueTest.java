package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the rule of {@link PgOperation#SEQUENCE_VALUE} rests on beyond {@code PgRulesTraceTest}'s lock: setval and
 * nextval, in pg_dump's {@code pg_catalog.setval} form too, take ROW EXCLUSIVE on the sequence, another session's
 * nextval goes on while an ALTER SEQUENCE waits (lock_timeout 1s), and a ROLLBACK keeps the new value.
 */
class PgSequenceValueTest {
    private static final String DB = "sp_rules2_seq";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE SEQUENCE s; CREATE TABLE t (id serial PRIMARY KEY)");
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(DB);
    }

    @Test
    void setvalAndNextvalLockTheSequenceRowExclusiveAndARollbackKeepsTheirValue() throws SQLException {
        PgRule rule = PgRules.forOperation(PgOperation.SEQUENCE_VALUE, 15).orElseThrow();
        assertEquals(LockMode.ROW_EXCLUSIVE, rule.lock());
        assertTrue(rule.message().contains("ROLLBACK"), rule.message());
        String[][] cases = {{"SELECT pg_catalog.setval('public.s', 42, true)", "s", "42"},
                {"SELECT setval(pg_get_serial_sequence('t', 'id'), 7, false)", "t_id_seq", "7"},
                {"SELECT nextval('s')", "s", "44"}};
        for (String[] c : cases) {
            try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB);
                 Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                sb.execute("SET lock_timeout = '1s'");
                a.setAutoCommit(false);
                sa.execute(c[0]);
                assertEquals("RowExclusiveLock", text(sb, "SELECT string_agg(mode, ',') FROM pg_locks WHERE relation = '"
                        + c[1] + "'::regclass AND pid <> pg_backend_pid()"), c[0]);
                sb.execute("SELECT nextval('" + c[1] + "')"); // other sessions' inserts go on
                SQLException e = assertThrows(SQLException.class, () -> sb.execute("ALTER SEQUENCE " + c[1] + " CACHE 2"));
                assertEquals(LOCK_NOT_AVAILABLE, e.getSQLState(), e.getMessage());
                a.rollback();
                String after = text(sb, "SELECT last_value FROM " + c[1]);
                // The rolled-back value stays (the other session's nextval took the one after it).
                assertTrue(Long.parseLong(after) >= Long.parseLong(c[2]), c[0] + " then ROLLBACK: last_value " + after);
                sb.execute("ALTER SEQUENCE " + c[1] + " CACHE 1");
            }
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
