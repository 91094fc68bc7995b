package io.schemaplan.report;

import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Finding;
import java.util.List;

/**
 * The verdict in GitHub-flavoured Markdown for a job summary ($GITHUB_STEP_SUMMARY): headline, a table of
 * violations and warnings, and the allowed findings with their reasons. Schema text goes through
 * {@link Markdown#escape}.
 */
public final class GateMarkdownRenderer {
    private GateMarkdownRenderer() {
    }

    public static String render(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("## schemaplan gate: ").append(v.passed() ? "✅ " : "❌ ").append(Markdown.escape(GateText.headline(v)))
                .append("\n\n");
        b.append("`").append(v.plan().from().replace("`", "'")).append("` → `").append(v.plan().to().replace("`", "'"))
                .append("` · policy `").append(v.policy().source().replace("`", "'")).append("` · ")
                .append(v.plan().engine()).append(' ').append(v.plan().serverVersion()).append(" · ")
                .append(v.plan().statsSource() == null ? "no statistics" : "sizes from `"
                        + v.plan().statsSource().replace("`", "'") + "`").append("\n\n");
        List<Finding> shown = new java.util.ArrayList<>(v.violations());
        shown.addAll(v.warnings());
        if (!shown.isEmpty()) {
            b.append("| | Check | Rule | Finding |\n|---|---|---|---|\n");
            for (Finding f : shown) {
                b.append("| ").append(f.level() == Verdict.Level.VIOLATION ? "❌ deny" : "⚠️ warn").append(" | ")
                        .append(Markdown.escape(f.check().name())).append(" | ").append(Markdown.escape(f.ruleId()))
                        .append(" | ").append(Markdown.escape(GateText.message(f))).append(" |\n");
            }
            b.append('\n');
        }
        List<Finding> allowed = v.findings(Verdict.Level.ALLOWED);
        if (!allowed.isEmpty()) {
            b.append("Allowed by the policy:\n\n");
            for (Finding f : allowed) {
                b.append("- ").append(Markdown.escape(GateText.message(f))).append(" — ")
                        .append(Markdown.escape(f.allowedBecause())).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
