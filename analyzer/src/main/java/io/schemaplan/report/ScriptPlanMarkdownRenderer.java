package io.schemaplan.report;

import io.schemaplan.scriptplan.ScriptPlan;

/**
 * The statement view in GitHub-flavoured Markdown, for a change ticket, from
 * {@code report-templates/markdown/script-plan.jte}: the upgrade timeline as a compact table (one row per
 * locked table, the transactions listed under it), findings, then per transaction its blocking windows,
 * what a failure leaves behind, a table of its statements, and the risky ones with their safer SQL.
 */
public final class ScriptPlanMarkdownRenderer {
    private ScriptPlanMarkdownRenderer() {
    }

    public static String render(ScriptPlan plan) {
        return Templates.markdown("script-plan.jte", java.util.Map.of("plan", plan, "timeline",
                TimelineChart.of(plan.timeline())));
    }
}
