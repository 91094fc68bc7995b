package io.schemaplan.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.gate.Policy.Action;
import io.schemaplan.gate.Policy.Allowance;
import io.schemaplan.gate.Policy.Check;
import io.schemaplan.gate.Policy.Scope;
import io.schemaplan.gate.Policy.WindowCap;
import io.schemaplan.impact.Estimate;
import io.schemaplan.impact.Plan;
import io.schemaplan.impact.PlanItem;
import io.schemaplan.impact.Risk;
import io.schemaplan.impact.TableWindow;
import io.schemaplan.model.Column;
import io.schemaplan.model.DataType;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate's evaluation: categories, scopes, allowances and window caps, on hand-made plans. */
class GateTest {
    static final QName RUNS = QName.of("public", "workflow_runs");
    static final QName SMALL = QName.of("public", "tags");
    static final Stats STATS = new Stats("15.10", 64L << 20, 2, 8192, List.of(
            new TableStats(RUNS, 12_000_000, 100L << 30, 0, 0, Map.of()),
            new TableStats(SMALL, 40, 8192, 0, 0, Map.of())));

    static Column column(String name, DataType type) {
        return new Column(name, 1, type, true, null, null, null, null, null, false, false);
    }

    static Change.ColumnTypeChanged typeChange(QName table, DataType from, DataType to) {
        return new Change.ColumnTypeChanged(table, column("c", from), column("c", to));
    }

    /** A rewrite of {@code table} under ACCESS EXCLUSIVE taking {@code seconds}. */
    static PlanItem rewrite(QName table, Change change, double seconds) {
        return new PlanItem(change, "ALTER_COLUMN_TYPE", "PG-REWRITE-TYPE", table, null, "ACCESS EXCLUSIVE", null,
                true, true, true, true, false, false, true, false, seconds >= 60 ? Risk.CRITICAL : Risk.HIGH,
                "rewrites", "expand/contract", null, "https://www.postgresql.org/docs/", new Estimate(seconds / 2,
                seconds, seconds * 2, 0, 0, true));
    }

    static Plan plan(boolean singleTransaction, List<PlanItem> items, List<TableWindow> windows) {
        Estimate total = items.stream().map(PlanItem::estimate).reduce(Estimate.NONE, Estimate::plus);
        return new Plan("a", "b", "PostgreSQL", "15", "default", "stats", singleTransaction, items, windows, total,
                List.of());
    }

    static Policy policy(List<Check> checks, List<WindowCap> caps, List<Allowance> allow) {
        return new Policy("p.yaml", checks, caps, allow, Policy.Sizes.NONE, true);
    }

    static Check deny(String name, Set<Category> categories, Scope scope) {
        return new Check(name, Action.DENY, Set.of(), categories, scope, 1);
    }

    @Test
    void aThresholdAppliesACheckOnlyToLargeTables() {
        PlanItem big = rewrite(RUNS, typeChange(RUNS, DataType.of("integer"), DataType.of("bigint")), 3600);
        PlanItem small = rewrite(SMALL, typeChange(SMALL, DataType.of("integer"), DataType.of("bigint")), 0.01);
        Check check = deny("large", Set.of(Category.TABLE_REWRITE), new Scope(1_000_000L, null, Set.of()));
        Verdict v = Gate.evaluate(plan(true, List.of(big, small), List.of()), policy(List.of(check), List.of(), List.of()), STATS);
        assertEquals(2, v.cases().size(), "one case per check and change");
        assertEquals(1, v.violations().size());
        assertEquals(RUNS, v.violations().get(0).table());
        assertFalse(v.passed());
        // Without statistics the size is unknown: counted as large (match), or ignored (skip).
        Policy skip = new Policy("p.yaml", List.of(check), List.of(), List.of(), Policy.Sizes.NONE, false);
        assertTrue(Gate.evaluate(plan(true, List.of(big), List.of()), skip, null).passed());
        assertFalse(Gate.evaluate(plan(true, List.of(big), List.of()), policy(List.of(check), List.of(), List.of()), null).passed());
    }

    @Test
    void ruleIdsNamedTablesAndByteThresholds() {
        PlanItem big = rewrite(RUNS, typeChange(RUNS, DataType.of("integer"), DataType.of("bigint")), 3600);
        Check byId = new Check("id", Action.DENY, Set.of("PG-REWRITE-TYPE"), Set.of(), Scope.ALL, 1);
        Check otherId = new Check("other", Action.DENY, Set.of("PG-SCAN-CHECK"), Set.of(), Scope.ALL, 2);
        Check named = deny("named", Set.of(Category.TABLE_REWRITE), new Scope(null, null, Set.of("tags")));
        Check bytes = deny("bytes", Set.of(Category.TABLE_REWRITE), new Scope(null, 10L << 30, Set.of()));
        Verdict v = Gate.evaluate(plan(true, List.of(big), List.of()),
                policy(List.of(byId, otherId, named, bytes), List.of(), List.of()), STATS);
        assertEquals(List.of("id", "bytes"), v.violations().stream().map(f -> f.check().name()).toList());
    }

    @Test
    void anAllowanceTurnsAViolationIntoAnAllowedFindingWithItsReason() {
        PlanItem big = rewrite(RUNS, typeChange(RUNS, DataType.of("integer"), DataType.of("bigint")), 3600);
        Check check = deny("rewrites", Set.of(Category.TABLE_REWRITE), Scope.ALL);
        Allowance otherColumn = new Allowance("workflow_runs", "other", null, "no", 5);
        Allowance byCategory = new Allowance("public.workflow_runs", "c", "table-rewrite", "pruned to 1 GB first", 6);
        Verdict v = Gate.evaluate(plan(true, List.of(big), List.of()),
                policy(List.of(check), List.of(), List.of(otherColumn, byCategory)), STATS);
        assertTrue(v.passed());
        Verdict.Finding f = v.findings(Verdict.Level.ALLOWED).get(0);
        assertEquals("pruned to 1 GB first", f.allowedBecause());
        Verdict strict = Gate.evaluate(plan(true, List.of(big), List.of()),
                policy(List.of(check), List.of(), List.of(otherColumn)), STATS);
        assertFalse(strict.passed());
    }

    @Test
    void warnChecksNeverFailTheGate() {
        PlanItem big = rewrite(RUNS, typeChange(RUNS, DataType.of("integer"), DataType.of("bigint")), 3600);
        Check warn = new Check("warn", Action.WARN, Set.of(), Set.of(Category.TABLE_REWRITE), Scope.ALL, 1);
        Verdict v = Gate.evaluate(plan(true, List.of(big), List.of()), policy(List.of(warn), List.of(), List.of()), STATS);
        assertTrue(v.passed());
        assertEquals(1, v.warnings().size());
    }

    @Test
    void windowCapsPerTableAndForTheWholeUpgrade() {
        PlanItem big = rewrite(RUNS, typeChange(RUNS, DataType.of("integer"), DataType.of("bigint")), 120);
        PlanItem small = rewrite(SMALL, typeChange(SMALL, DataType.of("integer"), DataType.of("bigint")), 10);
        Estimate total = big.estimate().plus(small.estimate());
        TableWindow runs = new TableWindow(RUNS, "ACCESS EXCLUSIVE", true, true, Risk.CRITICAL, big.estimate(), total, null);
        TableWindow tags = new TableWindow(SMALL, "ACCESS EXCLUSIVE", true, true, Risk.HIGH, small.estimate(), total, null);
        WindowCap perTable = new WindowCap("per table", Action.DENY, WindowCap.Kind.PER_TABLE, 60, false,
                new Scope(1000L, null, Set.of()), 1);
        WindowCap whole = new WindowCap("total", Action.DENY, WindowCap.Kind.TOTAL, 125, false, Scope.ALL, 2);
        Policy p = policy(List.of(), List.of(perTable, whole), List.of());
        // One transaction: every lock is held until the commit, so tags is blocked as long as the upgrade.
        Verdict single = Gate.evaluate(plan(true, List.of(big, small), List.of(runs, tags)), p, STATS);
        assertEquals(List.of("per table", "total"), single.violations().stream().map(f -> f.check().name()).toList());
        assertEquals(130, single.violations().get(1).observedSeconds(), 1e-9);
        assertNull(single.violations().get(1).table());
        assertEquals(Gate.TOTAL_WINDOW_RULE, single.violations().get(1).ruleId());
        assertEquals(2, single.cases().size(), "tags is below the per-table cap's 1000 rows");
        // A commit per migration: each table is blocked for its own work, the upgrade for the sum.
        TableWindow runsEach = new TableWindow(RUNS, "ACCESS EXCLUSIVE", true, true, Risk.CRITICAL, big.estimate(),
                big.estimate(), null);
        Verdict each = Gate.evaluate(plan(false, List.of(big, small), List.of(runsEach)), p, STATS);
        assertEquals(List.of("per table", "total"), each.violations().stream().map(f -> f.check().name()).toList());
        assertEquals(120, each.violations().get(0).observedSeconds(), 1e-9);
    }

    @Test
    void typeNarrowingOnBothEngines() {
        assertTrue(TypeNarrowing.narrows(DataType.of("varchar", 255), DataType.of("varchar", 128)));
        assertTrue(TypeNarrowing.narrows(DataType.of("text"), DataType.of("varchar", 512)));
        assertTrue(TypeNarrowing.narrows(DataType.of("longtext"), DataType.of("text")));
        assertTrue(TypeNarrowing.narrows(DataType.of("bigint"), DataType.of("integer")));
        assertTrue(TypeNarrowing.narrows(new DataType("numeric", 10, 2, 0), new DataType("numeric", 10, 1, 0)));
        assertTrue(TypeNarrowing.narrows(DataType.of("double precision"), DataType.of("real")));
        assertTrue(TypeNarrowing.narrows(new DataType("enum", null, null, 0, false, List.of("a", "b")),
                new DataType("enum", null, null, 0, false, List.of("a"))));
        assertFalse(TypeNarrowing.narrows(DataType.of("varchar"), DataType.of("text")), "PostgreSQL: both unbounded");
        assertFalse(TypeNarrowing.narrows(DataType.of("text"), DataType.of("varchar")));
        assertFalse(TypeNarrowing.narrows(DataType.of("varchar", 128), DataType.of("varchar", 255)));
        assertFalse(TypeNarrowing.narrows(DataType.of("integer"), DataType.of("bigint")));
        assertFalse(TypeNarrowing.narrows(DataType.of("text"), DataType.of("mediumtext")));
        assertFalse(TypeNarrowing.narrows(DataType.of("json"), DataType.of("jsonb")));
        PlanItem narrowing = rewrite(RUNS, typeChange(RUNS, DataType.of("varchar", 255), DataType.of("varchar", 64)), 1);
        assertTrue(Category.TYPE_NARROWING.matches(narrowing));
        assertTrue(Category.TYPE_CHANGE.matches(narrowing));
        assertFalse(Category.DESTRUCTIVE.matches(narrowing));
    }

    @Test
    void quantitiesInThePolicysSpelling() {
        assertEquals(30, Quantities.seconds("30s"));
        assertEquals(300, Quantities.seconds("5m"));
        assertEquals(300, Quantities.seconds("5 min"));
        assertEquals(5400, Quantities.seconds("1.5h"));
        assertEquals(45, Quantities.seconds("45"));
        assertEquals(10L << 30, Quantities.bytes("10GB"));
        assertEquals(512L << 20, Quantities.bytes("512 MiB"));
        assertEquals(1_000_000, Quantities.rows("1M rows"));
        assertEquals(250_000, Quantities.rows("250k"));
        assertEquals(1_000_000, Quantities.rows("1_000_000"));
    }

    @Test
    void assumedSizesFillStatisticsForTheTablesOfFrom() {
        io.schemaplan.model.Schema from = io.schemaplan.read.Sources.load(
                io.schemaplan.testing.Samples.postgres("0.14.2").toString(), Set.of()).schema();
        Policy.Sizes sizes = new Policy.Sizes(5000L, Map.of("workflow_runs", new Policy.TableSize(12_000_000, 100L << 30)));
        Stats s = AssumedSizes.stats(from, sizes, Map.of("messages", 2_000_000L));
        assertEquals(from.tables().size(), s.tables().size());
        assertEquals(100L << 30, s.table(RUNS).orElseThrow().heapBytes());
        assertEquals(2_000_000, s.table(QName.of("public", "messages")).orElseThrow().rows());
        assertEquals(5000 * AssumedSizes.ROW_BYTES, s.table(QName.of("public", "accounts")).orElseThrow().heapBytes());
        assertNull(AssumedSizes.stats(from, Policy.Sizes.NONE, Map.of()));
    }
}
