package io.schemaplan.cli;

import io.schemaplan.Schemaplan;
import io.schemaplan.impact.Risk;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Loaded;
import io.schemaplan.report.ScriptPlanHtmlRenderer;
import io.schemaplan.report.ScriptPlanJsonRenderer;
import io.schemaplan.report.ScriptPlanMarkdownRenderer;
import io.schemaplan.report.ScriptPlanTextRenderer;
import io.schemaplan.scriptplan.ScriptPlan;

/** {@code plan FROM --script FILE…}: the statement view, through the {@link Schemaplan} facade. */
final class ScriptView {
    private ScriptView() {
    }

    static int run(PlanCommand c) {
        if (c.to != null || c.toOption != null) {
            throw new Main.UserException("plan FROM --script FILE compares no TO yet: leave TO out to plan the "
                    + "script's statements on FROM");
        }
        Loaded from = c.sources.load(c.from);
        Stats stats = c.options.readStats(c.from);
        ScriptPlan plan = Schemaplan.planScripts(from, c.scripts, c.options.facade(stats, c.from, from.schema()));
        write(c, plan);
        Output.warnings(from);
        boolean risky = plan.count(Risk.CRITICAL) + plan.count(Risk.HIGH) > 0;
        return c.exitCode && risky ? ExitCodes.FOUND : ExitCodes.OK;
    }

    static void write(PlanCommand c, ScriptPlan plan) {
        String text = switch (c.format) {
            case text -> ScriptPlanTextRenderer.render(plan);
            case markdown -> ScriptPlanMarkdownRenderer.render(plan);
            case json -> ScriptPlanJsonRenderer.render(plan);
            case html -> ScriptPlanHtmlRenderer.render(plan);
        };
        Output.write(c.output, text);
    }
}
