package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code PgRulesTraceTest} cannot see in pg_locks: a GRANT takes no relation lock, yet it updates the table's
 * pg_class row, so until its transaction ends another session's ALTER TABLE on the table waits (a row lock on the
 * catalog), while readers and writers go on. Session B runs under {@code lock_timeout = 1s}.
 */
class PgPrivilegesTraceTest {
    private static final String DB = "sp_stmts_grant";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @BeforeAll
    static void database() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE TABLE t (id int PRIMARY KEY, a int); INSERT INTO t SELECT g, g FROM generate_series(1, 100) g");
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(DB);
    }

    /** What the script planner's finding on a LOCK TABLE that commits on its own rests on. */
    @Test
    void lockTableIsRefusedOutsideATransactionBlock() throws SQLException {
        try (Connection a = LocalPostgres.connect(DB); Statement sa = a.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> sa.execute("LOCK TABLE t IN SHARE MODE"));
            assertEquals("25P01", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void aGrantLetsReadsAndWritesGoOnButAnotherSessionsAlterWaitsForItsCommit() throws SQLException {
        for (String grant : new String[] {"GRANT SELECT ON t TO PUBLIC", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC"}) {
            assertNull(PgRules.forOperation(grant.contains(" ALL ") ? PgOperation.GRANT_IN_SCHEMA : PgOperation.GRANT_ON_TABLE,
                    15).orElseThrow().lock());
            try (Connection a = LocalPostgres.connect(DB); Connection b = LocalPostgres.connect(DB);
                 Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                sb.execute("SET lock_timeout = '1s'");
                a.setAutoCommit(false);
                sa.execute(grant);
                sb.execute("SELECT count(*) FROM t");
                sb.execute("UPDATE t SET a = a + 1 WHERE id = 1");
                SQLException e = assertThrows(SQLException.class, () -> sb.execute("ALTER TABLE t ADD COLUMN z int"));
                assertEquals(LOCK_NOT_AVAILABLE, e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains("pg_class"), e.getMessage());
                a.commit();
                sb.execute("ALTER TABLE t ADD COLUMN z int");
                sb.execute("ALTER TABLE t DROP COLUMN z");
            }
        }
    }
}
