package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model at the edges of a long: no endless loop, no wrapped (negative) sizes. */
class WorkLimitsTest {
    static final Stats SETTINGS = new Stats("15.10", 1L << 30, 4, 8192, List.of());

    @Test
    void aHeapNearLongMaxGetsTheWorkersItsSettingsAllowInsteadOfLoopingForever() {
        // Before: the threshold tripled past Long.MAX_VALUE, wrapped negative and the loop never ended.
        int workers = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Work.buildWorkers(Long.MAX_VALUE, SETTINGS));
        assertEquals(4, workers, "capped by max_parallel_maintenance_workers");
        assertEquals(4, Work.buildWorkers(Long.MAX_VALUE - 1, SETTINGS));
        // 8 MB × 3^k stays below 2^63 up to k = 25 (PostgreSQL stops tripling before an overflow too): 1 + 25.
        assertEquals(26, Work.buildWorkers(Long.MAX_VALUE, new Stats("15.10", 1L << 40, 1024, 8192, List.of())));
    }

    @Test
    void theTriplingsMatchPlanCreateIndexWorkersBelowTheCap() {
        Stats many = new Stats("15.10", 1L << 40, 1024, 8192, List.of());
        assertEquals(0, Work.buildWorkers(Work.MIN_PARALLEL_SCAN_BYTES - 1, many));
        assertEquals(1, Work.buildWorkers(Work.MIN_PARALLEL_SCAN_BYTES, many));
        assertEquals(2, Work.buildWorkers(Work.MIN_PARALLEL_SCAN_BYTES * 3, many));
        assertEquals(3, Work.buildWorkers(Work.MIN_PARALLEL_SCAN_BYTES * 9, many));
    }

    @Test
    void aHugeTableGivesALongButFiniteAndPositiveEstimate() {
        TableStats huge = new TableStats(QName.of("public", "t"), 1L << 50, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, Map.of());
        Work w = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Work.of(huge, SETTINGS, huge.rows()));
        assertEquals(Long.MAX_VALUE, w.tableBytes(), "heap + TOAST saturates instead of wrapping negative");
        Estimate e = CostModel.estimate(Cost.TABLE_AND_INDEX_BYTES, w, Profile.DEFAULT);
        assertTrue(Double.isFinite(e.expectedSeconds()) && e.expectedSeconds() > 1e9, e.toString());
        assertEquals(Long.MAX_VALUE, e.extraDiskBytes(), e.toString());
        Estimate twice = e.plus(e);
        assertEquals(Long.MAX_VALUE, twice.extraDiskBytes(), "sums saturate too: " + twice);
        assertEquals(Long.MAX_VALUE, twice.walBytes());
    }

    @Test
    void aNewIndexOnTheWidestKeysOfTheLargestTableDoesNotWrapNegative() {
        QName t = QName.of("public", "t");
        java.util.List<io.schemaplan.model.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            columns.add(new io.schemaplan.model.Column("c" + i, i + 1, io.schemaplan.model.DataType.of("text"), true,
                    null, null, null, null, null));
        }
        io.schemaplan.model.Schema schema = new io.schemaplan.model.Schema(io.schemaplan.model.Engine.POSTGRES, "15",
                null, null, null, null, List.of(new io.schemaplan.model.Table(t, columns, null, null, null, null, false,
                null, null, null, null)), null, null);
        Map<String, Integer> widths = new java.util.HashMap<>();
        columns.forEach(c -> widths.put(c.name(), 1 << 30));
        Stats stats = new Stats("15.10", 1L << 30, 2, 8192,
                List.of(new TableStats(t, 1L << 50, 1L << 50, 0, 0, Map.of(), widths)));
        long bytes = new TableSizes(schema, schema, stats).newIndexBytes(t, columns.stream().map(c -> c.name()).toList());
        assertEquals(Long.MAX_VALUE, bytes, "2^50 rows × 8 GB keys saturates");
    }

    @Test
    void sumsOfOrdinarySizesAreExact() {
        assertEquals(3_000_000_000_000L, Estimate.sum(1_000_000_000_000L, 2_000_000_000_000L));
        assertEquals(Long.MAX_VALUE, Estimate.sum(Long.MAX_VALUE, 1));
    }
}
