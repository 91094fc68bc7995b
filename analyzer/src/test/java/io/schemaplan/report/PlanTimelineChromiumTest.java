package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Schema;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import io.schemaplan.testing.Chromium;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The upgrade timeline of the HTML plan in a real headless Chromium, on a wide screen (1400 px) and a phone
 * (420 px): one bar per table the upgrade locks, the longest blocked span on workflow_runs, the critical path
 * marked, no sideways scrolling and no overlapping text. The screenshots stay in {@code analyzer/target/screenshots/} to look at.
 */
class PlanTimelineChromiumTest {
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Pattern ROW = Pattern.compile(
            "<div class=\"tl-row tl-([a-z]+)( tl-critical)?\" data-table=\"([^\"]+)\" data-blocked-width=\"([0-9.E-]+)\">(.*?)</svg>",
            Pattern.DOTALL);

    record Bar(String table, String blocks, boolean critical, double blockedWidth, int workRects) {
    }

    @ParameterizedTest
    @CsvSource({"0.14.2, 0.15.3", "0.6.16, 1.12.1"})
    void timelineHasOneBarPerLockedTableAndTheLongestIsWorkflowRuns(String from, String to) throws Exception {
        Files.createDirectories(SHOTS);
        String name = "timeline-" + from + "-" + to;
        Path html = SHOTS.resolve(name + ".html");
        Cli.Result r = Cli.run("plan", Samples.postgres(from).toString(), Samples.postgres(to).toString(),
                "--stats", LARGE.toString(), "--format", "html", "-o", html.toString());
        assertEquals(0, r.exitCode(), r.err());

        String source = Files.readString(html);
        assertTrue(source.contains("<li class=\"risk-medium zero\">0 medium</li>"), "a count of 0 is not a red badge");
        assertTrue(source.contains("<code>schemaplan calibrate</code>"), "a command in an assumption is code, not backticks");
        assertTrue(source.contains("<b>Safer way locks:</b> "), "what the safer way locks");

        String dom = Chromium.dumpDom(html, 1400, 2000);
        List<Bar> bars = bars(dom);
        assertEquals(lockedTables(from, to), bars.stream().map(Bar::table).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                "one bar per table the upgrade locks");
        assertEquals(bars.size(), bars.stream().map(Bar::table).distinct().count(), "each table once");
        bars.forEach(b -> assertTrue(b.workRects() > 0, "a bar drawn for " + b.table()));
        Bar longest = bars.stream().max(java.util.Comparator.comparingDouble(Bar::blockedWidth)).orElseThrow();
        assertEquals("public.workflow_runs", longest.table(), "the longest blocked span");
        assertEquals("reads", longest.blocks(), "workflow_runs is unreadable while it is rewritten");
        assertEquals(List.of("public.workflow_runs"), bars.stream().filter(Bar::critical).map(Bar::table).toList(),
                "the critical path is marked, once");
        assertTrue(dom.contains("<p class=\"tl-headline\">public.workflow_runs is unreadable for "), "the headline");
        assertEquals(Chromium.rootAttribute(dom, "data-viewport-width"), Chromium.rootAttribute(dom, "data-page-width"),
                "no horizontal overflow at 1400 px");

        int height = Integer.parseInt(Objects.requireNonNull(Chromium.rootAttribute(dom, "data-page-height")));
        Path wide = SHOTS.resolve(name + "-1400.png");
        Chromium.screenshot(html, wide, 1400, Math.min(height, 3000));
        assertEquals(1400, Chromium.pngSize(wide)[0]);
        assertTrue(Files.size(wide) > 50_000, "a rendered page: " + Files.size(wide) + " bytes");

        String phone = Chromium.dumpDomNarrow(html, 420, 900);
        assertEquals("420", Chromium.rootAttribute(phone, "data-inner-data-viewport-width"), "the page saw 420 px");
        assertEquals("420", Chromium.rootAttribute(phone, "data-inner-data-page-width"), "no sideways scrolling at 420 px");
        assertEquals("420", Chromium.rootAttribute(phone, "data-inner-scroll-width"), "no sideways scrolling at 420 px");
        for (int width : new int[] {1400, 420}) {
            String[] facts = Chromium.probe(html, width, 1600, ScriptPlanChromiumTest.OVERLAPS).split(";", 4);
            assertEquals("0", facts[0], "overlapping text at " + width + " px: " + facts[3]);
        }
        Path narrow = SHOTS.resolve(name + "-420.png");
        Chromium.screenshotNarrow(html, narrow, 420, 2400);
        assertTrue(Files.size(narrow) > 20_000, "a rendered page: " + Files.size(narrow) + " bytes");
    }

    static List<Bar> bars(String dom) {
        List<Bar> out = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            int rects = 0;
            for (int k = m.group(5).indexOf("<rect class=\"work "); k >= 0; k = m.group(5).indexOf("<rect class=\"work ", k + 1)) rects++;
            out.add(new Bar(m.group(3), m.group(1), m.group(2) != null, Double.parseDouble(m.group(4)), rects));
        }
        return out;
    }

    /** The tables a plan item locks, straight from the plan (its own table, and a second one it names). */
    static Set<String> lockedTables(String from, String to) {
        Schema a = Sources.load(Samples.postgres(from).toString(), Set.of()).schema();
        Schema b = Sources.load(Samples.postgres(to).toString(), Set.of()).schema();
        Plan plan = Planner.plan(new Planner.Input(from, to, a, b, SchemaDiff.diff(a, b), StatsJson.read(LARGE),
                "large", Profile.DEFAULT, null, true));
        Set<String> out = new TreeSet<>();
        for (PlanItem i : plan.items()) {
            if (i.table() != null && i.lock() != null) out.add(i.table().toString());
            if (i.other() != null && i.otherLock() != null) out.add(i.other().toString());
        }
        assertTrue(out.contains("public.workflow_runs"), out.toString());
        return out;
    }
}
