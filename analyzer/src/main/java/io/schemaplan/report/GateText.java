package io.schemaplan.report;

import io.schemaplan.gate.Policy;
import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Case;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Units;

/** Phrases of a gate verdict shared by every output (terminal, JUnit, SARIF, annotations, summary). */
public final class GateText {
    private GateText() {
    }

    /** What a case is about: the change, the table of a window, or the whole upgrade. */
    public static String subject(Case c) {
        if (c.change() != null) return PlanText.title(c.change());
        return c.window() != null ? c.window().table() + " blocking window" : "whole upgrade";
    }

    /** One line: what was found and why it matters. */
    public static String message(Finding f) {
        PlanItem i = f.item();
        if (i != null) {
            return PlanText.title(i) + ": " + i.message() + " Estimate " + PlanText.estimate(i.estimate()) + ".";
        }
        Policy.WindowCap cap = (Policy.WindowCap) f.check();
        String observed = Double.isNaN(f.observedSeconds()) ? "an unknown time (no size)"
                : Units.duration(f.observedSeconds());
        String what = f.window() != null ? f.window().table() + " is blocked (" + f.window().lock() + ", "
                + PlanText.blocks(f.window().blocksReads(), f.window().blocksWrites()) + ")"
                : "The application waits on blocked tables";
        return what + " for " + observed + (cap.highEstimate() ? " at the high estimate" : "") + "; the policy allows "
                + Units.duration(cap.limitSeconds()) + ".";
    }

    /** {@code FAILED: 2 violations, 1 warning, 1 allowed} or {@code PASSED: …}. */
    public static String headline(Verdict v) {
        int allowed = v.findings(Verdict.Level.ALLOWED).size();
        return (v.passed() ? "PASSED" : "FAILED") + ": " + count(v.violations().size(), "violation") + ", "
                + count(v.warnings().size(), "warning") + (allowed == 0 ? "" : ", " + allowed + " allowed");
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code deny} or {@code warn}. */
    public static String action(Policy.PolicyCheck check) {
        return check.action() == Policy.Action.DENY ? "deny" : "warn";
    }
}
