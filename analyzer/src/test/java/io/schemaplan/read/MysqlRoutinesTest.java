package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.MyRules;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Procedures, functions and events in our own mariadb-dump 11.x shaped fixture (resources/mysql/shapes/
 * mariadb-dump-11.4-routines.sql: plain and version-comment CREATEs, an event, an aggregate function, comments
 * in a body), restored with the {@code mariadb} client into the local MariaDB: the dump, the database and a real
 * {@code mariadb-dump --routines --events} of it read to the same routines; one routine changed on the server is
 * exactly one change, which the planner gives its rule.
 */
class MysqlRoutinesTest {
    static final Path FIXTURE = MysqlShapesRoundTripTest.DIR.resolve("mariadb-dump-11.4-routines.sql");
    static final String DB = "sp_myroutines_ledger";
    static final String CHANGED = "sp_myroutines_changed";
    static final String INVALID = "sp_myroutines_invalid";
    static final String ALTERED = "sp_myroutines_altered";
    static final String READER = "sp_myroutines_reader";

    @BeforeAll
    static void restore() {
        for (String db : List.of(DB, CHANGED, ALTERED)) {
            recreate(db);
            LocalMariadb.clientFile(db, FIXTURE);
        }
    }

    @AfterAll
    static void drop() {
        for (String db : List.of(DB, CHANGED, ALTERED, INVALID)) LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`");
        LocalMariadb.exec("mysql", "DROP USER IF EXISTS '" + READER + "'@'%'");
    }

    static void recreate(String db) {
        LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`",
                "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }

    static Schema dump() {
        return MysqlDumpReader.read(FIXTURE).schema();
    }

    static Schema live(String db) {
        return MysqlCatalogReader.read(LocalMariadb.url(db)).schema();
    }

    static Map<String, Routine> byName(Schema s) {
        return s.routines().stream().collect(Collectors.toMap(r -> r.name().name(), Function.identity()));
    }

    @Test
    void everyRoutineOfTheDumpIsReadWithoutAWarning() {
        Loaded read = MysqlDumpReader.read(FIXTURE);
        assertEquals(List.of(), read.warnings());
        assertEquals(List.of("event close_month", "function balance(since date)", "function label(v numeric(12,2))",
                "function total(x numeric(12,2))", "procedure close_books(upto date, OUT moved integer)", "procedure purge_zero()"),
                read.schema().routines().stream().map(r -> r.kind() + " " + r.signature()).sorted().toList());
        Map<String, Routine> r = byName(read.schema());
        assertEquals(List.of("MODIFIES SQL DATA", "SQL SECURITY INVOKER"), r.get("close_books").attributes());
        assertEquals("BEGIN\nDECLARE n int DEFAULT 0;\nSELECT count(*) INTO n FROM entries WHERE booked_on <= upto;\n"
                + "UPDATE entries SET note = concat_ws(' ', note, '(closed;  kept)') WHERE booked_on <= upto;\n"
                + "SET moved = n;\nEND", r.get("close_books").body(), "comments and indentation go, quoted text stays");
        assertEquals("varchar(20) charset utf8mb4 collate utf8mb4_general_ci", r.get("label").returns());
        assertEquals(List.of("DETERMINISTIC", "NO SQL"), r.get("label").attributes());
        assertEquals("sum of the entries booked since a day", r.get("balance").comment());
        assertEquals(List.of("READS SQL DATA"), r.get("balance").attributes());
        assertEquals(List.of("AGGREGATE"), r.get("total").attributes());
        assertEquals("DELETE FROM entries WHERE amount = 0", r.get("purge_zero").body(), "the /*!50003 PROCEDURE …*/ shape");
        Routine event = r.get("close_month");
        assertEquals(List.of("DISABLE", "ON COMPLETION PRESERVE", "ON SCHEDULE EVERY 1 MONTH STARTS '2026-01-01 02:00:00'"),
                event.attributes());
        assertEquals("closes the month before", event.comment());
        assertEquals("CALL close_books(last_day(curdate() - INTERVAL 1 MONTH), @moved)", event.body());
    }

    @Test
    void theDumpAndTheDatabaseRestoredFromItReadAlike() {
        Schema d = dump();
        Schema l = live(DB);
        assertEquals(6, l.routines().size());
        assertEquals(d.routines(), l.routines());
        assertEquals(List.of(), SchemaDiff.diff(d, l));
        assertEquals(List.of(), SchemaDiff.diff(l, d));
        Cli.Result r = Cli.run("diff", "--exit-code", FIXTURE.toString(), LocalMariadb.url(DB));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("skipped"), r.err());
    }

    @Test
    void aRealMariadbDumpOfTheDatabaseReadsAlike(@TempDir Path tmp) {
        Path out = LocalMariadb.dump(DB, tmp.resolve("ledger.sql"), "--events");
        Loaded read = MysqlDumpReader.read(out);
        assertEquals(List.of(), read.warnings());
        assertEquals(live(DB).routines(), read.schema().routines());
    }

    /** A body changed on the server: one change, printed as such, and on MySQL the DROP + CREATE gap. */
    @Test
    void oneChangedRoutineIsExactlyOneChangeWithItsRule() {
        LocalMariadb.exec(CHANGED, "CREATE OR REPLACE DEFINER=`ledger`@`%` PROCEDURE close_books(IN upto date, OUT moved integer)"
                + " MODIFIES SQL DATA SQL SECURITY INVOKER BEGIN SELECT count(*) INTO moved FROM entries WHERE booked_on < upto; END");
        Schema from = dump();
        Schema to = live(CHANGED);
        List<Change> changes = SchemaDiff.diff(from, to);
        assertEquals(1, changes.size(), changes.toString());
        Change.RoutineChanged c = (Change.RoutineChanged) changes.get(0);
        assertEquals("close_books", c.to().name().name());
        assertEquals(byName(from).get("close_books").arguments(), c.to().arguments());
        assertNotEquals(c.from().body(), c.to().body());

        Cli.Result text = Cli.run("diff", FIXTURE.toString(), LocalMariadb.url(CHANGED));
        assertTrue(text.out().contains("procedure close_books(upto date, OUT moved integer): body changed"), text.out());
        Cli.Result json = Cli.run("diff", "--format", "json", FIXTURE.toString(), LocalMariadb.url(CHANGED));
        assertTrue(json.out().contains("\"routine.changed\""), json.out());

        Map<String, String> rules = Map.of("MySQL", MyRules.ROUTINE_GAP, "MariaDB", MyRules.CATALOG);
        for (MyEngine server : List.of(MyEngine.MYSQL_8_4, MyEngine.MARIADB_10_11)) {
            Plan plan = Planner.plan(new Planner.Input("dump", "live", from, to, changes, null, null, Profile.DEFAULT,
                    null, false, server));
            PlanItem item = plan.items().get(0);
            assertEquals("REPLACE_ROUTINE", item.operation());
            assertEquals(rules.get(server.isMariadb() ? "MariaDB" : "MySQL"), item.ruleId());
            assertTrue(item.message().contains(server.isMariadb() ? "CREATE OR REPLACE" : "ERROR 1305"), item.message());
            assertEquals(null, item.lock(), "no table is locked");
            assertFalse(item.blocksWrites());
            // MySQL's DROP then CREATE fails every call in between: low, not none; MariaDB replaces it at once.
            assertEquals(server.isMariadb() ? io.schemaplan.impact.Risk.NONE : io.schemaplan.impact.Risk.LOW, item.risk());
        }
    }

    @Test
    void aChangedCommentOrEventIsAnAlterNotAReplacement() {
        Schema from = live(DB);
        Routine close = byName(from).get("close_books");
        Routine commented = new Routine(close.name(), close.kind(), close.arguments(), close.returns(), null,
                List.of("READS SQL DATA", "SQL SECURITY INVOKER"), close.body(), "now with a comment");
        Routine event = byName(from).get("close_month");
        Routine enabled = new Routine(event.name(), event.kind(), "", null, null,
                event.attributes().stream().filter(a -> !a.equals("DISABLE")).toList(), event.body(), event.comment());
        Schema to = new Schema(from.engine(), from.serverVersion(), List.of(), List.of(), List.of(), List.of(), from.tables(),
                from.views(), from.routines().stream().map(r -> r.equals(close) ? commented : r.equals(event) ? enabled : r).toList());
        List<Change> changes = SchemaDiff.diff(from, to);
        Plan plan = Planner.plan(new Planner.Input("a", "b", from, to, changes, null, null, Profile.DEFAULT, null, false,
                MyEngine.MYSQL_8_4));
        assertEquals(List.of("ALTER_ROUTINE", "ALTER_ROUTINE"), plan.items().stream().map(PlanItem::operation).toList());
    }

    /**
     * A migration script's ALTER PROCEDURE / FUNCTION / EVENT, CREATE and DROP, replayed on the dump's model, end
     * where the server does ({@code INT} as written and {@code int(11)} as MariaDB prints it are one type).
     */
    @Test
    void aScriptsAltersReplayedOnTheModelEndWhereTheServerEnds() {
        List<String> script = List.of(
                "ALTER PROCEDURE close_books COMMENT 'closes the books' READS SQL DATA",
                "ALTER FUNCTION label SQL SECURITY INVOKER CONTAINS SQL",
                "ALTER DEFINER=`ledger`@`%` EVENT close_month ON SCHEDULE EVERY 2 MONTH STARTS '2026-02-01 00:00:00'"
                        + " ON COMPLETION NOT PRESERVE ENABLE DO CALL close_books(curdate(), @m)",
                "ALTER EVENT close_month RENAME TO close_months COMMENT 'every other month'",
                "CREATE FUNCTION twice(a INT) RETURNS INT DETERMINISTIC RETURN a * 2",
                "DROP PROCEDURE purge_zero");
        LocalMariadb.exec(ALTERED, script.toArray(String[]::new));
        MysqlDumpReader replay = MysqlDumpReader.replaying("script.sql", dump(), null);
        for (int k = 0; k < script.size(); k++) assertEquals(List.of(), replay.replay(script.get(k), k + 1), script.get(k));
        Schema live = live(ALTERED);
        assertEquals(live.routines(), replay.model().routines());
        assertEquals(List.of("ON SCHEDULE EVERY 2 MONTH STARTS '2026-02-01 00:00:00'"), byName(live).get("close_months").attributes());
        assertEquals(List.of("unknown procedure nowhere"), replay.replay("ALTER PROCEDURE nowhere COMMENT 'x'", 9).stream()
                .map(m -> m.replaceFirst("^cannot parse [^:]*: ", "")).toList());
    }

    /**
     * A user with what mysqldump needs for tables and views sees no routine and no event, and the server says
     * nothing: the read warns, naming the GRANT; with it, the user reads what root reads.
     */
    @Test
    void aUserWhoCannotSeeRoutinesOrEventsIsWarned() {
        String account = "'" + READER + "'@'%'";
        LocalMariadb.exec("mysql", "DROP USER IF EXISTS " + account, "CREATE USER " + account + " IDENTIFIED BY 'sekret'",
                "GRANT SELECT, SHOW VIEW, TRIGGER ON `" + DB + "`.* TO " + account);
        String url = "mysql://" + READER + ":sekret@" + LocalMariadb.HOST + ":" + LocalMariadb.PORT + "/" + DB;
        Loaded hidden = MysqlCatalogReader.read(url);
        assertEquals(List.of(), hidden.schema().routines(), "the server hides them");
        String where = "mysql://" + READER + "@" + LocalMariadb.HOST + ":" + LocalMariadb.PORT + "/" + DB + ": user " + account;
        assertEquals(List.of(where + " may not see every procedure and function, and those it cannot see are not read:"
                + " GRANT SELECT ON mysql.proc TO " + account, where + " cannot see the events, which are not read:"
                + " GRANT EVENT ON `" + DB + "`.* TO " + account), hidden.warnings());
        LocalMariadb.exec("mysql", "GRANT SELECT ON mysql.proc TO " + account, "GRANT EVENT ON `" + DB + "`.* TO " + account);
        Loaded granted = MysqlCatalogReader.read(url);
        assertEquals(List.of(), granted.warnings());
        assertEquals(live(DB).routines(), granted.schema().routines());
    }

    /** Bad input is one line naming file and line, exit 2; the server refuses the same file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            routine-without-body.sql           | 9 | cannot parse CREATE DEFINER: procedure refresh_totals has no body
            routine-unterminated-delimiter.sql | 9 | the statement starting here has no closing ';;': the dump stops at line 14, the file is truncated
            """)
    void badRoutinesAreOneLineAndTheServerRefusesThemToo(String file, int line, String message) {
        Path dump = MysqlShapesInvalidTest.DIR.resolve(file);
        Cli.Result r = Cli.badInput("diff", dump.toString(), dump.toString());
        assertEquals(List.of("schemaplan: " + dump + ":" + line + ": " + message), r.errLines());
        recreate(INVALID);
        LocalMariadb.ClientRun server = LocalMariadb.run(dump, "--database=" + INVALID);
        assertNotEquals(0, server.exitCode(), "MariaDB accepted " + file + ": " + server.output());
    }
}
