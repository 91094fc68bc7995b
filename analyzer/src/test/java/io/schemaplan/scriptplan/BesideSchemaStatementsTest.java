package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.script.Finding;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements real migration scripts run beside schema changes (GRANT, roles, OWNER TO, VACUUM, CLUSTER,
 * LOCK TABLE, LOCK TABLES, OPTIMIZE TABLE, routines, the tools' lock tables), surveyed in
 * {@code scriptplan/beside/}: every one plans to a rule, and the replay reports those that change only what the
 * model does not hold as outside it, not as statements it could not apply.
 */
class BesideSchemaStatementsTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path SURVEY = Path.of("src", "test", "resources", "scriptplan", "beside");

    private static ScriptPlan plan(String schema, String script) {
        return Schemaplan.planScripts(Schemaplan.read(SAMPLES.resolve(schema).toString()),
                List.of(SURVEY.resolve(script)), Schemaplan.Options.defaults());
    }

    private static void noUnknown(ScriptPlan plan) {
        List<String> unknown = plan.statements().stream().filter(s -> s.kind() == StatementKind.UNKNOWN
                        || s.items().stream().anyMatch(i -> i.ruleId().equals("UNKNOWN") || i.operation().equals("UNKNOWN")))
                .map(s -> s.statement().number() + ": " + s.firstLine()).toList();
        assertEquals(List.of(), unknown);
        assertTrue(plan.findings().stream().noneMatch(f -> f.contains("does not know")), plan.findings().toString());
    }

    private static Map<String, String> rulesByFirstWords(ScriptPlan plan) {
        return plan.statements().stream().filter(s -> !s.items().isEmpty()).collect(Collectors.toMap(
                s -> s.firstLine(), s -> s.items().stream().map(PlanItem::operation).collect(Collectors.joining(",")),
                (a, b) -> a));
    }

    @Test
    void everyPostgresStatementBesideTheSchemaPlansToARule() {
        ScriptPlan plan = plan("postgres/dify-1.12.1.sql", "postgres.sql");
        noUnknown(plan);
        Map<String, String> ops = rulesByFirstWords(plan);
        assertEquals("GRANT_ON_TABLE", ops.get("GRANT SELECT ON public.apps TO readonly"));
        assertEquals("GRANT_ON_TABLE,GRANT_ON_TABLE", ops.entrySet().stream()
                .filter(e -> e.getKey().startsWith("GRANT SELECT, INSERT ON TABLE apps")).findFirst().orElseThrow().getValue());
        assertEquals("CHANGE_OWNER", ops.get("ALTER TABLE apps OWNER TO dify_owner"));
        assertEquals("VACUUM_FULL", ops.get("VACUUM FULL apps"));
        assertEquals("LOCK_TABLE_SHARE", ops.get("LOCK TABLE apps IN SHARE MODE"));
        assertEquals("LOCK_TABLE_ACCESS_EXCLUSIVE", ops.get("LOCK apps"));
        StatementPlan cluster = plan.statements().stream().filter(s -> s.firstLine().startsWith("CLUSTER")).findFirst()
                .orElseThrow();
        assertEquals("ACCESS EXCLUSIVE", cluster.lock());
        StatementPlan grant = plan.statements().get(0);
        assertEquals(null, grant.lock(), "a GRANT takes no table lock");
        outsideTheModel(plan, "privileges", "roles and users", "owners", "explicit locks");
        sequenceValues(plan);
        // The survey's LOCK TABLEs run on their own (psql's autocommit): PostgreSQL refuses them there.
        assertEquals(3, plan.findings().stream().filter(f -> f.contains("refuses LOCK TABLE")).count(), plan.findings().toString());
    }

    @Test
    void everyMysqlStatementBesideTheSchemaPlansToARule() {
        ScriptPlan plan = plan("mysql/dify-1.12.1.patched-32196.sql", "mysql.sql");
        noUnknown(plan);
        Map<String, String> ops = rulesByFirstWords(plan);
        assertEquals("PRIVILEGES", ops.get("FLUSH PRIVILEGES"));
        assertEquals("FORCE_REBUILD", ops.get("OPTIMIZE TABLE apps"));
        assertEquals("LOCK_TABLES_READ,LOCK_TABLES_WRITE", ops.get("LOCK TABLES apps READ, accounts WRITE"));
        assertEquals("CREATE_ROUTINE", ops.get("CREATE DEFINER=`root`@`%` PROCEDURE p2() SELECT 1"));
        outsideTheModel(plan, "privileges", "roles and users", "explicit locks",
                "statistics and physical storage (maintenance)", "databases (the model is one database's schema)");
        assertEquals("CHECK_TABLE", ops.get("CHECK TABLE apps"));
        assertEquals("CHECK_TABLE,CHECK_TABLE", ops.get("CHECK TABLE apps, accounts QUICK"));
        assertEquals("REPAIR_TABLE", ops.get("REPAIR NO_WRITE_TO_BINLOG TABLE accounts"));
        assertEquals("CREATE_DATABASE", ops.get("CREATE SCHEMA dify_archive2 DEFAULT CHARACTER SET utf8mb4"));
        assertEquals("DROP_DATABASE", ops.get("DROP DATABASE IF EXISTS dify_archive"));
        StatementPlan check = statement(plan, "CHECK TABLE apps");
        assertEquals(null, check.lock(), "reads and writes go on beside CHECK TABLE");
        assertTrue(check.items().get(0).message().contains("reads every row"), check.items().get(0).message());
        StatementPlan repair = statement(plan, "REPAIR TABLE apps");
        assertEquals("EXCLUSIVE", repair.lock());
        assertTrue(repair.items().get(0).message().contains("doesn't support repair"), repair.items().get(0).message());
        StatementPlan drop = statement(plan, "DROP SCHEMA dify_archive2");
        assertTrue(drop.items().get(0).destructive() && drop.items().get(0).message().contains("every table"));
        // Like DDL, each commits what is open: a transaction of its own, never inside another.
        for (StatementPlan s : List.of(check, repair, drop)) {
            assertEquals(1, plan.transactions().stream().filter(t -> t.number() == s.transaction()).findFirst()
                    .orElseThrow().last() - plan.transactions().stream().filter(t -> t.number() == s.transaction())
                    .findFirst().orElseThrow().first() + 1, s.firstLine());
        }
    }

    /**
     * setval and nextval write the sequence, ROW EXCLUSIVE on it, and no ROLLBACK undoes them (PgSequenceValueTest);
     * pg_dump's pg_catalog.setval and Django's pg_get_serial_sequence form name the sequence too.
     */
    private static void sequenceValues(ScriptPlan plan) {
        // In the survey's order: setval, pg_dump's pg_catalog.setval, Django's sequence reset, nextval.
        List<String> sequences = plan.statements().stream().filter(s -> s.kind() == StatementKind.SEQUENCE)
                .map(s -> s.lockedTable() + " " + s.lock()).toList();
        assertEquals(List.of("public.invitation_codes_id_seq ROW EXCLUSIVE", "public.invitation_codes_id_seq ROW EXCLUSIVE",
                "public.task_id_sequence ROW EXCLUSIVE", "public.task_id_sequence ROW EXCLUSIVE"), sequences);
        StatementPlan django = plan.statements().stream().filter(s -> s.firstLine().contains("pg_get_serial_sequence"))
                .findFirst().orElseThrow();
        assertTrue(django.notes().stream().anyMatch(n -> n.contains("ROLLBACK") && n.contains("reads public.celery_taskmeta")),
                django.notes().toString());
        assertEquals(4, plan.replay(Finding.Kind.OUTSIDE_MODEL).stream()
                .filter(f -> f.message().startsWith("sequence values")).count(), plan.replay(Finding.Kind.OUTSIDE_MODEL).toString());
    }

    /** A rollback of the migration's transaction keeps what setval set: the transaction's on-failure line says so. */
    @Test
    void aTransactionsOnFailureLineNamesTheSetvalItKeeps(@TempDir Path dir) throws java.io.IOException {
        Path script = Files.writeString(dir.resolve("reset.sql"), "BEGIN;\nSELECT pg_catalog.setval("
                + "'public.invitation_codes_id_seq', 42, true);\nALTER TABLE apps ADD COLUMN x int;\nCOMMIT;\n");
        ScriptPlan plan = Schemaplan.planScripts(Schemaplan.read(SAMPLES.resolve("postgres/dify-1.12.1.sql").toString()),
                List.of(script), Schemaplan.Options.defaults());
        assertEquals(StatementKind.SEQUENCE, plan.statements().get(1).kind());
        String onFailure = plan.transactions().get(0).onFailure();
        assertTrue(onFailure.startsWith("a failure rolls back statements 1–4 but not the sequence value statement 2 sets"),
                onFailure);
    }

    /**
     * The text view prints a quiet statement's notes under its line (the setting's reach, the sequence value a
     * ROLLBACK keeps), but not the version a bookkeeping UPDATE records: the revision column says it.
     */
    @Test
    void theTextViewShowsTheNotesOfQuietStatementsButNotTheBookkeepingVersion(@TempDir Path dir) throws java.io.IOException {
        // The ALTER makes the transaction one the text view lists statement by statement.
        Path script = Files.writeString(dir.resolve("quiet.sql"), "BEGIN;\nSET LOCAL lock_timeout = '2s';\n"
                + "SELECT setval('public.invitation_codes_id_seq', 42);\nALTER TABLE apps ADD COLUMN x int;\n"
                + "UPDATE alembic_version SET version_num='abc' WHERE alembic_version.version_num = 'def';\nCOMMIT;\n");
        ScriptPlan plan = Schemaplan.planScripts(Schemaplan.read(SAMPLES.resolve("postgres/dify-1.12.1.sql").toString()),
                List.of(script), Schemaplan.Options.defaults());
        for (int i : new int[] {1, 2, 4}) {
            assertTrue(plan.statements().get(i).risk().compareTo(io.schemaplan.impact.Risk.MEDIUM) > 0,
                    "statement " + (i + 1) + " is quiet: " + plan.statements().get(i));
            assertEquals(1, plan.statements().get(i).notes().size(), plan.statements().get(i).notes().toString());
        }
        String text = Schemaplan.render(plan, Schemaplan.Format.TEXT);
        List<String> lines = text.lines().toList();
        for (int i = 1; i <= 2; i++) {
            String note = plan.statements().get(i).notes().get(0);
            String head = plan.statements().get(i).firstLine().substring(0, 20);
            int at = lines.indexOf(lines.stream().filter(l -> l.contains(head)).findFirst().orElseThrow(
                    () -> new AssertionError(head + " not in\n" + text)));
            assertTrue(lines.get(at + 1).startsWith("        · ") && note.startsWith(lines.get(at + 1).substring(10).strip()),
                    "the note of statement " + (i + 1) + " follows its line:\n" + text);
        }
        assertTrue(plan.statements().get(4).notes().get(0).startsWith(ScriptPlan.VERSION_NOTE));
        assertFalse(text.contains(ScriptPlan.VERSION_NOTE), text);
    }

    private static StatementPlan statement(ScriptPlan plan, String firstLine) {
        return plan.statements().stream().filter(s -> s.firstLine().equals(firstLine)).findFirst().orElseThrow();
    }

    /** A rewrite for maintenance is priced from the statistics like any rewrite, and the text view shows it. */
    @Test
    void vacuumFullAndClusterArePricedAsRewritesFromTheStatistics(@TempDir Path dir) throws java.io.IOException {
        Path script = Files.writeString(dir.resolve("maintenance.sql"),
                "VACUUM FULL messages;\nCLUSTER workflow_runs USING workflow_run_pkey;\n");
        Schemaplan.Options options = Schemaplan.Options.defaults().withStats(
                Schemaplan.stats(SAMPLES.resolve("stats/dify-large-install.json").toString()), "large install");
        ScriptPlan plan = Schemaplan.planScripts(Schemaplan.read(SAMPLES.resolve("postgres/dify-1.12.1.sql").toString()),
                List.of(script), options);
        for (StatementPlan s : plan.statements()) {
            assertTrue(s.estimate().known() && s.estimate().lowSeconds() > 60, s.firstLine() + ": " + s.estimate());
            assertEquals("ACCESS EXCLUSIVE", s.lock());
        }
        String text = Schemaplan.render(plan, Schemaplan.Format.TEXT);
        assertTrue(text.lines().anyMatch(l -> l.contains("VACUUM FULL messages") && l.contains(" min")), text);
    }

    private static void outsideTheModel(ScriptPlan plan, String... kinds) {
        List<String> outside = plan.replay(Finding.Kind.OUTSIDE_MODEL).stream().map(Finding::message).distinct().toList();
        for (String k : kinds) assertTrue(outside.contains(k), k + " in " + outside);
        assertTrue(plan.replay(Finding.Kind.NOT_APPLIED).stream().noneMatch(f -> f.message().contains("GRANT")
                || f.message().contains("ANALYZE") || f.message().contains("LOCK") || f.message().contains("REPAIR")
                || f.message().contains("dify_archive") || f.message().contains("setval")), plan.replay(Finding.Kind.NOT_APPLIED).toString());
        assertTrue(plan.replaySections().stream().anyMatch(s -> s.heading().startsWith("Outside the schema model")));
    }
}
