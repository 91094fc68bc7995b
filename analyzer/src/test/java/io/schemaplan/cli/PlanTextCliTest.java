package io.schemaplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Planner;
import io.schemaplan.impact.Profile;
import io.schemaplan.impact.Timeline;
import io.schemaplan.impact.Units;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.Sources;
import io.schemaplan.read.StatsJson;
import io.schemaplan.report.PlanText;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a DBA reads on a terminal and in a ticket: the verdict first, 100 columns, added and dropped told apart. */
class PlanTextCliTest {
    static final String V0142 = Samples.postgres("0.14.2").toString();
    static final String V0153 = Samples.postgres("0.15.3").toString();
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");
    static final Path LARGE_MYSQL = Samples.root().resolve("stats/dify-large-install-mysql.json");

    @Test
    void theVerdictNamesWorkflowRunsItsLockAndItsWindowInTheFirstTenLines() {
        Cli.Result r = Cli.run("plan", V0142, V0153, "--stats", LARGE.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFitsHundredColumns(r.out());
        Plan plan = plan(V0142, V0153, LARGE);
        Timeline.Row longest = Timeline.of(plan).longestBlocked();
        assertEquals("public.workflow_runs", longest.table().toString());
        String top = String.join("\n", r.out().lines().limit(10).toList());
        assertTrue(top.contains("Longest block: public.workflow_runs is unreadable for "
                + Units.range(longest.blocked()) + " (ACCESS EXCLUSIVE"), top);
        assertTrue(top.contains("Riskiest: ~ public.workflow_runs: changed column total_tokens (critical, "
                + Units.range(plan.items().get(0).estimate()) + ")"), top);
    }

    @Test
    void theBigUpgradeFitsAHundredColumnsAndKeepsItsLongSqlForRecipes() {
        Cli.Result r = Cli.run("plan", V0142, "dify:1.12.1", "--stats", LARGE.toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertFitsHundredColumns(out);

        List<String> lines = out.lines().toList();
        int verdict = lines.indexOf(lines.stream().filter(l -> l.startsWith("Verdict: ")).findFirst().orElseThrow());
        int end = lines.subList(verdict, lines.size()).indexOf("") + verdict;
        assertTrue(end - verdict >= 5 && end - verdict <= 10, "a verdict of 5 to 10 lines: " + (end - verdict));

        // Added and dropped read differently, with their sign and their word.
        assertTrue(out.contains("\n  - public.workflow_runs: dropped column sequence_number integer NOT NULL\n"), out);
        assertTrue(out.contains("  low   - public.workflow_runs: dropped index workflow_run_tenant_app_sequence_idx"), out);
        assertTrue(out.contains("\n  + public.messages: added index message_app_mode_idx USING btree (app_mode)\n"), out);

        // One change under two rules is one line.
        assertEquals(1, count(out, "changed constraint unique_builtin_tool_provider"), out);
        String flat = unwrapped(out);
        assertTrue(flat.contains("[PG-INDEX-CONSTRAINT, PG-LOCK-INSTANT]") || flat.contains("[PG-LOCK-INSTANT, PG-INDEX-CONSTRAINT]"), out);

        // Columns added to one table under one catalog-only rule share a line; the changes keep their words.
        Plan big = plan(V0142, "dify:1.12.1", LARGE);
        long datasetColumns = big.items().stream().filter(i -> i.change() instanceof Change.ColumnAdded
                && i.table().toString().equals("public.datasets")).count();
        assertTrue(datasetColumns > 1, "the fixture adds columns to datasets: " + datasetColumns);
        assertTrue(flat.contains(" low   + public.datasets: added " + datasetColumns + " columns: "), out);
        assertTrue(flat.contains("changed 2 columns: provider: varchar(40) -> varchar(255), tool_name: varchar(40) -> "
                + "varchar(128)"), out);

        // The 31-line expand/contract recipe is one pointer line; --recipes prints it whole.
        assertFalse(out.contains("DO $sp$"), out);
        assertTrue(flat.contains("its SQL (") && flat.contains("--recipes"), out);
        String full = Cli.run("plan", V0142, "dify:1.12.1", "--stats", LARGE.toString(), "--recipes").out();
        assertTrue(full.contains("      DO $sp$\n"), full);
        assertTrue(full.contains("ALTER TABLE public.workflow_runs RENAME COLUMN total_tokens_new TO total_tokens;"), full);

        // The safer way's lock, shown where the recipe is.
        assertTrue(flat.contains("Safer way locks: SHARE UPDATE EXCLUSIVE at most (reads and writes go on); outside a "
                + "transaction"), out);

        // Tables locked only for catalog work are one paragraph, not a line each.
        Plan plan = plan(V0142, "dify:1.12.1", LARGE);
        long brief = plan.windows().stream().filter(w -> w.work().highSeconds() < 1).count();
        assertTrue(brief > 5, "the fixture has catalog-only windows: " + brief);
        assertTrue(flat.contains(" " + brief + " more tables locked for under a second of own work"), out);
        assertFalse(out.contains("public.datasets: ACCESS EXCLUSIVE"), "no line of its own for a catalog-only window");
    }

    @Test
    void markdownMarksAddedAndDroppedAndDrawsTheTimelineAsATable() {
        Cli.Result r = Cli.run("plan", V0142, "dify:1.12.1", "--stats", LARGE.toString(), "-f", "markdown");
        assertEquals(0, r.exitCode(), r.err());
        String md = r.out();
        assertTrue(md.contains("### - public.workflow\\_runs: dropped column sequence\\_number integer NOT NULL"), md);
        assertTrue(md.contains("### + public.messages: added index message\\_app\\_mode\\_idx"), md);
        assertTrue(md.contains("| - public.workflow\\_runs: dropped index workflow\\_run\\_tenant\\_app\\_sequence\\_idx"), md);
        assertEquals(1, count(md, "changed constraint unique\\_builtin\\_tool\\_provider"), md);
        assertTrue(md.contains("- **Safer way locks:** SHARE UPDATE EXCLUSIVE at most"), md);

        int timeline = md.indexOf("## Timeline");
        assertTrue(timeline > 0 && timeline < md.indexOf("## Critical"), "the timeline comes before the items");
        String firstRow = md.substring(md.indexOf("|---|---|---|---|", timeline)).lines().skip(1).findFirst().orElseThrow();
        assertTrue(firstRow.startsWith("| public.workflow\\_runs | ACCESS EXCLUSIVE | unreadable for "), firstRow);
        assertTrue(firstRow.matches(".*`█+░+·*`.*"), "work, then the lock held to the commit: " + firstRow);
        assertTrue(md.contains("`schemaplan calibrate`") && !md.contains("\\`schemaplan"), "a command is code, not escaped backticks");
    }

    @Test
    void mysqlPlansMarkAddedItemsAndDoNotGivePostgresAdvice() {
        String from = Samples.mysql("1.10.1").toString();
        String to = Samples.mysql("1.12.1").toString();
        Cli.Result text = Cli.run("plan", from, to, "--stats", LARGE_MYSQL.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertFitsHundredColumns(text.out());
        Cli.Result md = Cli.run("plan", from, to, "--stats", LARGE_MYSQL.toString(), "-f", "markdown");
        Plan plan = plan(from, to, LARGE_MYSQL);
        List<PlanItem> added = plan.items().stream().filter(i -> i.change() instanceof Change.ColumnAdded).toList();
        assertFalse(added.isEmpty(), "the fixture adds columns");
        for (PlanItem i : added) {
            assertTrue(PlanText.title(i).startsWith("+ ") && PlanText.title(i).contains(": added column "), PlanText.title(i));
            assertTrue(text.out().contains(PlanText.title(i)), text.out());
            assertTrue(md.out().contains(io.schemaplan.report.Markdown.escape(PlanText.title(i))), md.out());
        }
        assertFalse(unwrapped(text.out()).contains("(PostgreSQL: plain CREATE INDEX"), text.out());
        assertTrue(unwrapped(text.out()).contains("`schemaplan calibrate` measures PostgreSQL servers only"), text.out());
        assertTrue(unwrapped(text.out()).contains("information_schema.TABLES"), text.out());
    }

    /** The text with its wrapped lines joined again (a line break and the indent that follows it read as a space). */
    static String unwrapped(String out) {
        return out.replaceAll("\\n {2,}(?=\\S)", " ");
    }

    static void assertFitsHundredColumns(String out) {
        for (String line : out.lines().toList()) {
            assertTrue(line.codePointCount(0, line.length()) <= 100, "over 100 columns: " + line);
        }
    }

    static Plan plan(String from, String to, Path stats) {
        Schema a = Sources.load(from, Set.of()).schema();
        Schema b = Sources.load(to, Set.of()).schema();
        Stats s = StatsJson.read(stats);
        return Planner.plan(new Planner.Input(from, to, a, b, SchemaDiff.diff(a, b), s, stats.toString(),
                Profile.DEFAULT, null, true, null));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
