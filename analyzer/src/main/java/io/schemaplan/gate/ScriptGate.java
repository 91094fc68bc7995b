package io.schemaplan.gate;

import io.schemaplan.gate.Policy.Allowance;
import io.schemaplan.gate.Policy.Check;
import io.schemaplan.gate.Policy.PolicyCheck;
import io.schemaplan.gate.Policy.WindowCap;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.scriptplan.ScriptPlan.Transaction;
import io.schemaplan.scriptplan.ScriptPlan.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a migration script's plan against the same {@link Policy} as a schema plan: each item check per
 * statement (its riskiest matching operation), each per-table window cap per transaction window (from the
 * statement that first locks the table to the COMMIT that releases it), the total cap against the
 * transactions that block anything. Pure.
 */
public final class ScriptGate {
    private ScriptGate() {
    }

    /** What a check found on one statement ({@code statement} > 0) or one window; {@code allowedBecause} or null. */
    public record Finding(PolicyCheck check, int statement, PlanItem item, Window window, double observedSeconds,
                          String allowedBecause) {
        public Verdict.Level level() {
            if (allowedBecause != null) return Verdict.Level.ALLOWED;
            return check.action() == Policy.Action.DENY ? Verdict.Level.VIOLATION : Verdict.Level.WARNING;
        }
    }

    public record Result(ScriptPlan plan, Policy policy, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public List<Finding> findings(Verdict.Level level) {
            return findings.stream().filter(f -> f.level() == level).toList();
        }

        public boolean passed() {
            return findings(Verdict.Level.VIOLATION).isEmpty();
        }
    }

    /** {@code stats}: the sizes the plan was made with (null when none). */
    public static Result evaluate(ScriptPlan plan, Policy policy, Stats stats) {
        List<Finding> out = new ArrayList<>();
        for (Check check : policy.checks()) {
            for (StatementPlan s : plan.statements()) {
                s.items().stream().filter(i -> Gate.matches(check, i, stats, policy))
                        .min(Comparator.comparing(PlanItem::risk))
                        .ifPresent(i -> out.add(new Finding(check, s.statement().number(), i, null, Double.NaN,
                                allowed(policy, check, i, i.table()))));
            }
        }
        for (WindowCap cap : policy.windows()) {
            if (cap.kind() == WindowCap.Kind.TOTAL) {
                Estimate blocking = plan.transactions().stream().filter(t -> !t.windows().isEmpty())
                        .map(Transaction::duration).reduce(Estimate.NONE, Estimate::plus);
                double seconds = blocking.known() ? Gate.seconds(blocking, cap.highEstimate()) : Double.NaN;
                if (Gate.over(cap, seconds, policy)) out.add(new Finding(cap, 0, null, null, seconds, null));
                continue;
            }
            for (Transaction t : plan.transactions()) {
                for (Window w : t.windows()) {
                    if (!cap.scope().covers(w.table(), Gate.size(stats, w.table()), policy.unknownSizeMatches())) continue;
                    double seconds = w.held().known() ? Gate.seconds(w.held(), cap.highEstimate()) : Double.NaN;
                    if (Gate.over(cap, seconds, policy)) {
                        out.add(new Finding(cap, 0, null, w, seconds, allowed(policy, cap, null, w.table())));
                    }
                }
            }
        }
        return new Result(plan, policy, out);
    }

    private static String allowed(Policy policy, PolicyCheck check, PlanItem item, QName table) {
        for (Allowance a : policy.allow()) {
            if (Gate.allows(a, check, item, table, null)) return a.reason();
        }
        return null;
    }
}
