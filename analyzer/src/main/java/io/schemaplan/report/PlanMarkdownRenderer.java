package io.schemaplan.report;

import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.impact.Units;

/**
 * The pre-upgrade plan in GitHub-flavoured Markdown, for a change ticket: summary, critical items first
 * with lock, duration and recipe, the per-table blocking windows, the low-risk operations, and the
 * assumptions. Everything from a schema goes through {@link Markdown#escape}.
 */
public final class PlanMarkdownRenderer {
    private PlanMarkdownRenderer() {
    }

    public static String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append("# Pre-upgrade plan\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "From", Markdown.escape(plan.from()));
        row(b, "To", Markdown.escape(plan.to()));
        row(b, "Engine", plan.engine() + " " + plan.serverVersion());
        row(b, "Statistics", plan.statsSource() == null ? "none" : Markdown.escape(plan.statsSource()));
        row(b, "Profile", Markdown.escape(plan.profile()));
        row(b, "Transactions", plan.singleTransaction() ? "all migrations in one transaction" : "one per migration");
        row(b, "Operations", PlanText.riskCounts(plan));
        row(b, "Whole upgrade", Markdown.escape(PlanText.estimate(plan.total())));
        b.append('\n');
        if (plan.items().isEmpty()) {
            return b.append("No differences: nothing to do.\n").toString();
        }
        for (Risk r : new Risk[] {Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM}) {
            if (plan.count(r) == 0) continue;
            b.append("## ").append(capitalized(r)).append(" (").append(plan.count(r)).append(")\n\n");
            for (PlanItem i : plan.items()) {
                if (i.risk() != r) continue;
                b.append("### ").append(Markdown.escape(PlanText.title(i))).append("\n\n");
                b.append("- **Rule:** `").append(i.ruleId()).append("` — ").append(Markdown.escape(i.message()))
                        .append('\n');
                b.append("- **Lock:** ").append(Markdown.escape(PlanText.lock(i))).append('\n');
                b.append("- **Effect:** ").append(PlanText.effects(i)).append('\n');
                b.append("- **Estimate:** ").append(Markdown.escape(PlanText.estimate(i.estimate()))).append('\n');
                if (!i.recipe().isEmpty()) b.append("- **Safer:** ").append(Markdown.escape(i.recipe())).append('\n');
                b.append("- **Source:** ").append(i.source()).append("\n\n");
            }
        }
        if (!plan.windows().isEmpty()) {
            b.append("## Blocking windows per table\n\n");
            if (plan.singleTransaction()) {
                b.append("Locks are held until the upgrade commits, so each table stays blocked from its first "
                        + "operation to the end of the upgrade.\n\n");
            }
            b.append("| Table | Size | Lock | Blocks | Own work | Held |\n|---|---|---|---|---|---|\n");
            for (TableWindow w : plan.windows()) {
                b.append("| ").append(Markdown.escape(w.table().toString())).append(" | ")
                        .append(Markdown.escape(PlanText.size(w.stats()))).append(" | ").append(w.lock()).append(" | ")
                        .append(PlanText.blocks(w.blocksReads(), w.blocksWrites())).append(" | ")
                        .append(Units.range(w.work())).append(" | ").append(PlanText.held(w)).append(" |\n");
            }
            b.append('\n');
        }
        if (plan.count(Risk.LOW) + plan.count(Risk.NONE) > 0) {
            b.append("## Low risk and catalog only\n\n");
            b.append("| Risk | Change | Rule | Lock |\n|---|---|---|---|\n");
            for (PlanItem i : plan.items()) {
                if (i.risk() != Risk.LOW && i.risk() != Risk.NONE) continue;
                b.append("| ").append(i.risk().name().toLowerCase()).append(" | ")
                        .append(Markdown.escape(PlanText.title(i))).append(" | `").append(i.ruleId()).append("` | ")
                        .append(i.lock() == null ? "none" : i.lock()).append(" |\n");
            }
            b.append('\n');
        }
        b.append("## Assumptions\n\n");
        plan.assumptions().forEach(a -> b.append("- ").append(Markdown.escape(a)).append('\n'));
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("| **").append(key).append("** | ").append(value).append(" |\n");
    }

    private static String capitalized(Risk r) {
        String n = r.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
