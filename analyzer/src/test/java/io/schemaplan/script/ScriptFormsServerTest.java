package io.schemaplan.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void postgresAppliesTheScriptAsTheReplayDoes() {
        String db = LocalPostgres.freshDatabase("sp_scriptread_forms");
        try {
            LocalPostgres.psqlFile(db, FORMS.resolve("postgres.sql"));
            Schema live = PostgresCatalogReader.read(LocalPostgres.url(db), Set.of("public"));
            Schema empty = new Schema(Engine.POSTGRES, live.serverVersion(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());
            Replayed r = Replay.run(empty, ScriptReader.read(FORMS.resolve("postgres.sql"), null));
            assertEquals(List.of(), describe(r.findings()), "statements not applied");
            assertEquals(List.of(), describe(Replay.compare(r, live)), "differences from the live database");
        } finally {
            LocalPostgres.dropDatabase(db);
        }
    }

    @Test
    void mariadbAppliesTheScriptAsTheReplayDoes() {
        String db = "sp_scriptread_forms";
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`",
                "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        try {
            LocalMariadb.clientFile(db, FORMS.resolve("mysql.sql"));
            Schema live = MysqlCatalogReader.read(LocalMariadb.url(db)).schema();
            Schema empty = new Schema(live.engine(), live.serverVersion(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());
            Replayed r = Replay.run(empty, ScriptReader.read(FORMS.resolve("mysql.sql"), Engine.MARIADB), "utf8mb4_general_ci");
            assertEquals(List.of(), describe(r.findings()), "statements not applied");
            assertEquals(List.of(), describe(Replay.compare(r, live)), "differences from the live database");
        } finally {
            LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`");
        }
    }
}
