package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.impact.Plan;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.ReadException;
import io.schemaplan.scriptplan.ScriptPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The facade as a user's code calls it, from outside the io.schemaplan packages: the example of
 * docs/script-planning.md, both ways of planning, and a bad input.
 */
class LibraryUseTest {
    static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void aScriptIsPlannedAndRenderedInThreeCalls() {
        Loaded prod = Schemaplan.read(SAMPLES.resolve("postgres/dify-0.8.3.sql").toString());
        Schemaplan.Options options = Schemaplan.Options.defaults()
                .withStats(Schemaplan.stats(SAMPLES.resolve("stats/dify-large-install.json").toString()), "large install");
        ScriptPlan plan = Schemaplan.planScripts(prod,
                List.of(SAMPLES.resolve("dify-migrations/postgres/dify-0.8.3-to-0.9.2.sql")), options);
        String text = Schemaplan.render(plan, Schemaplan.Format.TEXT);
        assertTrue(text.startsWith("Statement view: "), text);
        assertTrue(Schemaplan.render(plan, Schemaplan.Format.JSON).contains("\"format\" : \"schemaplan-script-plan/1\""));
        assertEquals(1, plan.transactions().size());
    }

    @Test
    void twoSchemasArePlannedByTheirDifference() {
        Loaded from = Schemaplan.read("dify:0.14.2");
        Loaded to = Schemaplan.read("dify:0.15.3");
        Plan plan = Schemaplan.plan(from, to, Schemaplan.Options.defaults());
        assertTrue(plan.items().stream().anyMatch(i -> i.operation().equals("ALTER_TYPE_REWRITE")));
        assertTrue(Schemaplan.render(plan, Schemaplan.Format.MARKDOWN).startsWith("# Pre-upgrade plan"));
    }

    @Test
    void aMissingScriptIsAReadExceptionNamingIt() {
        Loaded prod = Schemaplan.read("dify:0.8.3");
        Executable call = () -> Schemaplan.planScripts(prod, List.of(Path.of("nowhere.sql")), Schemaplan.Options.defaults());
        ReadException e = org.junit.jupiter.api.Assertions.assertThrows(ReadException.class, call);
        assertTrue(e.getMessage().startsWith("nowhere.sql"), e.getMessage());
    }
}
