package io.schemaplan.gate;

import io.schemaplan.diff.Change;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.gate.Policy.Action;
import io.schemaplan.gate.Policy.PolicyCheck;
import io.schemaplan.model.QName;
import java.util.List;

/**
 * The result of a gate: one {@link Case} per policy check and subject (a change for item checks, a blocking
 * window for per-table caps, the whole upgrade for the total cap). A case with a finding that is not allowed
 * is a violation (deny) or a warning (warn). {@link #passed()} when there is no violation.
 */
public record Verdict(Plan plan, Policy policy, List<Case> cases) {

    public Verdict {
        cases = List.copyOf(cases);
    }

    public enum Level { VIOLATION, WARNING, ALLOWED }

    /**
     * What a check found on its subject. {@code item} is the riskiest matching plan item (item checks);
     * {@code window} the table's blocking window (per-table caps; null for the total); {@code observedSeconds}
     * the window's estimate, NaN when unknown. {@code allowedBecause} is the allowance's reason, or null.
     */
    public record Finding(PolicyCheck check, PlanItem item, TableWindow window, double observedSeconds,
                          String allowedBecause) {
        public Level level() {
            if (allowedBecause != null) return Level.ALLOWED;
            return check.action() == Action.DENY ? Level.VIOLATION : Level.WARNING;
        }

        /** The table the finding is about, or null for the whole upgrade. */
        public QName table() {
            if (item != null) return item.table() != null ? item.table() : item.change().table();
            return window == null ? null : window.table();
        }

        /** The rule id of the finding: the plan item's, or the gate's own for a window cap. */
        public String ruleId() {
            if (item != null) return item.ruleId();
            return ((Policy.WindowCap) check).kind() == Policy.WindowCap.Kind.TOTAL ? Gate.TOTAL_WINDOW_RULE
                    : Gate.TABLE_WINDOW_RULE;
        }
    }

    /** One policy check on one subject; {@code finding} null when the check passed. */
    public record Case(PolicyCheck check, Change change, TableWindow window, Finding finding) {
    }

    public List<Finding> findings(Level level) {
        return cases.stream().map(Case::finding).filter(f -> f != null && f.level() == level).toList();
    }

    public List<Finding> violations() {
        return findings(Level.VIOLATION);
    }

    public List<Finding> warnings() {
        return findings(Level.WARNING);
    }

    public boolean passed() {
        return violations().isEmpty();
    }
}
