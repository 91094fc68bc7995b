package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Risk;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Engine;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement view of Dify's own upgrade scripts (Alembic offline SQL) on the large-install statistics. */
class ScriptPlanDifyTest {
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");

    static ScriptPlan plan(String from, String script, ScriptPlanner.Mode mode) throws IOException {
        Schema schema = PgDumpReader.read(Samples.postgres(from)).schema();
        Script read = ScriptReader.read(Samples.root().resolve("dify-migrations/postgres/" + script), Engine.POSTGRES);
        return ScriptPlanner.plan(new ScriptPlanner.Input("dify-" + from, script, schema, SqlStatement.of(List.of(read)),
                StatsJson.read(LARGE), "large", Profile.DEFAULT, null, null, mode, read.warnings()));
    }

    static StatementPlan statement(ScriptPlan plan, String startsWith) {
        return plan.statements().stream().filter(s -> s.statement().sql().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + startsWith));
    }

    @Test
    void theParentMessageBackfillIsAnUnbatchedFullTableUpdateAndMessagesStaysLockedUntilTheCommit() throws IOException {
        ScriptPlan plan = plan("0.8.3", "dify-0.8.3-to-0.9.2.sql", null);
        StatementPlan update = statement(plan, "UPDATE messages SET parent_message_id = uuid_nil()");
        assertEquals("d57ba9ebb251", update.statement().revision());
        assertEquals(StatementKind.DATA, update.kind());
        assertEquals(DataEffect.Rows.ALL, update.data().rows());
        assertFalse(update.data().batched());
        assertEquals(21_000_000, update.rows());
        PlanItem write = update.items().get(0);
        assertEquals("UPDATE_ROWS", write.operation());
        assertTrue(write.runsInTransaction(), "unbatched: inside the migration transaction");
        assertEquals(Risk.CRITICAL, update.risk());
        assertTrue(update.estimate().known() && update.estimate().lowSeconds() > 60
                && update.estimate().lowSeconds() < update.estimate().highSeconds(), update.estimate().toString());
        // The recipe: a key-range loop over the primary key, a commit per batch, names quoted by Identifiers.
        String recipe = update.recipeSql();
        assertTrue(recipe.contains("ORDER BY id LIMIT " + ScriptRecipes.BATCH), recipe);
        assertTrue(recipe.contains("UPDATE public.messages SET parent_message_id = uuid_nil()"), recipe);
        assertTrue(recipe.contains("WHERE id = ANY (batch)") && recipe.contains("COMMIT;"), recipe);

        StatementPlan add = statement(plan, "ALTER TABLE messages ADD COLUMN parent_message_id");
        assertEquals("ACCESS EXCLUSIVE", add.lock());
        Transaction tx = plan.transactions().get(0);
        assertEquals(1, plan.transactions().size());
        assertEquals(Transaction.Kind.EXPLICIT, tx.kind());
        StatementPlan commit = plan.statements().get(plan.statements().size() - 1);
        assertEquals(StatementKind.COMMIT, commit.kind());
        Window messages = tx.windows().stream().filter(w -> w.table().name().equals("messages")).findFirst().orElseThrow();
        assertEquals("ACCESS EXCLUSIVE", messages.lock());
        assertEquals("ADD_COLUMN", messages.operation());
        assertEquals(add.statement().number(), messages.from());
        assertEquals(commit.statement().number(), messages.until());
        assertTrue(messages.blocksReads() && messages.rowLocks());
        assertTrue(messages.held().lowSeconds() >= update.estimate().lowSeconds());
        assertTrue(plan.findings().stream().anyMatch(f -> f.startsWith("public.messages stays locked (ACCESS EXCLUSIVE")
                && f.contains("until statement " + commit.statement().number() + " (COMMIT)")), plan.findings().toString());
    }

    @Test
    void theSecondBackfillMatchesPartOfTheTableAndNoIndexServesItsWhere() throws IOException {
        ScriptPlan plan = plan("0.8.3", "dify-0.8.3-to-0.9.2.sql", null);
        StatementPlan update = statement(plan, "UPDATE\n    public.messages");
        assertEquals(DataEffect.Rows.PART, update.data().rows());
        assertEquals(List.of("invoke_from", "parent_message_id", "created_at"), update.data().whereColumns());
        // In 0.8.3 no index of messages leads with any of them: the statement reads the whole table.
        assertTrue(update.data().scansTable());
        assertTrue(update.estimate().lowSeconds() > 0, "at least one scan of the heap");
        assertTrue(update.recipeSql().contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS messages_invoke_from_idx "
                + "ON public.messages (invoke_from);"), update.recipeSql());
    }

    @Test
    void theAutocommitBlockCommitsTheEarlierRevisionsBeforeTheConcurrentBuild() throws IOException {
        ScriptPlan plan = plan("1.3.1", "dify-1.3.1-to-1.4.3.sql", null);
        assertEquals(3, plan.transactions().size());
        Transaction before = plan.transactions().get(0);
        Transaction build = plan.transactions().get(1);
        Transaction after = plan.transactions().get(2);
        assertEquals(Transaction.End.COMMIT, before.end());
        assertEquals(Transaction.Kind.AUTOCOMMIT, build.kind());
        StatementPlan concurrent = plan.statements().get(build.first() - 1);
        assertTrue(concurrent.statement().sql().startsWith("CREATE INDEX CONCURRENTLY workflow_node_executions_tenant_id_idx"));
        assertEquals("SHARE UPDATE EXCLUSIVE", concurrent.lock());
        assertEquals("CREATE_INDEX_CONCURRENTLY", concurrent.items().get(0).operation());
        assertTrue(concurrent.estimate().known() && concurrent.estimate().highSeconds() > 10);
        // What is committed when the build starts, and what a failed build leaves.
        assertEquals("2adcbe1f5dfb", build.committedVersion());
        assertEquals(List.of("d28f2004b072", "2adcbe1f5dfb"), build.committedRevisions());
        assertTrue(build.onFailure().contains("INVALID index"), build.onFailure());
        assertTrue(concurrent.recipeSql().startsWith("-- A failed or cancelled build leaves an INVALID index"));
        assertTrue(concurrent.recipeSql().contains("DROP INDEX CONCURRENTLY IF EXISTS workflow_node_executions_tenant_id_idx;"));
        assertTrue(plan.findings().stream().anyMatch(f -> f.startsWith("Statement " + before.last() + " commits statements 1–"
                + before.last() + " before the CONCURRENTLY build") && f.contains("SHARE UPDATE EXCLUSIVE")
                && f.contains("INVALID index") && f.contains("2adcbe1f5dfb")), plan.findings().toString());
        assertEquals("2adcbe1f5dfb", after.committedVersion());
        // Nothing else in the script refuses a transaction block: no failure finding.
        assertTrue(plan.findings().stream().noneMatch(f -> f.contains("cannot run inside a transaction block")));
    }

    @Test
    void aRunnerThatWrapsEverythingInOneTransactionMakesTheConcurrentBuildFail() throws IOException {
        ScriptPlan plan = plan("1.3.1", "dify-1.3.1-to-1.4.3.sql", ScriptPlanner.Mode.SCRIPT);
        assertEquals("script", plan.transactionMode());
        // The same script with its COMMIT before the build removed fails there: CONCURRENTLY inside BEGIN.
        Schema schema = PgDumpReader.read(Samples.postgres("1.3.1")).schema();
        Script script = ScriptReader.read("x.sql", ("BEGIN;\nCREATE TABLE t (id int);\n"
                + "CREATE INDEX CONCURRENTLY i ON workflow_node_executions (tenant_id);\nCOMMIT;\n").getBytes(), Engine.POSTGRES);
        ScriptPlan failing = ScriptPlanner.plan(new ScriptPlanner.Input("1.3.1", "x.sql", schema,
                SqlStatement.of(List.of(script)), null, null, null, null, null, null, null));
        assertEquals(1, failing.transactions().size());
        assertTrue(failing.findings().stream().anyMatch(f -> f.startsWith("Statement 3 (CREATE INDEX CONCURRENTLY i")
                && f.contains("cannot run inside a transaction block")), failing.findings().toString());
    }

    @Test
    void theTextViewFitsOneHundredColumns() throws IOException {
        String text = ScriptPlanTextRenderer.render(plan("0.8.3", "dify-0.8.3-to-0.9.2.sql", null));
        assertTrue(text.startsWith("Statement view: "), text);
        for (String line : text.split("\n")) assertTrue(line.length() <= 100, line);
        // The wrapped recipe still holds the statement's condition in one piece.
        assertTrue(text.contains("created_at >= '2024-09-29 12:00:00'"), text);
        // The statement lines' SQL starts in one column, however long an estimate is ("72 min – 4 h 46 min").
        ScriptPlan plan = plan("0.8.3", "dify-0.8.3-to-0.9.2.sql", null);
        java.util.Set<Integer> sqlColumn = new java.util.TreeSet<>();
        for (ScriptPlan.StatementPlan sp : plan.statements()) {
            String head = String.format("  %4d  ", sp.statement().number());
            String sql = sp.firstLine().substring(0, Math.min(12, sp.firstLine().length()));
            text.lines().filter(l -> l.startsWith(head)).findFirst().ifPresent(l -> sqlColumn.add(l.indexOf(sql, head.length())));
        }
        assertEquals(1, sqlColumn.size(), "SQL columns " + sqlColumn + "\n" + text);
    }

    @Test
    void aDropOfTheColumnWhoseDataMigrationOfflineModeSkipsIsAFinding() throws IOException {
        ScriptPlan plan = plan("1.7.2", "dify-1.7.2-to-1.8.1.sql", null);
        List<String> lost = plan.findings().stream().filter(f -> f.contains("whose data migration this offline script skips"))
                .toList();
        assertEquals(2, lost.size(), plan.findings().toString());
        assertTrue(lost.get(0).contains("ALTER TABLE providers DROP COLUMN encrypted_config")
                && lost.get(0).contains("revision e8446f481c1e"), lost.get(0));
        assertTrue(lost.get(1).contains("ALTER TABLE provider_models DROP COLUMN encrypted_config"), lost.get(1));
    }
}
