package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import io.schemaplan.read.StatsJson;
import io.schemaplan.report.DiffJsonRenderer;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} and {@code stats} as a user runs them. */
class PlanCommandTest {
    static final String V0142 = Samples.postgres("0.14.2").toString();
    static final String V0153 = Samples.postgres("0.15.3").toString();
    static final String LARGE = Samples.root().resolve("stats/dify-large-install.json").toString();

    @TempDir
    Path tmp;

    @Test
    void textPlanListsTheWorkflowRunsRewriteFirstWithLockTimeAndRecipe() {
        Cli.Result r = Cli.run("plan", V0142, V0153, "--stats", LARGE);
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        int critical = out.indexOf("CRITICAL\n");
        assertTrue(critical > 0, out);
        String first = out.substring(critical).lines().skip(1).findFirst().orElseThrow();
        assertEquals("  ~ public.workflow_runs: changed column total_tokens: integer -> bigint", first);
        assertTrue(out.contains("PG-REWRITE-TYPE · ACCESS EXCLUSIVE on public.workflow_runs (blocks reads and writes)"), out);
        assertTrue(out.matches("(?s).*rewrites the table, rebuilds its indexes · \\d+ min – (\\d+ h )?\\d+ min.*"), out);
        assertTrue(out.contains("Safer: Expand/contract"), out);
        assertFalse(out.contains("\033["), "no colours in a pipe");
    }

    @Test
    void markdownPlanPutsCriticalItemsFirstAndEscapesNames() {
        Cli.Result r = Cli.run("plan", V0142, V0153, "--stats", LARGE, "--format", "markdown");
        assertEquals(0, r.exitCode(), r.err());
        String md = r.out();
        assertTrue(md.startsWith("# Pre-upgrade plan\n"), md);
        int critical = md.indexOf("## Critical (1)");
        assertTrue(critical > 0, md);
        assertTrue(md.indexOf("### \\~ public.workflow\\_runs: changed column total\\_tokens: integer -&gt; bigint") > critical, md);
        assertTrue(md.contains("| public.workflow\\_runs | 12.5 M rows, 100 GB"), md);
        assertTrue(md.contains("## Assumptions"), md);
    }

    @Test
    void jsonPlanCarriesRuleLockEstimateAndRecipe() throws Exception {
        Cli.Result r = Cli.run("plan", V0142, V0153, "--stats", LARGE, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = DiffJsonRenderer.parse(r.out());
        assertEquals("schemaplan-plan/1", root.get("format").asText());
        assertEquals("15", root.get("serverVersion").asText());
        assertEquals(1, root.get("summary").get("byRisk").get("critical").asInt());
        JsonNode first = root.get("items").get(0);
        assertEquals("column.type_changed", first.get("kind").asText());
        assertEquals("PG-REWRITE-TYPE", first.get("ruleId").asText());
        assertEquals("ACCESS EXCLUSIVE", first.get("lock").asText());
        assertTrue(first.get("rewritesTable").asBoolean());
        JsonNode e = first.get("estimate");
        assertTrue(e.get("lowSeconds").asDouble() < e.get("expectedSeconds").asDouble());
        assertTrue(e.get("expectedSeconds").asDouble() < e.get("highSeconds").asDouble());
        assertTrue(first.get("recipe").asText().startsWith("Expand/contract"));
        assertEquals("public.workflow_runs", root.get("tables").get(0).get("table").asText());
        assertEquals(r.out(), Cli.run("plan", V0142, V0153, "--stats", LARGE, "--format", "json").out());
    }

    @Test
    void exitCodeOneWhenAskedAndSomethingIsRisky() {
        assertEquals(1, Cli.run("plan", "--exit-code", V0142, V0153, "--stats", LARGE).exitCode());
        assertEquals(0, Cli.run("plan", "--exit-code", V0153, V0153, "--stats", LARGE).exitCode());
    }

    @Test
    void aCalibratedProfileNarrowsTheRange() throws Exception {
        Path profile = tmp.resolve("p.json");
        Files.writeString(profile, """
                {"format": "schemaplan-profile/1", "name": "here", "measuredOn": "test",
                 "seqScanBytesPerSecond": 4.0E8, "rewriteBytesPerSecond": 6.0E7, "indexBuildBytesPerSecond": 2.5E7,
                 "foreignKeyRowsPerSecond": 1.0E6, "spread": 1.5}
                """);
        JsonNode e = DiffJsonRenderer.parse(Cli.run("plan", V0142, V0153, "--stats", LARGE, "--format", "json",
                "--profile", profile.toString()).out()).get("items").get(0).get("estimate");
        assertEquals(1.5, e.get("highSeconds").asDouble() / e.get("expectedSeconds").asDouble(), 0.01);
    }

    @Test
    void badStatisticsAndProfileFilesAreOneLineErrors() throws Exception {
        Path notJson = tmp.resolve("stats.json");
        Files.writeString(notJson, "{\"format\": \"schemaplan-stats/1\",\n \"tables\": [ nope ]}");
        Cli.Result r = Cli.run("plan", V0142, V0153, "--stats", notJson.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("schemaplan: " + notJson + ":2: invalid statistics JSON"), r.err());

        Path profile = tmp.resolve("p.json");
        Files.writeString(profile, "{\"format\": \"schemaplan-profile/1\", \"name\": \"x\", \"seqScanBytesPerSecond\": -1,"
                + " \"rewriteBytesPerSecond\": 1, \"indexBuildBytesPerSecond\": 1, \"foreignKeyRowsPerSecond\": 1, \"spread\": 2}");
        r = Cli.run("plan", V0142, V0153, "--profile", profile.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(profile.toString()) && r.err().contains("seqScanBytesPerSecond"), r.err());

        r = Cli.run("plan", V0142, V0153, "--stats", tmp.resolve("missing.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("missing.json"), r.err());

        r = Cli.run("plan", V0142, V0153, "--server-version", "10");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("PostgreSQL 11 and later"), r.err());

        r = Cli.run("plan", V0142, V0153, "--exact-counts");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--exact-counts needs"), r.err());
    }

    @Test
    void statsFromALiveDatabaseAndPlanFromItTakesThemAutomatically() throws Exception {
        String db = LocalPostgres.freshDatabase("sp_plan_cli");
        LocalPostgres.psqlFile(db, Samples.postgres("0.14.2"));
        LocalPostgres.exec(db, "INSERT INTO workflow_runs (tenant_id, app_id, sequence_number, workflow_id, type,"
                + " triggered_from, version, graph, inputs, status, created_by_role, created_by)"
                + " SELECT gen_random_uuid(), gen_random_uuid(), g, gen_random_uuid(), 'workflow', 'debugging', 'v1',"
                + " '{}', '{}', 'succeeded', 'account', gen_random_uuid() FROM generate_series(1, 20000) g");
        LocalPostgres.exec(db, "VACUUM ANALYZE workflow_runs");
        String url = LocalPostgres.url(db);

        Path file = tmp.resolve("stats.json");
        Cli.Result r = Cli.run("stats", url, "-o", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        Stats stats = StatsJson.read(file);
        TableStats runs = stats.table(io.schemaplan.model.QName.of("public", "workflow_runs")).orElseThrow();
        assertEquals(20000, runs.rows());
        assertTrue(runs.heapBytes() > 0 && runs.indexBytes() > 0);

        JsonNode plan = DiffJsonRenderer.parse(Cli.run("plan", url, V0153, "--format", "json").out());
        // The same to a bundled release, the form a Dify operator uses: statistics come from the live FROM.
        JsonNode toRelease = DiffJsonRenderer.parse(Cli.run("plan", url, "--to", "dify:1.12.1", "--format", "json").out());
        assertEquals(url, toRelease.get("stats").asText());
        assertTrue(toRelease.get("items").size() > 50, "0.14.2 to 1.12.1 is a long way");
        assertTrue(java.util.stream.StreamSupport.stream(toRelease.get("items").spliterator(), false)
                .anyMatch(i -> "public.workflow_runs".equals(i.path("lockedTable").asText())
                        && i.get("estimate").get("known").asBoolean() && "PG-REWRITE-TYPE".equals(i.get("ruleId").asText())));
        assertEquals(2, Cli.run("plan", url, V0153, "--to", "dify:1.12.1").exitCode(), "the target named twice");
        assertEquals(url, plan.get("stats").asText());
        JsonNode first = plan.get("items").get(0);
        assertEquals("public.workflow_runs", first.get("lockedTable").asText());
        assertTrue(first.get("estimate").get("known").asBoolean());
        assertTrue(first.get("estimate").get("expectedSeconds").asDouble() > 0);
    }

    @Test
    void exactCountsCountRowsTheCatalogDoesNotKnowYet() throws Exception {
        String db = LocalPostgres.freshDatabase("sp_plan_exact");
        LocalPostgres.exec(db, "CREATE TABLE t (id int) WITH (autovacuum_enabled = off)");
        LocalPostgres.exec(db, "INSERT INTO t SELECT generate_series(1, 1234)");
        String url = LocalPostgres.url(db);
        TableStats estimated = StatsJson.parse("x", Cli.run("stats", url).out()).tables().get(0);
        assertFalse(estimated.rowsKnown(), "never analyzed: reltuples is -1 on PostgreSQL >= 14");
        TableStats exact = StatsJson.parse("x", Cli.run("stats", url, "--exact-counts").out()).tables().get(0);
        assertEquals(1234, exact.rows());
    }

    @Test
    void readingStatisticsScansNoTable() throws Exception {
        String db = LocalPostgres.freshDatabase("sp_plan_noscan");
        LocalPostgres.exec(db, "CREATE TABLE t (id int)");
        LocalPostgres.exec(db, "INSERT INTO t SELECT generate_series(1, 50000)");
        LocalPostgres.exec(db, "ANALYZE t");
        long before = seqScans(db);
        assertEquals(0, Cli.run("stats", LocalPostgres.url(db)).exitCode());
        assertEquals(0, Cli.run("plan", LocalPostgres.url(db), LocalPostgres.url(db)).exitCode());
        assertEquals(before, seqScans(db), "the catalog only: no sequential scan of the table");
    }

    private static long seqScans(String db) throws Exception {
        try (var c = LocalPostgres.connect(db); var s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (var rs = s.executeQuery("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                    + " WHERE relname = 't'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aMysqlPlanTakesItsStatisticsFromTheLiveFromDatabase() throws Exception {
        String db = io.schemaplan.testing.LocalMariadb.restoredDump(Samples.mysql("1.10.1"));
        String url = io.schemaplan.testing.LocalMariadb.url(db);
        Stats stats = StatsJson.parse("x", Cli.run("stats", url).out());
        assertTrue(stats.serverVersion().contains("MariaDB"), stats.serverVersion());
        JsonNode plan = DiffJsonRenderer.parse(Cli.run("plan", url, Samples.mysql("1.12.1.patched-32196").toString(),
                "--format", "json").out());
        assertEquals(url, plan.get("stats").asText());
        assertEquals("MariaDB", plan.get("engine").asText());
        assertTrue(plan.get("items").get(0).get("lock").asText().startsWith("ALGORITHM="));
        Cli.Result r = Cli.run("stats", url, "--exact-counts");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("PostgreSQL only"), r.err());
    }

    @Test
    void planningAcrossEnginesIsAUserError() {
        Cli.Result r = Cli.run("plan", V0153, Samples.mysql("1.10.1").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("compare them with schemaplan diff"), r.err());
    }

    @Test
    void statsNeedsADatabaseUrl() {
        Cli.Result r = Cli.run("stats", V0142);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not a database URL"), r.err());
    }
}
