package io.schemaplan.report;

import io.schemaplan.impact.Plan;

/**
 * The pre-upgrade plan in GitHub-flavoured Markdown, for a change ticket, from
 * {@code report-templates/markdown/plan.jte}: summary, the upgrade timeline as a compact table, critical
 * items first with lock, duration, recipe and what the recipe locks, the per-table blocking windows, the
 * low-risk operations, and the assumptions. Everything from a
 * schema goes through {@link Markdown#escape} or {@link Markdown#codeBlock} in the template.
 */
public final class PlanMarkdownRenderer {
    private PlanMarkdownRenderer() {
    }

    public static String render(Plan plan) {
        return Templates.markdown("plan.jte", java.util.Map.of("plan", plan,
                "timeline", TimelineChart.of(io.schemaplan.impact.Timeline.of(plan))));
    }
}
