package io.schemaplan.gate;

import io.schemaplan.diff.Change;
import io.schemaplan.gate.Policy.Allowance;
import io.schemaplan.gate.Policy.Check;
import io.schemaplan.gate.Policy.PolicyCheck;
import io.schemaplan.gate.Policy.WindowCap;
import io.schemaplan.gate.Verdict.Case;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a {@link Plan} against a {@link Policy}. Pure. */
public final class Gate {
    /** Rule ids of the gate's own findings (window caps), for SARIF and annotations. */
    public static final String TABLE_WINDOW_RULE = "GATE-TABLE-WINDOW";
    public static final String TOTAL_WINDOW_RULE = "GATE-TOTAL-WINDOW";

    private Gate() {
    }

    /** {@code stats}: the sizes the plan was made with (null when none); thresholds are checked against them. */
    public static Verdict evaluate(Plan plan, Policy policy, Stats stats) {
        List<Map.Entry<Change, List<PlanItem>>> byChange = plan.itemsByChange();
        List<Case> cases = new ArrayList<>();
        for (Check check : policy.checks()) {
            for (Map.Entry<Change, List<PlanItem>> e : byChange) {
                // Items are ranked riskiest first, so the first match is the one to report.
                PlanItem hit = e.getValue().stream().filter(i -> matches(check, i, stats, policy)).findFirst()
                        .orElse(null);
                cases.add(new Case(check, e.getKey(), null,
                        hit == null ? null : finding(policy, check, hit, null, Double.NaN)));
            }
        }
        for (WindowCap cap : policy.windows()) {
            if (cap.kind() == WindowCap.Kind.TOTAL) {
                double seconds = totalWindow(plan, cap.highEstimate());
                cases.add(new Case(cap, null, null, over(cap, seconds, policy)
                        ? finding(policy, cap, null, null, seconds) : null));
                continue;
            }
            for (TableWindow w : plan.windows()) {
                if (!cap.scope().covers(w.table(), size(stats, w.table()), policy.unknownSizeMatches())) continue;
                double seconds = w.held().known() ? seconds(w.held(), cap.highEstimate()) : Double.NaN;
                cases.add(new Case(cap, null, w, over(cap, seconds, policy)
                        ? finding(policy, cap, null, w, seconds) : null));
            }
        }
        return new Verdict(plan, policy, cases);
    }

    static boolean matches(Check check, PlanItem item, Stats stats, Policy policy) {
        boolean named = check.ruleIds().contains(item.ruleId())
                || check.categories().stream().anyMatch(c -> c.matches(item));
        return named && check.scope().covers(item.table(), size(stats, item.table()), policy.unknownSizeMatches());
    }

    static boolean over(WindowCap cap, double seconds, Policy policy) {
        return Double.isNaN(seconds) ? policy.unknownSizeMatches() : seconds > cap.limitSeconds();
    }

    static TableStats size(Stats stats, QName table) {
        return stats == null || table == null ? null : stats.table(table).orElse(null);
    }

    static double seconds(Estimate e, boolean high) {
        return high ? e.highSeconds() : e.expectedSeconds();
    }

    /**
     * How long the application waits on some table: in one transaction every lock lasts until the commit, so
     * the whole upgrade once anything blocks; with a commit per migration, the sum of the blocking items.
     * NaN when unknown.
     */
    static double totalWindow(Plan plan, boolean high) {
        if (plan.singleTransaction()) {
            if (plan.windows().isEmpty()) return 0;
            return plan.total().known() ? seconds(plan.total(), high) : Double.NaN;
        }
        Estimate sum = plan.items().stream().filter(PlanItem::blocks).map(PlanItem::estimate)
                .reduce(Estimate.NONE, Estimate::plus);
        return sum.known() ? seconds(sum, high) : Double.NaN;
    }

    private static Finding finding(Policy policy, PolicyCheck check, PlanItem item, TableWindow window,
                                   double seconds) {
        QName table = item != null ? (item.table() != null ? item.table() : item.change().table())
                : window == null ? null : window.table();
        String column = item != null && item.change() instanceof Change.ColumnChange c
                ? (c.to() != null ? c.to() : c.from()).name() : null;
        String reason = null;
        for (Allowance a : policy.allow()) {
            if (allows(a, check, item, table, column)) {
                reason = a.reason();
                break;
            }
        }
        return new Finding(check, item, window, seconds, reason);
    }

    static boolean allows(Allowance a, PolicyCheck check, PlanItem item, QName table, String column) {
        if (table == null || !TableNames.matches(a.table(), table)) return false;
        if (a.column() != null && !a.column().equals(column)) return false;
        if (a.check() == null || a.check().equals(check.name())) return true;
        if (item == null) return false;
        return a.check().equals(item.ruleId())
                || Category.byKey(a.check()).map(c -> c.matches(item)).orElse(false);
    }
}
