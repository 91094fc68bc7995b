package io.schemaplan.report;

import io.schemaplan.gate.Policy;
import io.schemaplan.gate.ScriptGate;
import io.schemaplan.gate.Verdict;
import io.schemaplan.impact.Units;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.text.Printable;

/** The gate's verdict on a script plan for a terminal: the headline, then one entry per finding, at most 100 columns. */
public final class ScriptGateTextRenderer {
    private ScriptGateTextRenderer() {
    }

    public static String render(ScriptGate.Result r) {
        StringBuilder b = new StringBuilder();
        int violations = r.findings(Verdict.Level.VIOLATION).size();
        int warnings = r.findings(Verdict.Level.WARNING).size();
        int allowed = r.findings(Verdict.Level.ALLOWED).size();
        b.append(r.passed() ? "PASSED" : "FAILED").append(": ").append(GateText.count(violations, "violation"))
                .append(", ").append(GateText.count(warnings, "warning"))
                .append(allowed == 0 ? "" : ", " + allowed + " allowed").append('\n');
        b.append("Statement view: ").append(Printable.escape(r.plan().script())).append(" on ")
                .append(Printable.escape(r.plan().from())).append(" · policy ")
                .append(Printable.escape(r.policy().source())).append("\n\n");
        for (ScriptGate.Finding f : r.findings()) {
            String mark = switch (f.level()) {
                case VIOLATION -> "✗";
                case WARNING -> "!";
                case ALLOWED -> "✓";
            };
            String text = f.item() != null ? statement(r, f) : window(f);
            ScriptPlanTextRenderer.wrap(b, "  " + mark + " " + GateText.action(f.check()) + " " + f.check().name() + ": ",
                    "      ", Printable.escape(text + (f.allowedBecause() == null ? "" : " Allowed: " + f.allowedBecause())));
        }
        return b.toString();
    }

    private static String statement(ScriptGate.Result r, ScriptGate.Finding f) {
        StatementPlan s = r.plan().statements().get(f.statement() - 1);
        return "statement " + f.statement() + (s.statement().revision() == null ? "" : " (" + s.statement().revision() + ")")
                + ", " + s.firstLine() + " — " + f.item().ruleId() + " " + f.item().operation() + ": "
                + f.item().message() + " Estimate " + Units.range(f.item().estimate()) + ".";
    }

    private static String window(ScriptGate.Finding f) {
        Policy.WindowCap cap = (Policy.WindowCap) f.check();
        String observed = Double.isNaN(f.observedSeconds()) ? "an unknown time" : Units.duration(f.observedSeconds());
        String what = f.window() == null ? "The application waits on blocked tables"
                : f.window().table() + " is blocked (" + f.window().lock() + ") from statement " + f.window().from()
                + " until " + f.window().until();
        return what + " for " + observed + "; the policy allows " + Units.duration(cap.limitSeconds()) + ".";
    }
}
