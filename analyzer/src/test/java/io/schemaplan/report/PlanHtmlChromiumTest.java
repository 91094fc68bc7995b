package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.EnumType;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.read.Sources;
import io.schemaplan.testing.Chromium;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML plan opened in a real headless Chromium: what a DBA sees, and that schema text cannot run as code. */
class PlanHtmlChromiumTest {
    static final String LARGE = Samples.root().resolve("stats/dify-large-install.json").toString();
    static final Pattern TABLE_ENTRY = Pattern.compile("<details class=\"tbl ([^\"]*)\" data-risk=\"([a-z]+)\" data-name=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    @Test
    void difyPlanShowsTheWorkflowRunsRewriteFirstAndOneEntryPerChangedTable() throws Exception {
        Path html = difyReport("0.14.2", "0.15.3");
        String source = Files.readString(html);
        assertFalse(Pattern.compile("<link|<img|@import|url\\(|\\ssrc=").matcher(source).find(), "self-contained");
        assertTrue(source.contains("Content-Security-Policy\" content=\"default-src 'none'"), "and nothing may load");
        String dom = Chromium.dumpDom(html, 1280, 2000);
        List<String[]> entries = tableEntries(dom);
        assertEquals(changedTables("0.14.2", "0.15.3"), entries.size(), dom);
        assertEquals("public.workflow_runs", entries.get(0)[2]);
        assertEquals("critical", entries.get(0)[1]);
        assertTrue(entries.get(0)[0].contains("rewrite"), "marked as a table rewrite: " + entries.get(0)[0]);
        String first = dom.substring(dom.indexOf("<details class=\"tbl"));
        assertTrue(first.substring(0, first.indexOf("</summary>")).contains("table rewrite"), first);
        assertTrue(dom.contains(entries.size() + " of " + entries.size() + " tables shown"), "the filter script ran");
        assertTrue(dom.contains("<mark>bigint</mark>"), "the changed word of the DDL is highlighted");

        int height = Integer.parseInt(Objects.requireNonNull(Chromium.rootAttribute(dom, "data-page-height")));
        Path png = tmp.resolve("report.png");
        Chromium.screenshot(html, png, 1280, Math.min(height, 16_000));
        int[] size = Chromium.pngSize(png);
        assertEquals(1280, size[0]);
        assertEquals(Math.min(height, 16_000), size[1], "the whole page");
        assertTrue(Files.size(png) > 50_000, "a rendered page, not a blank one: " + Files.size(png) + " bytes");
    }

    @Test
    void largestDifyReportStaysUnderOneMegabyte() throws Exception {
        Path html = difyReport("0.6.16", "1.12.1");
        assertTrue(Files.size(html) < 1_000_000, Files.size(html) + " bytes");
        String dom = Chromium.dumpDom(html, 1280, 2000);
        assertEquals(changedTables("0.6.16", "1.12.1"), tableEntries(dom).size());
        assertNotNull(Chromium.rootAttribute(dom, "data-ready-ms"), "the page's script ran to the end");
    }

    // ---- hostile schema text ---------------------------------------------------------------------

    static final String SCRIPT = "<script>document.documentElement.setAttribute('data-pwned','1')</script>";
    static final String IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">";
    static final String LONG = "a_very_long_identifier_of_sixty_three_bytes_that_has_no_space63";

    @Test
    void hostileNamesAndCommentsStayTextAndDoNotBreakTheLayout() throws Exception {
        assertEquals(63, LONG.getBytes(StandardCharsets.UTF_8).length, "PostgreSQL's longest name");
        Plan plan = hostilePlan();
        Path html = tmp.resolve("hostile.html");
        Files.writeString(html, PlanHtmlRenderer.render(plan, hostile(false), hostile(true),
                SchemaDiff.diff(hostile(false), hostile(true)), null));
        String source = Files.readString(html);
        assertTrue(source.contains("overflow-wrap:anywhere"), "long names wrap");
        assertFalse(source.contains("\u202E") || source.contains("\u001b"), "no bidi override or ESC reaches the page");
        assertTrue(source.toLowerCase(java.util.Locale.ROOT).contains("\\u202edesrever") && source.contains("[2J"),
                "they are shown as escapes");

        String dom = Chromium.dumpDom(html, 1280, 2000);
        assertEquals(null, Chromium.rootAttribute(dom, "data-pwned"), "no injected script ran");
        assertFalse(dom.contains("data-pwned=\""), "no injected script ran");
        assertEquals(1, count(dom, "<script"), "only the page's own script");
        assertEquals(0, count(dom, "<img"), "no injected element");
        assertTrue(dom.contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt;"), dom);
        assertTrue(dom.contains("&lt;img src=x onerror="), dom);
        assertTrue(dom.contains("🎉") && dom.contains("&amp; \"quotes\""), dom);
        assertTrue(dom.contains(LONG), dom);
        assertEquals(2, tableEntries(dom).size(), "the hostile table and the long-named one");
        assertEquals(Chromium.rootAttribute(dom, "data-viewport-width"), Chromium.rootAttribute(dom, "data-page-width"),
                "no horizontal overflow");

        // Headless Chromium keeps windows at least 500 px wide: the narrow layout applies there all the same.
        String phone = Chromium.dumpDom(html, 390, 844);
        int viewport = Integer.parseInt(Chromium.rootAttribute(phone, "data-viewport-width"));
        assertTrue(viewport <= 760, "the phone layout: " + viewport);
        assertEquals(viewport, Integer.parseInt(Chromium.rootAttribute(phone, "data-page-width")),
                "a phone needs no sideways scrolling");

        Path png = tmp.resolve("hostile.png");
        Chromium.screenshot(html, png, 1280, 1600);
        assertEquals(1280, Chromium.pngSize(png)[0]);

        // Outside code blocks (which GitHub shows verbatim) no markup survives.
        String md = PlanMarkdownRenderer.render(plan);
        String prose = md.replaceAll("(?s)\n(`{3,})sql\n.*?\n\\1\n", "\n");
        assertTrue(prose.length() < md.length(), "the recipe SQL is a code block");
        assertFalse(prose.contains("<script") || prose.contains("<img"), prose);
        assertTrue(md.contains("&lt;script&gt;"), md);
    }

    private static Plan hostilePlan() {
        Schema from = hostile(false);
        Schema to = hostile(true);
        List<Change> changes = SchemaDiff.diff(from, to);
        return Planner.plan(new Planner.Input("before " + SCRIPT, "after " + IMG, from, to, changes, null, null,
                Profile.DEFAULT, 15, true));
    }

    /** A table whose every name and comment is hostile; {@code after} changes a type, adds an index, a column, a table and an enum. */
    static Schema hostile(boolean after) {
        String comment = "comment with\nnewline 🎉 & \"quotes\" " + SCRIPT + " \u001b[2J \u202Edesrever";
        List<Column> columns = new ArrayList<>(List.of(
                new Column("id", 1, DataType.of("bigint"), false, null, null, null, null, null),
                new Column(IMG, 2, after ? DataType.of("varchar", 10) : DataType.of("text"), true,
                        "'" + SCRIPT + " & ''x''::text'", null, null, null, comment)));
        List<Index> indexes = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<EnumType> enums = new ArrayList<>();
        if (after) {
            columns.add(new Column(LONG, 3, DataType.of("text"), true, null, null, null, null, IMG));
            indexes.add(new Index("idx \"q\" & 🎉\n" + SCRIPT, false, "btree", List.of(Index.IndexKey.column(IMG)),
                    List.of(), "(\"" + IMG + "\" <> '" + SCRIPT + "'::text)", false, comment));
            tables.add(new Table(QName.of("public", LONG), List.of(new Column(LONG, 1, DataType.of("text"), true,
                    null, null, null, null, null)), List.of(), List.of(), List.of(), List.of(), false, null, null, null, LONG));
            enums.add(new EnumType(QName.of("public", "mood" + SCRIPT), List.of("ok", IMG), comment));
        }
        tables.add(new Table(QName.of("public", "t\u202Edesrever" + SCRIPT), columns,
                List.of(new Constraint("pk \"" + SCRIPT, Constraint.Kind.PRIMARY_KEY, List.of("id"), "PRIMARY KEY (id)", false, false, true)),
                List.of(), indexes, List.of(), false, null, null, null, after ? comment : null));
        return new Schema(Engine.POSTGRES, "15", List.of(), List.of(), enums, List.of(), tables, List.of(), List.of());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** {@code schemaplan plan … --format html -o FILE} on two Dify dumps with the large-install statistics. */
    private Path difyReport(String from, String to) {
        Path html = tmp.resolve(from + "-" + to + ".html");
        Cli.Result r = Cli.run("plan", Samples.postgres(from).toString(), Samples.postgres(to).toString(),
                "--stats", LARGE, "--format", "html", "-o", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        return html;
    }

    /** Per table entry in page order: its classes, risk and name. */
    static List<String[]> tableEntries(String dom) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TABLE_ENTRY.matcher(dom);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        return out;
    }

    static long changedTables(String from, String to) {
        Schema a = Sources.load(Samples.postgres(from).toString(), Set.of()).schema();
        Schema b = Sources.load(Samples.postgres(to).toString(), Set.of()).schema();
        return SchemaDiff.diff(a, b).stream().map(Change::table).filter(Objects::nonNull).distinct().count();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
