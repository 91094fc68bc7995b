package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlCatalogReader;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The forms migration scripts write (inline and unnamed constraints with the names the server makes up, serial,
 * renames, type changes, defaults as written by hand, several actions in one ALTER TABLE, IF [NOT] EXISTS) are
 * replayed as the server applies them: the script is run on a real server, and the live catalog equals the replay
 * of the same script on an empty schema.
 */
class ScriptFormsServerTest {
    private static final Path FORMS = Path.of("src/test/resources/scripts/forms");

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " #" + f.statement() + " line " + f.line() + " " + f.message()).toList();
    }

    /** The replay of a script on an empty schema, and the live catalog of a fresh database the script ran on. */
    private record Ran(Replayed replayed, Schema live) {
        List<Finding> compared() {
            return Replay.compare(replayed, live);
        }
    }

    /** Runs the script on a fresh PostgreSQL database (after {@code extraSql}, if any) and replays it. */
    private static Ran onPostgres(String db, String script, String extraSql) {
        String name = LocalPostgres.freshDatabase(db);
        try {
            LocalPostgres.psqlFile(name, FORMS.resolve(script));
            if (extraSql != null) LocalPostgres.exec(name, extraSql);
            Schema live = PostgresCatalogReader.read(LocalPostgres.url(name), Set.of("public"));
            return new Ran(Replay.run(empty(live), ScriptReader.read(FORMS.resolve(script), null)), live);
        } finally {
            LocalPostgres.dropDatabase(name);
        }
    }

    private static Ran onMariadb(String db, String script) {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`",
                "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        try {
            LocalMariadb.clientFile(db, FORMS.resolve(script));
            Schema live = MysqlCatalogReader.read(LocalMariadb.url(db)).schema();
            return new Ran(Replay.run(empty(live), ScriptReader.read(FORMS.resolve(script), Engine.MARIADB),
                    "utf8mb4_general_ci"), live);
        } finally {
            LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`");
        }
    }

    @Test
    void postgresAppliesTheScriptAsTheReplayDoes() {
        Ran ran = onPostgres("sp_scriptread_forms", "postgres.sql", null);
        assertEquals(List.of(), describe(ran.replayed().findings()), "statements not applied");
        assertEquals(List.of(), describe(ran.compared()), "differences from the live database");
    }

    @Test
    void mariadbAppliesTheScriptAsTheReplayDoes() {
        Ran ran = onMariadb("sp_scriptread_forms", "mysql.sql");
        assertEquals(List.of(), describe(ran.replayed().findings()), "statements not applied");
        assertEquals(List.of(), describe(ran.compared()), "differences from the live database");
    }

    /**
     * Expressions written by hand (CHECK, expression index with a predicate, a view with LIKE and IN, a default)
     * come back from the server in its own rendering. The comparison tells them as written differently, each
     * blamed on the statement that made it, and finds no real difference.
     */
    @Test
    void postgresExpressionsWrittenByHandAreToldApartFromRealDifferences() {
        Ran ran = onPostgres("sp_scriptread_expr", "postgres-expressions.sql", null);
        assertEquals(List.of(), describe(ran.replayed().findings()), "statements not applied");
        List<Finding> found = ran.compared();
        assertEquals(Set.of("WRITTEN_DIFFERENTLY #3 public.items.items_qty_check",
                "WRITTEN_DIFFERENTLY #4 public.items_lower_label_idx",
                "WRITTEN_DIFFERENTLY #5 public.active_items"), blamed(found), String.join("\n", describe(found)));
    }

    @Test
    void mariadbExpressionsWrittenByHandAreToldApartFromRealDifferences() {
        Ran ran = onMariadb("sp_scriptread_expr", "mysql-expressions.sql");
        assertEquals(List.of(), describe(ran.replayed().findings()), "statements not applied");
        List<Finding> found = ran.compared();
        assertEquals(Set.of("WRITTEN_DIFFERENTLY #2 items.items_qty_check", "WRITTEN_DIFFERENTLY #3 active_items"),
                blamed(found), String.join("\n", describe(found)));
    }

    /** A real difference stays one: a CHECK with another bound is not "written differently". */
    @Test
    void aRealDifferenceInAnExpressionStaysADifference() {
        Ran ran = onPostgres("sp_scriptread_expr2", "postgres-expressions.sql", "ALTER TABLE items DROP CONSTRAINT"
                + " items_qty_check; ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty > 1 AND label <> 'x')");
        List<Finding> found = ran.compared();
        assertTrue(blamed(found).contains("DIFFERS #3 public.items.items_qty_check"), String.join("\n", describe(found)));
    }

    private static Schema empty(Schema live) {
        return new Schema(live.engine(), live.serverVersion(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private static Set<String> blamed(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " #" + f.statement() + " " + f.change().object())
                .collect(java.util.stream.Collectors.toSet());
    }
}
