package io.schemaplan.report;

import io.schemaplan.scriptplan.ScriptPlan;

/**
 * The statement view as one self-contained HTML file, from {@code report-templates/html/script-plan.jte}:
 * the upgrade timeline (one row per table the script locks, its transactions above, each COMMIT marked),
 * findings, then per transaction its blocking windows and its statements with their safer SQL. The template
 * escapes all text from the script and the schema.
 */
public final class ScriptPlanHtmlRenderer {
    private ScriptPlanHtmlRenderer() {
    }

    public static String render(ScriptPlan plan) {
        return Templates.html("script-plan.jte", java.util.Map.of("plan", plan, "timeline", TimelineChart.of(plan.timeline())));
    }
}
