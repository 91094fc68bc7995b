package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.Schemaplan;
import io.schemaplan.scriptplan.ScriptPlan;
import io.schemaplan.scriptplan.ScriptPlan.StatementPlan;
import io.schemaplan.testing.Chromium;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The HTML statement view of Dify's own upgrade scripts in a real headless Chromium, at 1400 px and 420 px: the
 * upgrade timeline has one bar per table the script locks, the critical bar is the longest blocking window, the
 * transactions and their commits are drawn above and through the rows, nothing scrolls sideways and no two texts
 * overlap. The screenshots stay in {@code analyzer/target/screenshots/} to look at.
 */
class ScriptPlanChromiumTest {
    static final Path LARGE = PlanTimelineChromiumTest.LARGE;
    static final Path SHOTS = PlanTimelineChromiumTest.SHOTS;

    /**
     * Texts of the page that overlap: every visible text node's line boxes against every other's (two pixels of
     * slack for glyphs that touch; what a closed {@code <details>} folds is not shown), as
     * {@code count;scroll width;client width;first offenders}.
     */
    static final String OVERLAPS = """
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n, id = 0, boxes = [];
            while ((n = walker.nextNode())) {
              var e = n.parentElement;
              // What a closed <details> folds is laid out but not shown.
              if (!n.nodeValue.trim() || e.closest('title,script,style,details:not([open]) > :not(summary)')
                  || e.matches('details:not([open])')) continue;
              var range = document.createRange(); range.selectNodeContents(n); id++;
              var rects = range.getClientRects();
              for (var i = 0; i < rects.length; i++) {
                var r = rects[i];
                if (r.width >= 1 && r.height >= 1) boxes.push({id: id, l: r.left, r: r.right, t: r.top, b: r.bottom,
                    text: n.nodeValue.trim().slice(0, 30)});
              }
            }
            var bad = [];
            for (var a = 0; a < boxes.length; a++) for (var b = a + 1; b < boxes.length; b++) {
              var p = boxes[a], q = boxes[b];
              if (p.id === q.id) continue;
              if (Math.min(p.r, q.r) - Math.max(p.l, q.l) > 2 && Math.min(p.b, q.b) - Math.max(p.t, q.t) > 2)
                bad.push(p.text + ' / ' + q.text);
            }
            var root = document.documentElement;
            return bad.length + ';' + root.scrollWidth + ';' + root.clientWidth + ';' + bad.slice(0, 5).join(' | ');
            """;

    /** Where things are drawn, in CSS pixels: {@code name=left,right} for each named box. */
    static final String BOXES = """
            function box(name, el) { if (!el) return name + '=none'; var r = el.getBoundingClientRect();
              return name + '=' + r.left.toFixed(1) + ',' + r.right.toFixed(1); }
            function row(table) { return document.querySelector('.tl-row[data-table="' + table + '"]'); }
            var ex = row('public.workflow_node_executions'), vars = row('public.workflow_conversation_variables');
            var varsRight = 0;
            vars.querySelectorAll('rect').forEach(function (r) { varsRight = Math.max(varsRight, r.getBoundingClientRect().right); });
            return [box('track', ex.querySelector('svg')), box('first', document.querySelector('.tl-tx[data-phase="1"]')),
              box('auto', document.querySelector('.tl-tx.tx-auto')), box('commit', ex.querySelector('line.commit')),
              box('build', ex.querySelector('rect.work')), 'varsRight=' + varsRight.toFixed(1) + ',0'].join(';');
            """;

    record Page(Path html, ScriptPlan plan, List<PlanTimelineChromiumTest.Bar> bars, String source) {
    }

    static Page render(String from, String to) throws Exception {
        Files.createDirectories(SHOTS);
        Path html = SHOTS.resolve("script-timeline-" + from + "-" + to + ".html");
        Cli.Result r = Cli.run("plan", "dify:" + from, "dify:" + to, "--stats", LARGE.toString(), "-f", "html",
                "-o", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        ScriptPlan plan = Schemaplan.planScripts(Schemaplan.read("dify:" + from),
                List.of(Samples.root().resolve("dify-migrations/postgres/dify-" + from + "-to-" + to + ".sql")),
                Schemaplan.Options.defaults().withStats(Schemaplan.stats(LARGE.toString()), "large"));
        String dom = Chromium.dumpDom(html, 1400, 2000);
        return new Page(html, plan, PlanTimelineChromiumTest.bars(dom), Files.readString(html));
    }

    /** The existing tables the statements lock (each statement's strongest lock), and the tables they block. */
    static Set<String> lockedTables(ScriptPlan plan) {
        Set<String> out = new TreeSet<>();
        for (StatementPlan s : plan.statements()) if (s.lockedTable() != null) out.add(s.lockedTable().toString());
        plan.transactions().forEach(t -> t.windows().forEach(w -> out.add(w.table().toString())));
        return out;
    }

    /** No sideways scrolling and no overlapping text at 1400 and 420 px; both screenshots taken. */
    static void looksRight(Page page, String name) throws java.io.IOException {
        for (int width : new int[] {1400, 420}) {
            String[] facts = Chromium.probe(page.html(), width, 1600, OVERLAPS).split(";", 4);
            assertEquals(String.valueOf(width), facts[2], "the page saw " + width + " px");
            assertEquals(facts[2], facts[1], "no sideways scrolling at " + width + " px");
            assertEquals("0", facts[0], "overlapping text at " + width + " px: " + facts[3]);
        }
        String dom = Chromium.dumpDom(page.html(), 1400, 2000);
        int height = Integer.parseInt(Objects.requireNonNull(Chromium.rootAttribute(dom, "data-page-height")));
        Path wide = SHOTS.resolve(name + "-1400.png");
        Chromium.screenshot(page.html(), wide, 1400, Math.min(height, 3000));
        assertEquals(1400, Chromium.pngSize(wide)[0]);
        Path narrow = SHOTS.resolve(name + "-420.png");
        Chromium.screenshotNarrow(page.html(), narrow, 420, 2400);
        assertTrue(Files.size(narrow) > 20_000, "a rendered page: " + Files.size(narrow) + " bytes");
    }

    @Test
    void messagesIsTheCriticalBarLockedFromTheAddColumnToTheFinalCommit() throws Exception {
        Page page = render("0.8.3", "0.9.2");
        assertEquals(Set.of("public.messages", "public.dataset_retriever_resources"), lockedTables(page.plan()));
        assertEquals(lockedTables(page.plan()), new TreeSet<>(page.bars().stream().map(PlanTimelineChromiumTest.Bar::table).toList()),
                "one bar per table the script locks");
        assertEquals(page.bars().size(), page.bars().stream().map(PlanTimelineChromiumTest.Bar::table).distinct().count());
        assertEquals(List.of("public.messages"), page.bars().stream().filter(PlanTimelineChromiumTest.Bar::critical)
                .map(PlanTimelineChromiumTest.Bar::table).toList(), "the critical path, once");
        PlanTimelineChromiumTest.Bar messages = page.bars().get(0);
        assertEquals("reads", messages.blocks(), "messages is unreadable");
        assertEquals(3, messages.workRects(), "the ADD COLUMN and the two UPDATEs of messages");
        assertTrue(page.source().contains("<span class=\"tl-state\">ACCESS EXCLUSIVE · unreadable for "),
                "the state word of the critical bar");
        assertTrue(page.source().contains("<p class=\"tl-headline\">public.messages is unreadable for ")
                && page.source().contains("(ACCESS EXCLUSIVE, held until COMMIT at statement 20).</p>"), "the headline");
        assertTrue(page.source().contains("<title>statement 3: update rows (ROW EXCLUSIVE): work "), "the backfill's segment");
        assertTrue(page.source().contains("under ACCESS EXCLUSIVE (unreadable)</title>"),
                "the backfill runs under the ADD COLUMN's lock");
        looksRight(page, "script-timeline-0.8.3-0.9.2");
    }

    @Test
    void theAutocommitBoundaryIsDrawnBeforeTheConcurrentBuild() throws Exception {
        Page page = render("1.3.1", "1.4.3");
        assertEquals(Set.of("public.workflow_conversation_variables", "public.workflow_node_executions"),
                lockedTables(page.plan()));
        assertEquals(lockedTables(page.plan()), new TreeSet<>(page.bars().stream().map(PlanTimelineChromiumTest.Bar::table).toList()),
                "one bar per table the script locks");
        assertTrue(page.source().contains("statement 7, autocommit: commits on its own"), "the autocommit phase in words");
        assertTrue(page.source().contains("<title>transaction 1 (statements 1–6): COMMIT at statement 6</title>"),
                "the COMMIT before the build is drawn through the rows");

        Map<String, double[]> at = new HashMap<>();
        for (String part : Chromium.probe(page.html(), 1400, 1600, BOXES).split(";")) {
            String[] kv = part.split("=");
            assertTrue(!kv[1].equals("none"), "drawn: " + kv[0]);
            String[] lr = kv[1].split(",");
            at.put(kv[0], new double[] {Double.parseDouble(lr[0]), Double.parseDouble(lr[1])});
        }
        double track = at.get("track")[1] - at.get("track")[0];
        assertTrue(at.get("first")[1] - at.get("first")[0] >= 0.008 * track,
                "the first transaction (under a second) is widened to show: " + List.of(at.get("first")[0], at.get("first")[1]));
        assertTrue(at.get("auto")[0] >= at.get("first")[1] - 0.5, "the autocommit build comes after the first COMMIT");
        assertTrue(at.get("auto")[1] - at.get("auto")[0] > 0.8 * track, "the build is most of the run");
        assertEquals(at.get("first")[1], (at.get("commit")[0] + at.get("commit")[1]) / 2, 1.5,
                "the commit line stands where the first transaction ends");
        assertTrue(at.get("build")[0] >= at.get("first")[1] - 1.5, "the CONCURRENTLY build starts after the COMMIT");
        assertTrue(at.get("varsRight")[0] <= at.get("first")[1] + 1.5,
                "workflow_conversation_variables is released by that COMMIT");
        looksRight(page, "script-timeline-1.3.1-1.4.3");
    }
}
