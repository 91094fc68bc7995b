package io.schemaplan.scriptplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.model.Engine;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.script.Finding;
import io.schemaplan.script.Script;
import io.schemaplan.script.ScriptReader;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner reads the model before each statement from the replay, and shows what the replay found. */
class ScriptReplayPlanTest {
    static final Loaded DIFY = PgDumpReader.read(Samples.postgres("0.8.3"));

    static Script script(String sql) {
        return ScriptReader.read("m.sql", sql.getBytes(StandardCharsets.UTF_8), Engine.POSTGRES);
    }

    /** An index the script builds serves a later WHERE: the replay's model has it, FROM's does not. */
    @Test
    void anIndexTheScriptBuildsServesALaterWhere() {
        Script s = script("BEGIN;\nCREATE INDEX ix_tokens ON messages (answer_tokens);\n"
                + "UPDATE messages SET status = 'x' WHERE answer_tokens = 5;\nCOMMIT;\n");
        ScriptPlan replayed = Schemaplan.planScript(DIFY, List.of(s), "m.sql", Schemaplan.Options.defaults());
        assertFalse(replayed.statements().get(2).data().scansTable(), "the index built at statement 2 serves the WHERE");
        ScriptPlan fromOnly = ScriptPlanner.plan(new ScriptPlanner.Input("0.8.3", "m.sql", DIFY.schema(),
                SqlStatement.of(List.of(s)), null, null, null, null, null, null, List.of()));
        assertTrue(fromOnly.statements().get(2).data().scansTable(), "FROM alone has no index on answer_tokens");
    }

    @Test
    void aStatementTheReplayCannotApplyIsShown() {
        Script s = script("ALTER TABLE no_such_table ADD COLUMN x int;\nALTER TABLE messages ADD COLUMN y int;\n");
        ScriptPlan plan = Schemaplan.planScript(DIFY, List.of(s), "m.sql", Schemaplan.Options.defaults());
        List<Finding> notApplied = plan.replay(Finding.Kind.NOT_APPLIED);
        assertEquals(1, notApplied.size(), notApplied.toString());
        assertEquals(1, notApplied.get(0).statement());
        assertTrue(notApplied.get(0).message().contains("no_such_table"), notApplied.get(0).message());
        String text = ScriptPlanTextRenderer.render(plan);
        assertTrue(text.contains("Statements the replay could not apply\n  • Statement 1 (line 1): "), text);
    }
}
