package io.schemaplan.report;

import io.schemaplan.diff.Change;
import io.schemaplan.impact.Plan;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import java.util.List;

/**
 * The plan as one self-contained HTML file (CSS and script inline, nothing loaded from elsewhere), from
 * {@code report-templates/html/plan.jte}: summary, changed tables riskiest first with their operations and
 * DDL before and after, changes outside tables, assumptions. The template escapes all schema text.
 */
public final class PlanHtmlRenderer {
    private PlanHtmlRenderer() {
    }

    /** {@code stats} may be null; it gives the size of changed tables that no operation locks. */
    public static String render(Plan plan, Schema from, Schema to, List<Change> changes, Stats stats) {
        return Templates.html("plan.jte", PlanReport.of(plan, from, to, changes, stats));
    }
}
