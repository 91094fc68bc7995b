package io.schemaplan.report;

import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Finding;
import io.schemaplan.text.Printable;
import java.util.List;

/**
 * The gate's verdict for a terminal: the headline, then violations, warnings and allowed findings; names
 * {@linkplain Printable#escape escaped}.
 */
public final class GateTextRenderer {
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String GREEN = "\033[32m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";
    private static final String RESET = "\033[0m";

    private final boolean colors;

    public GateTextRenderer(boolean colors) {
        this.colors = colors;
    }

    public String render(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("gate ").append(Printable.escape(v.plan().from())).append(" -> ").append(Printable.escape(v.plan().to()))
                .append('\n');
        b.append("policy ").append(Printable.escape(v.policy().source())).append(" · ").append(v.plan().engine()).append(' ')
                .append(v.plan().serverVersion()).append(" · ")
                .append(v.plan().statsSource() == null ? "no statistics" : "sizes from " + Printable.escape(v.plan().statsSource()))
                .append("\n\n");
        b.append(paint(BOLD + (v.passed() ? GREEN : RED), GateText.headline(v))).append('\n');
        section(b, "Violations", RED, v.violations());
        section(b, "Warnings", YELLOW, v.warnings());
        List<Finding> allowed = v.findings(Verdict.Level.ALLOWED);
        if (!allowed.isEmpty()) {
            b.append('\n').append(paint(BOLD, "Allowed")).append('\n');
            for (Finding f : allowed) {
                b.append("  ").append(Printable.escape(f.check().name())).append(": ")
                        .append(Printable.escape(GateText.message(f))).append('\n');
                b.append(paint(DIM, "    allowed: " + Printable.escape(f.allowedBecause()))).append('\n');
            }
        }
        return b.toString();
    }

    private void section(StringBuilder b, String title, String color, List<Finding> findings) {
        if (findings.isEmpty()) return;
        b.append('\n').append(paint(BOLD + color, title)).append('\n');
        for (Finding f : findings) {
            b.append("  ").append(paint(BOLD, "[" + Printable.escape(f.check().name()) + "]")).append(' ')
                    .append(f.ruleId()).append('\n');
            b.append("    ").append(Printable.escape(GateText.message(f))).append('\n');
            if (f.item() != null && !f.item().recipe().isEmpty()) {
                b.append(paint(DIM, "    Safer: " + Printable.escape(f.item().recipe()))).append('\n');
            }
        }
    }

    private String paint(String color, String text) {
        return colors ? color + text + RESET : text;
    }
}
