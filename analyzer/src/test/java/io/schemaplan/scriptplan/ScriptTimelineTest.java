package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Timeline;
import io.schemaplan.impact.Timeline.Blocks;
import io.schemaplan.impact.Timeline.Phase;
import io.schemaplan.impact.Timeline.Segment;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time axis of a planned script: statements in order, locks held until their transaction commits. */
class ScriptTimelineTest {

    static Timeline.Row row(Timeline t, String table) {
        return t.rows().stream().filter(r -> r.table().toString().equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + table + " in " + t.rows()));
    }

    static Estimate startOf(ScriptPlan plan, int number) {
        return plan.statements().stream().filter(s -> s.statement().number() < number)
                .map(s -> Timeline.times(s.estimate())).reduce(Estimate.NONE, Estimate::plus);
    }

    static void assertSame(Estimate expected, Estimate actual, String what) {
        assertEquals(expected.lowSeconds(), actual.lowSeconds(), 1e-6, what + " (low)");
        assertEquals(expected.expectedSeconds(), actual.expectedSeconds(), 1e-6, what + " (expected)");
        assertEquals(expected.highSeconds(), actual.highSeconds(), 1e-6, what + " (high)");
    }

    @Test
    void messagesIsUnreadableFromTheAddColumnThroughTheBackfillUntilTheFinalCommit() throws IOException {
        ScriptPlan plan = ScriptPlanDifyTest.plan("0.8.3", "dify-0.8.3-to-0.9.2.sql", null);
        Timeline t = plan.timeline();
        assertSame(plan.total(), t.end(), "the axis is the whole script");
        // The two existing tables the script locks, in the order it first locks them; not the tables it creates.
        assertEquals(List.of("public.messages", "public.dataset_retriever_resources"),
                t.rows().stream().map(r -> r.table().toString()).toList());

        Transaction tx = plan.transactions().get(0);
        Window window = tx.windows().get(0);
        assertEquals("public.messages", window.table().toString());
        Timeline.Row messages = row(t, "public.messages");
        assertEquals(messages, t.longestBlocked(), "the critical path is the longest blocking window");
        assertSame(window.held(), messages.blocked(), "the row is blocked exactly as long as the window");
        assertEquals("ACCESS EXCLUSIVE", messages.lock());
        assertEquals(Blocks.READS_AND_WRITES, messages.blocks());

        Segment add = messages.segments().get(0);
        assertTrue(add.label().startsWith("statement 2: add column"), add.label());
        assertSame(startOf(plan, 2), add.start(), "the ADD COLUMN starts after statement 1");
        assertSame(t.end(), add.heldUntil(), "held until the final COMMIT");
        StatementPlan update = ScriptPlanDifyTest.statement(plan, "UPDATE messages SET parent_message_id = uuid_nil()");
        Segment backfill = messages.segments().get(1);
        assertTrue(backfill.label().startsWith("statement " + update.statement().number() + ": update rows (ROW EXCLUSIVE)"),
                backfill.label());
        assertSame(Timeline.times(update.estimate()), backfill.work(), "the backfill's work is the statement's estimate");
        assertEquals("ACCESS EXCLUSIVE", backfill.lock(), "the UPDATE runs while the ADD COLUMN's lock is held");
        assertEquals(Blocks.READS_AND_WRITES, backfill.blocks());
        for (int k = 1; k < messages.segments().size(); k++) {
            assertTrue(messages.segments().get(k).start().expectedSeconds()
                    >= messages.segments().get(k - 1).workEnd().expectedSeconds() - 1e-6, "statements in order");
        }
        assertEquals(1, t.phases().size());
        Phase only = t.phases().get(0);
        assertFalse(only.autocommit());
        assertEquals("COMMIT at statement " + tx.last(), only.ends());
    }

    @Test
    void theAutocommitBlockReleasesTheFirstTransactionsLocksBeforeTheConcurrentBuild() throws IOException {
        ScriptPlan plan = ScriptPlanDifyTest.plan("1.3.1", "dify-1.3.1-to-1.4.3.sql", null);
        Timeline t = plan.timeline();
        assertEquals(List.of("statements 1–6", "statement 7", "statements 8–11"),
                t.phases().stream().map(Phase::label).toList());
        assertEquals(List.of(false, true, false), t.phases().stream().map(Phase::autocommit).toList());
        Phase first = t.phases().get(0);
        Phase build = t.phases().get(1);
        assertEquals("COMMIT at statement 6", first.ends());
        assertSame(first.end(), build.start(), "the build starts when the first transaction has committed");

        Timeline.Row variables = row(t, "public.workflow_conversation_variables");
        assertEquals(Blocks.WRITES, variables.blocks(), "CREATE INDEX without CONCURRENTLY: SHARE");
        for (Segment s : variables.segments()) assertSame(first.end(), s.heldUntil(), "released by the COMMIT");
        Timeline.Row executions = row(t, "public.workflow_node_executions");
        Segment concurrent = executions.segments().get(0);
        assertEquals("SHARE UPDATE EXCLUSIVE", concurrent.lock());
        assertEquals(Blocks.NOTHING, concurrent.blocks(), "reads and writes go on during the build");
        assertSame(build.start(), concurrent.start(), "the build is the autocommit phase");
        assertSame(build.end(), concurrent.heldUntil(), "it commits on its own");
        assertTrue(concurrent.work().highSeconds() > 60, concurrent.toString());
        assertTrue(variables.segments().get(0).heldUntil().highSeconds() <= concurrent.start().highSeconds());
        assertEquals(variables, t.longestBlocked(), "the build blocks nothing: the blocking row is the other one");
        assertEquals(2, t.rows().size(), t.rows().toString());
    }

    @Test
    void aTableLockedByTwoTransactionsIsFreeBetweenTheirCommits() {
        Schema schema = PgDumpReader.read(Samples.postgres("0.8.3")).schema();
        String sql = "BEGIN;\nALTER TABLE messages ADD COLUMN a integer;\nCOMMIT;\n"
                + "UPDATE conversations SET name = name;\n"
                + "BEGIN;\nALTER TABLE messages ADD COLUMN b integer;\nCOMMIT;\n";
        Script script = ScriptReader.read("two.sql", sql.getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
        ScriptPlan plan = ScriptPlanner.plan(new ScriptPlanner.Input("dify-0.8.3", "two.sql", schema,
                SqlStatement.of(List.of(script)), StatsJson.read(ScriptPlanDifyTest.LARGE), "large", Profile.DEFAULT,
                null, null, null, script.warnings()));
        Timeline t = plan.timeline();
        assertEquals(List.of("statements 1–3", "statement 4", "statements 5–7"),
                t.phases().stream().map(Phase::label).toList());
        assertEquals(List.of(false, true, false), t.phases().stream().map(Phase::autocommit).toList());
        Timeline.Row messages = row(t, "public.messages");
        Timeline.Row conversations = row(t, "public.conversations");
        assertEquals(2, messages.segments().size());
        assertEquals(Blocks.READS_AND_WRITES, messages.blocks());
        assertTrue(conversations.work().highSeconds() > 60, "the UPDATE between them is long: " + conversations.work());
        assertTrue(messages.blocked().highSeconds() < 1, "not blocked across the UPDATE between the two transactions: "
                + messages.blocked());
        assertEquals(conversations, t.longestBlocked(), "the rows the UPDATE writes stay locked while it runs");
        assertSame(conversations.work(), conversations.blocked(), "an autocommit UPDATE holds its rows until it ends");
    }
}
