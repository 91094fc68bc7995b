package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.model.Engine;
import io.schemaplan.read.Loaded;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.script.ScriptStatement;
import io.schemaplan.testing.LocalPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safer SQL of data statements runs on the real server and does what the statement would have done: the
 * key-range loop (and the ctid loop where there is no one-column key) writes every row the WHERE matches,
 * in batches that each commit, and the index the WHERE needs is built first.
 */
class ScriptRecipesServerTest {
    static final String DB = "sp_scriptplan_recipes";
    static final int ROWS = 12_345;

    @BeforeAll
    static void setUp() {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE TABLE messages (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "
                + "invoke_from varchar(20), parent_message_id uuid);"
                + "INSERT INTO messages (invoke_from) SELECT CASE WHEN g % 10 = 0 THEN 'service-api' ELSE 'web-app' END "
                + "FROM generate_series(1, " + ROWS + ") g;"
                + "CREATE TABLE events (a int, b int, note text);"
                + "INSERT INTO events SELECT g, g % 7, NULL FROM generate_series(1, " + ROWS + ") g;");
    }

    @AfterAll
    static void tearDown() {
        LocalPostgres.dropDatabase(DB);
    }

    /** The recipe of statement {@code n} of the script, planned on the live database. */
    static String recipe(String script, int n) {
        Loaded live = Schemaplan.read(LocalPostgres.url(DB));
        Script s = ScriptReader.read("m.sql", script.getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        ScriptPlan plan = Schemaplan.planScript(live, List.of(s), "m.sql", Schemaplan.Options.defaults());
        String sql = plan.statements().get(n - 1).recipeSql();
        assertTrue(sql != null && sql.contains("COMMIT;"), String.valueOf(sql));
        return sql;
    }

    /** Runs SQL statement by statement with autocommit, as psql does (CONCURRENTLY refuses a multi-statement string). */
    static void run(String sql) throws SQLException {
        Script s = ScriptReader.read("recipe.sql", sql.getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        try (Connection c = LocalPostgres.connect(DB); Statement st = c.createStatement()) {
            for (ScriptStatement x : s.statements()) st.execute(x.sql());
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = LocalPostgres.connect(DB); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theKeyRangeLoopWritesTheRowsTheWhereMatchesAfterBuildingItsIndex() throws SQLException {
        String script = "UPDATE messages SET parent_message_id = '00000000-0000-0000-0000-000000000000' "
                + "WHERE invoke_from = 'service-api' AND parent_message_id IS NULL;";
        String sql = recipe(script, 1);
        assertTrue(sql.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS messages_invoke_from_idx"), sql);
        run(sql);
        assertEquals(ROWS / 10, count("SELECT count(*) FROM messages WHERE parent_message_id IS NOT NULL"));
        assertEquals(0, count("SELECT count(*) FROM messages WHERE invoke_from = 'service-api' AND parent_message_id IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE indexname = 'messages_invoke_from_idx'"));
    }

    @Test
    void withoutAOneColumnKeyTheLoopGoesByPhysicalRow() throws SQLException {
        String sql = recipe("UPDATE events SET note = 'seen' WHERE note IS NULL;", 1);
        assertTrue(sql.contains("ctid = ANY"), sql);
        run(sql);
        assertEquals(0, count("SELECT count(*) FROM events WHERE note IS NULL"));
        assertEquals(ROWS, count("SELECT count(*) FROM events WHERE note = 'seen'"));
    }
}
