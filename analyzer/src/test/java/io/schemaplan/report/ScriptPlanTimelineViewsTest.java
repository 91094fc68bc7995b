package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script plan's timeline in Markdown (the compact table and the transactions) and in text (one line). */
class ScriptPlanTimelineViewsTest {
    static ScriptPlan plan(String from, String to) {
        return Schemaplan.planScripts(Schemaplan.read("dify:" + from),
                List.of(Samples.root().resolve("dify-migrations/postgres/dify-" + from + "-to-" + to + ".sql")),
                Schemaplan.Options.defaults().withStats(Schemaplan.stats(ScriptPlanChromiumTest.LARGE.toString()), "large"));
    }

    @Test
    void markdownHasOneTableRowPerLockedTableAndListsTheTransactions() {
        String md = Schemaplan.render(plan("1.3.1", "1.4.3"), Schemaplan.Format.MARKDOWN);
        int at = md.indexOf("## Timeline\n\n**public.workflow\\_conversation\\_variables is read-only briefly (SHARE).**\n");
        assertTrue(at > 0, md);
        List<String> rows = md.substring(at).lines().takeWhile(l -> !l.startsWith("█")).filter(l -> l.startsWith("| public."))
                .toList();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("| public.workflow\\_conversation\\_variables | SHARE | read-only briefly | `"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| public.workflow\\_node\\_executions | SHARE UPDATE EXCLUSIVE | reads and writes go on; "
                + "work 23 s – 2 min | `"), rows.get(1));
        assertTrue(rows.get(1).contains("▒▒▒▒▒▒▒▒▒▒"), "the build is work that blocks nothing: " + rows.get(1));
        // Markdown.escape writes "<" as "&lt;" (a renderer shows "<").
        assertTrue(md.contains("Transactions (3 transactions, 1 autocommit):\n\n1. statements 1–6: COMMIT at statement 6; "
                + "runs from the start to &lt; 1 s\n2. statement 7, autocommit: commits on its own; runs from &lt; 1 s to 2 min\n"
                + "3. statements 8–11: COMMIT at statement 11; at 2 min\n\n## Findings"), md);
    }

    @Test
    void theTextViewSaysTheLongestBlockInOneLine() {
        String text = Schemaplan.render(plan("0.8.3", "0.9.2"), Schemaplan.Format.TEXT);
        List<String> head = text.lines().limit(6).toList();
        assertTrue(head.get(3).startsWith("Longest block: public.messages is unreadable for "), head.toString());
        assertTrue(String.join(" ", head.subList(3, 5)).replaceAll(" +", " ")
                .contains("(ACCESS EXCLUSIVE, held until COMMIT at statement 20)."), head.toString());
    }
}
