package io.schemaplan.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.PolicyReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlanner;
import io.schemaplan.scriptplan.SqlStatement;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's policy applied to the statement view of a migration script. */
class ScriptGateTest {
    static final Path POLICY = Samples.root().resolve("ci/dify-policy.yaml");
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");

    static ScriptPlan plan(String sql, Stats stats) {
        Schema schema = PgDumpReader.read(Samples.postgres("0.8.3")).schema();
        Script s = ScriptReader.read("m.sql", sql.getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        return ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", "m.sql", schema, SqlStatement.of(List.of(s)), stats,
                "large", null, null, null, null, null));
    }

    @Test
    void anUnbatchedFullTableUpdateAndABlockingIndexBuildAreDenied() {
        Stats stats = StatsJson.read(LARGE);
        ScriptPlan plan = plan("UPDATE messages SET status = 'normal';\n"
                + "CREATE INDEX messages_status_idx ON messages (status);\n", stats);
        ScriptGate.Result r = ScriptGate.evaluate(plan, PolicyReader.read(POLICY), stats);
        assertFalse(r.passed());
        List<String> denied = r.findings(Verdict.Level.VIOLATION).stream()
                .map(f -> f.check().name() + "@" + f.statement()).toList();
        assertTrue(denied.contains("no-unbatched-data-changes-on-large-tables@1"), denied.toString());
        assertTrue(denied.contains("no-blocking-index-build-on-large-tables@2"), denied.toString());
    }

    @Test
    void theBatchedAndConcurrentFormsPass() {
        Stats stats = StatsJson.read(LARGE);
        ScriptPlan plan = plan("SET lock_timeout = '2s';\n"
                + "UPDATE messages SET status = 'normal' WHERE id BETWEEN '00000000-0000-0000-0000-000000000000' AND "
                + "'0fffffff-ffff-ffff-ffff-ffffffffffff';\n"
                + "CREATE INDEX CONCURRENTLY messages_status_idx ON messages (status);\n", stats);
        ScriptGate.Result r = ScriptGate.evaluate(plan, PolicyReader.read(POLICY), stats);
        assertTrue(r.passed(), r.findings().toString());
        assertTrue(plan.statements().get(1).data().batched(), "a key range on the primary key is a batch");
    }

    @Test
    void gateScriptExitsOneWithTheStatementNamed(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("V2__backfill.sql");
        Files.writeString(script, "UPDATE messages SET status = 'normal';\n");
        Cli.Result r = Cli.run("gate", Samples.postgres("0.8.3").toString(), "--script", script.toString(),
                "--policy", POLICY.toString(), "--stats", LARGE.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("FAILED: "), r.out());
        assertTrue(r.out().contains("no-unbatched-data-changes-on-large-tables: statement 1"), r.out());
        Cli.Result both = Cli.run("gate", Samples.postgres("0.8.3").toString(), Samples.postgres("0.9.2").toString(),
                "--script", script.toString(), "--policy", POLICY.toString());
        assertEquals(2, both.exitCode());
    }
}
