package io.schemaplan.report;

import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.impact.Units;
import io.schemaplan.text.Printable;

/**
 * The plan on a terminal: a summary, the operations that need attention (critical, high, medium) with
 * lock, effects, estimate and recipe, one line per low-risk operation, the per-table blocking windows,
 * and the assumptions. Colours only when asked; names {@linkplain Printable#escape escaped}.
 */
public final class PlanTextRenderer {
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";
    private static final String RESET = "\033[0m";

    private final boolean colors;

    public PlanTextRenderer(boolean colors) {
        this.colors = colors;
    }

    public String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append("from ").append(Printable.escape(plan.from())).append('\n').append("to   ")
                .append(Printable.escape(plan.to())).append('\n');
        b.append(plan.engine()).append(' ').append(plan.serverVersion()).append(" · profile ")
                .append(plan.profile()).append(" · ")
                .append(plan.statsSource() == null ? "no statistics" : "statistics " + Printable.escape(plan.statsSource()))
                .append(" · ").append(plan.singleTransaction() ? "one transaction" : "a transaction per migration")
                .append("\n\n");
        if (plan.items().isEmpty()) {
            return b.append("no differences: nothing to do\n").toString();
        }
        b.append(paint(BOLD, "Summary")).append(": ").append(PlanText.riskCounts(plan)).append('\n');
        b.append("  whole upgrade ").append(PlanText.estimate(plan.total())).append('\n');
        for (Risk r : PlanText.ATTENTION) {
            if (plan.count(r) == 0) continue;
            b.append('\n').append(paint(r == Risk.MEDIUM ? YELLOW : RED, r.name())).append('\n');
            for (PlanItem i : plan.items()) {
                if (i.risk() == r) detailed(b, i);
            }
        }
        if (plan.count(Risk.LOW) + plan.count(Risk.NONE) > 0) {
            b.append('\n').append(paint(BOLD, "LOW and NONE")).append(paint(DIM,
                    " (catalog only; LOW takes a lock that queues behind long queries: run it under a lock timeout)"))
                    .append('\n');
            for (PlanItem i : plan.items()) {
                if (i.risk() == Risk.LOW || i.risk() == Risk.NONE) {
                    b.append("  ").append(i.risk() == Risk.LOW ? "low " : "none").append("  ")
                            .append(Printable.escape(PlanText.title(i))).append(paint(DIM, "  [" + i.ruleId() + "]")).append('\n');
                }
            }
        }
        if (!plan.windows().isEmpty()) {
            b.append('\n').append(paint(BOLD, "Blocking windows")).append(plan.singleTransaction()
                    ? " (locks are held until the upgrade commits)" : "").append('\n');
            for (TableWindow w : plan.windows()) {
                b.append("  ").append(Printable.escape(w.table().toString())).append(": ").append(w.lock()).append(", ")
                        .append(PlanText.blocks(w.blocksReads(), w.blocksWrites())).append("; own work ")
                        .append(Units.range(w.work())).append(", held ").append(PlanText.held(w))
                        .append(paint(DIM, "  (" + PlanText.size(w.stats()) + ")")).append('\n');
            }
        }
        b.append('\n').append(paint(BOLD, "Assumptions")).append('\n');
        plan.assumptions().forEach(a -> b.append("  - ").append(Printable.escape(a)).append('\n'));
        return b.toString();
    }

    private void detailed(StringBuilder b, PlanItem i) {
        b.append("  ").append(paint(BOLD, Printable.escape(PlanText.title(i)))).append('\n');
        b.append("    ").append(i.ruleId()).append(" · ").append(Printable.escape(PlanText.lock(i))).append('\n');
        b.append("    ").append(PlanText.effects(i)).append(" · ").append(PlanText.estimate(i.estimate())).append('\n');
        b.append("    ").append(Printable.escape(i.message())).append('\n');
        if (!i.recipe().isEmpty()) b.append("    Safer: ").append(Printable.escape(i.recipe())).append('\n');
        if (i.recipeSql() != null) {
            // Names in a recipe are written U&"…" when they hold control characters, so its lines are its own.
            i.recipeSql().lines().forEach(l -> b.append(paint(DIM, "      " + Printable.escape(l))).append('\n'));
        }
    }

    private String paint(String color, String text) {
        return colors ? color + text + RESET : text;
    }
}
