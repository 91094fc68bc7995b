package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans between the bundled Dify releases, with the large-install statistics sample. */
class PlannerDifyTest {
    static final Path LARGE = Samples.root().resolve("stats/dify-large-install.json");
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static Schema schema(String version) {
        return SCHEMAS.computeIfAbsent(version, v -> PgDumpReader.read(Samples.postgres(v)).schema());
    }

    static Plan plan(String from, String to, Stats stats) {
        Schema a = schema(from);
        Schema b = schema(to);
        return Planner.plan(new Planner.Input(from, to, a, b, SchemaDiff.diff(a, b), stats, "large",
                Profile.DEFAULT, null, true));
    }

    @Test
    void theWorkflowRunsRewriteComesFirstWithItsLockTimeAndRecipe() {
        Plan plan = plan("0.14.2", "0.15.3", StatsJson.read(LARGE));
        PlanItem first = plan.items().get(0);
        assertEquals("public.workflow_runs", first.table().toString());
        assertEquals("ALTER_TYPE_REWRITE", first.operation());
        assertEquals(PgRules.REWRITE_TYPE, first.ruleId());
        assertEquals(Risk.CRITICAL, first.risk());
        assertEquals("ACCESS EXCLUSIVE", first.lock());
        assertTrue(first.blocksReads() && first.blocksWrites() && first.rewritesTable() && first.rebuildsIndexes());
        Estimate e = first.estimate();
        assertTrue(e.known() && e.lowSeconds() < e.expectedSeconds() && e.expectedSeconds() < e.highSeconds());
        // 100 GB of heap and TOAST copied at the default profile's rewrite rate, plus two index builds.
        double copy = (22.0 + 78.0) * (1L << 30) / Profile.DEFAULT.rewriteBytesPerSecond();
        assertTrue(e.expectedSeconds() > copy, e + " vs copy alone " + copy);
        assertEquals(100L << 30, e.extraDiskBytes() - StatsJson.read(LARGE).table(first.table()).orElseThrow().indexBytes());
        assertTrue(first.recipe().startsWith("Expand/contract"), first.recipe());
        assertTrue(first.recipe().contains("delete or archive"), "a 100 GB table gets the pruning advice");
        assertEquals(1, plan.count(Risk.CRITICAL));
        // The window of the table: its own work, held until the upgrade commits.
        TableWindow w = plan.windows().get(0);
        assertEquals(first.table(), w.table());
        assertTrue(w.blocksReads() && w.blocksWrites());
    }

    @Test
    void varcharWideningsAreCatalogOnly() {
        Plan plan = plan("0.15.3", "1.0.1", StatsJson.read(LARGE));
        List<PlanItem> widenings = plan.items().stream()
                .filter(i -> i.change() instanceof Change.ColumnTypeChanged).toList();
        assertEquals(5, widenings.size());
        for (PlanItem i : widenings) {
            Change.ColumnTypeChanged c = (Change.ColumnTypeChanged) i.change();
            assertEquals("varchar", c.to().type().name(), i.toString());
            assertEquals("ALTER_TYPE_BINARY_COERCIBLE", i.operation());
            assertEquals(PgRules.INSTANT, i.ruleId());
            assertFalse(i.rewritesTable() || i.scansTable());
            assertEquals(0, i.estimate().highSeconds());
            assertEquals(Risk.LOW, i.risk());
        }
    }

    @Test
    void withoutStatisticsDurationsAreUnknownButTheRewriteIsStillFlagged() {
        Plan plan = plan("0.14.2", "0.15.3", null);
        PlanItem first = plan.items().get(0);
        assertEquals(Risk.HIGH, first.risk());
        assertFalse(first.estimate().known());
        assertFalse(plan.total().known());
        assertTrue(plan.assumptions().stream().anyMatch(a -> a.startsWith("No statistics")));
    }

    static List<String[]> consecutivePairs() {
        List<String> v = Samples.postgresVersions();
        return java.util.stream.IntStream.range(1, v.size()).mapToObj(i -> new String[] {v.get(i - 1), v.get(i)}).toList();
    }

    /** Every change the differ emits between real releases has an operation and a rule. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("consecutivePairs")
    void everyChangeOfEveryReleaseHasARule(String from, String to) {
        Schema a = schema(from);
        Schema b = schema(to);
        List<Change> changes = SchemaDiff.diff(a, b);
        Plan plan = Planner.plan(new Planner.Input(from, to, a, b, changes, StatsJson.read(LARGE), "large",
                Profile.DEFAULT, null, true));
        for (Change c : changes) {
            if (c instanceof Change.PossibleRename) continue;
            assertTrue(plan.items().stream().anyMatch(i -> i.change() == c), "no operation for " + c.kind() + " " + c.object());
        }
        for (int i = 1; i < plan.items().size(); i++) {
            assertTrue(plan.items().get(i - 1).risk().compareTo(plan.items().get(i).risk()) <= 0, "riskiest first");
        }
        assertTrue(plan.items().stream().allMatch(i -> i.estimate().known()), "the sample covers every table");
    }
}
