package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SET STATISTICS, SET STORAGE and SET (fillfactor …) as a whole plan gives them: the lock of each plan item
 * is the one the statement takes on this server, read from pg_locks by a second session while the first
 * holds its transaction open. Both schemas are read from the server.
 */
class PlanStorageLocksTest {
    private static final String FROM = "sp_pgimpact_storage_from";
    private static final String TO = "sp_pgimpact_storage_to";
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, a int, b text)";
    private static Plan plan;

    @BeforeAll
    static void plan() {
        LocalPostgres.freshDatabase(FROM);
        LocalPostgres.freshDatabase(TO);
        LocalPostgres.exec(FROM, TABLE);
        LocalPostgres.exec(TO, TABLE + " WITH (fillfactor = 70); ALTER TABLE t ALTER COLUMN a SET STATISTICS 500,"
                + " ALTER COLUMN b SET STORAGE EXTERNAL");
        Schema from = PostgresCatalogReader.read(LocalPostgres.url(FROM), null);
        Schema to = PostgresCatalogReader.read(LocalPostgres.url(TO), null);
        plan = Planner.plan(new Planner.Input("from", "to", from, to, SchemaDiff.diff(from, to), null, null,
                Profile.DEFAULT, null, true));
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(FROM);
        LocalPostgres.dropDatabase(TO);
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("SET_STATISTICS", "ALTER TABLE t ALTER COLUMN a SET STATISTICS 500", "SHARE UPDATE EXCLUSIVE"),
                Arguments.of("SET_STORAGE", "ALTER TABLE t ALTER COLUMN b SET STORAGE EXTERNAL", "ACCESS EXCLUSIVE"),
                Arguments.of("SET_STORAGE_PARAMETERS", "ALTER TABLE t SET (fillfactor = 70)", "SHARE UPDATE EXCLUSIVE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void thePlanItemHasTheLockTheServerTakes(String operation, String ddl, String measuredOn15) throws SQLException {
        List<PlanItem> items = plan.items().stream().filter(i -> i.operation().equals(operation)).toList();
        assertEquals(1, items.size(), operation + " in " + plan.items());
        PlanItem item = items.get(0);
        String measured = measure(ddl);
        assertEquals(measured, item.lock(), operation);
        LockMode m = LockMode.valueOf(measured.replace(' ', '_'));
        assertEquals(m.blocksReads(), item.blocksReads(), operation);
        assertEquals(m.blocksWrites(), item.blocksWrites(), operation);
        assertEquals("15", plan.serverVersion());
        assertEquals(measuredOn15, measured, "the lock on PostgreSQL 15");
    }

    /** The strongest lock session A holds on t after running {@code ddl}, as the second session B sees it. */
    private static String measure(String ddl) throws SQLException {
        try (Connection a = LocalPostgres.connect(FROM); Connection b = LocalPostgres.connect(FROM);
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            ResultSet pid = sa.executeQuery("SELECT pg_backend_pid()");
            pid.next();
            int pidA = pid.getInt(1);
            a.setAutoCommit(false);
            sa.execute(ddl);
            LockMode strongest = null;
            try (ResultSet rs = sb.executeQuery("SELECT mode FROM pg_locks WHERE pid = " + pidA
                    + " AND relation = 't'::regclass AND granted")) {
                while (rs.next()) strongest = LockMode.stronger(strongest, LockMode.ofPgName(rs.getString(1)));
            }
            a.rollback();
            return strongest == null ? null : strongest.sql();
        }
    }
}
