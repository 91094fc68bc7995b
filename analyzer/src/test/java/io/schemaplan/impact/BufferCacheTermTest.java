package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Calibration.Timings;
import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buffer cache term of PostgreSQL's UPDATE and INSERT … SELECT ({@link CostModel#missedEntries}): index
 * entries written into scattered indexes larger than shared_buffers miss it, each priced as
 * {@link CostModel#MISS_PRICED_BYTES} more bytes at the row-write throughput. Checked against the share's
 * definition (1 − B / I averaged over the indexes' growth, integrated here by steps) rather than its formula.
 */
class BufferCacheTermTest {
    static final long MB = 1L << 20;
    static final long CACHE = 128 * MB;
    /** Heap scans at 1 GB/s, 10 MB/s of row writes. */
    static final Profile P = new Profile("test", null, 1024 * MB, 80 * MB, 30 * MB, 20 * MB, 4e6, 10 * MB, 2);

    /** A table of 1 M rows and 800 MB of heap with these indexes, no page images (no checkpoint term). */
    static Work table(long rowsWritten, Checkpoints.Index... indexes) {
        long bytes = 0;
        for (Checkpoints.Index ix : indexes) bytes += ix.bytes();
        Checkpoints c = new Checkpoints(CheckpointSettings.NO_PAGE_IMAGES, 8192, List.of(indexes));
        return new Work(1_000_000, 800 * MB, 800 * MB, bytes, indexes.length, 0, true, 1, 1_000_000, c)
                .writing(rowsWritten);
    }

    static Checkpoints.Index scattered(long bytes) {
        return new Checkpoints.Index(bytes, 0);
    }

    static double seconds(Cost cost, Work w, long cache) {
        return CostModel.estimate(cost, w, P, Engine.POSTGRES, cache).expectedSeconds();
    }

    /** 1 − B / I averaged over I growing linearly from {@code from} to {@code to}, by a million steps. */
    static double averagedShare(double from, double to, double cache) {
        int steps = 1_000_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double size = from + (to - from) * (i + 0.5) / steps;
            sum += Math.max(0, 1 - cache / size);
        }
        return sum / steps;
    }

    @Test
    void indexesThatFitInTheCachePriceNoMiss() {
        // Three scattered indexes of 20 MB each, 120 MB once every row has a new entry: within 128 MB.
        Work w = table(1_000_000, scattered(20 * MB), scattered(20 * MB), scattered(20 * MB));
        assertEquals(0, CostModel.missedEntries(w, CACHE));
        assertEquals(seconds(Cost.ROW_WRITES, w, 0), seconds(Cost.ROW_WRITES, w, CACHE));
        assertEquals(CostModel.updatePricedBytes(w, P, 0), CostModel.updatePricedBytes(w, P, CACHE));
    }

    @Test
    void indexesTwiceTheCacheMissTheShareTheirGrowthGives() {
        // Two scattered indexes of 128 MB: 256 MB, twice the cache, growing to 512 MB as all rows are written.
        Work all = table(1_000_000, scattered(128 * MB), scattered(128 * MB));
        double share = averagedShare(256.0 * MB, 512.0 * MB, CACHE);
        assertEquals(1 - Math.log(2) / 2, share, 1e-6, "1 - B ln 2 / (2B): 0.65");
        assertEquals(share * 2_000_000, CostModel.missedEntries(all, CACHE), 1);
        double added = share * 2_000_000 * CostModel.MISS_PRICED_BYTES / (10.0 * MB);
        assertEquals(seconds(Cost.ROW_WRITES, all, 0) + added, seconds(Cost.ROW_WRITES, all, CACHE), 1e-6);
        // A thousand rows hardly grow the indexes: half their entries miss, as 1 - B / I says at twice the cache.
        Work few = table(1_000, scattered(128 * MB), scattered(128 * MB));
        assertEquals(0.5 * 2_000, CostModel.missedEntries(few, CACHE), 1);
        // Past the cache only while growing: from 100 MB to 200 MB, nothing is missed until 128 MB.
        Work crossing = table(1_000_000, scattered(100 * MB));
        assertEquals(averagedShare(100.0 * MB, 200.0 * MB, CACHE) * 1_000_000, CostModel.missedEntries(crossing, CACHE), 1);
        assertTrue(CostModel.missedEntries(crossing, CACHE) > 40_000, "m at the mean size (150 MB) alone would be 0.15");
    }

    @Test
    void heapOrderedIndexesNeverMiss() {
        Checkpoints.Index ordered = new Checkpoints.Index(2_000 * MB, 500);
        assertEquals(0, CostModel.missedEntries(table(1_000_000, ordered), CACHE));
        // Beside a scattered one, only the scattered index's entries and bytes count.
        Work mixed = table(1_000_000, ordered, scattered(256 * MB));
        assertEquals(averagedShare(256.0 * MB, 512.0 * MB, CACHE) * 1_000_000, CostModel.missedEntries(mixed, CACHE), 1);
        assertEquals(1, CostModel.misses(mixed, CACHE).indexes());
    }

    @Test
    void anUnknownCachePricesNoMiss() {
        Work w = table(1_000_000, scattered(1_000 * MB), scattered(1_000 * MB));
        assertEquals(0, CostModel.missedEntries(w, 0));
        assertEquals(CostModel.estimate(Cost.ROW_WRITES, w, P).expectedSeconds(), seconds(Cost.ROW_WRITES, w, 0));
        assertTrue(seconds(Cost.ROW_WRITES, w, CACHE) > seconds(Cost.ROW_WRITES, w, 0));
        // A DELETE writes no index entry; a scan none at all.
        assertEquals(seconds(Cost.ROW_DELETES, w, 0), seconds(Cost.ROW_DELETES, w, CACHE));
        assertEquals(seconds(Cost.TABLE_BYTES, w, 0), seconds(Cost.TABLE_BYTES, w, CACHE));
    }

    @Test
    void anInsertSelectMissesInItsTargetsScatteredIndexesAndCreateTableAsInNone() {
        Work source = table(1_000_000, scattered(10 * MB));
        Work target = table(1_000_000, scattered(300 * MB));
        Work insert = Work.copying(source, 1_000_000, target);
        // The target's index gains its own bytes per row for each source row: 300 MB to 600 MB.
        assertEquals(averagedShare(300.0 * MB, 600.0 * MB, CACHE) * 1_000_000, CostModel.missedEntries(insert, CACHE), 1);
        assertTrue(seconds(Cost.ROW_INSERTS, insert, CACHE) > seconds(Cost.ROW_INSERTS, insert, 0));
        assertEquals(0, CostModel.missedEntries(Work.copying(source, 1_000_000, Work.NONE), CACHE));
    }

    @Test
    void calibrationGivesBackTheMeasuredUpdateWithTheTermIncluded() {
        // A calibration table whose scattered indexes outgrow a small cache (32 MB): the term is not zero, and
        // the derived throughput must still give back the measured 45 s.
        Work table = table(1_000_000, scattered(20 * MB), scattered(20 * MB), new Checkpoints.Index(19 * MB, 1));
        long small = 32 * MB;
        assertTrue(CostModel.missedEntries(table, small) > 100_000);
        Timings t = new Timings(0.7, 9.0, 14.0, 2.0, 0.5, 45.0);
        Profile p = Calibration.derive(table, 9 * MB, t, "here", small);
        assertEquals(45.0, seconds(Cost.ROW_WRITES, table, p, small), 1e-6);
        // Derived without the term, the same timing gives a slower throughput, which overprices a table that fits.
        Profile blind = Calibration.derive(table, 9 * MB, t, "here");
        assertTrue(blind.rowWriteBytesPerSecond() < p.rowWriteBytesPerSecond());
        // Stock shared_buffers: the indexes fit, and the two derivations agree.
        assertEquals(blind.rowWriteBytesPerSecond(), Calibration.derive(table, 9 * MB, List.of(t), "here", CACHE)
                .rowWriteBytesPerSecond(), 1e-6);
    }

    static double seconds(Cost cost, Work w, Profile p, long cache) {
        return CostModel.estimate(cost, w, p, Engine.POSTGRES, cache).expectedSeconds();
    }
}
