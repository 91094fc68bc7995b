package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buffer cache term of PostgreSQL's UPDATE and INSERT … SELECT ({@link CostModel#misses}): index entries
 * written into scattered indexes larger than shared_buffers miss it. An UPDATE's misses are priced at half an
 * away entry each ({@link CostModel#MISS_ENTRY_SHARE}); an INSERT … SELECT's are counted, not priced. Checked
 * against the share's definition (1 − B / I averaged over the indexes' growth, integrated here by steps) rather
 * than its formula.
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

    static double missed(Work w, long cache) {
        return CostModel.misses(w, cache).entries();
    }

    @Test
    void indexesThatFitInTheCacheMissNothing() {
        // Three scattered indexes of 20 MB each, 120 MB once every row has a new entry: within 128 MB.
        Work w = table(1_000_000, scattered(20 * MB), scattered(20 * MB), scattered(20 * MB));
        assertEquals(0, missed(w, CACHE));
    }

    @Test
    void indexesTwiceTheCacheMissTheShareTheirGrowthGives() {
        // Two scattered indexes of 128 MB: 256 MB, twice the cache, growing to 512 MB as all rows are written.
        Work all = table(1_000_000, scattered(128 * MB), scattered(128 * MB));
        double share = averagedShare(256.0 * MB, 512.0 * MB, CACHE);
        assertEquals(1 - Math.log(2) / 2, share, 1e-6, "1 - B ln 2 / (2B): 0.65");
        assertEquals(share * 2_000_000, missed(all, CACHE), 1);
        // Priced: each miss half an away entry more than with no cache known.
        assertEquals(seconds(Cost.ROW_WRITES, all, 0) + share * 2_000_000 * 0.5 * P.updateEntryMicros() / 1e6,
                seconds(Cost.ROW_WRITES, all, CACHE), 1e-3);
        // A thousand rows hardly grow the indexes: half their entries miss, as 1 - B / I says at twice the cache.
        Work few = table(1_000, scattered(128 * MB), scattered(128 * MB));
        assertEquals(0.5 * 2_000, missed(few, CACHE), 1);
        // Past the cache only while growing: from 100 MB to 200 MB, nothing is missed until 128 MB.
        Work crossing = table(1_000_000, scattered(100 * MB));
        assertEquals(averagedShare(100.0 * MB, 200.0 * MB, CACHE) * 1_000_000, missed(crossing, CACHE), 1);
        assertTrue(missed(crossing, CACHE) > 40_000, "m at the mean size (150 MB) alone would be 0.15");
    }

    @Test
    void heapOrderedIndexesNeverMiss() {
        Checkpoints.Index ordered = new Checkpoints.Index(2_000 * MB, 500);
        assertEquals(0, missed(table(1_000_000, ordered), CACHE));
        // Beside a scattered one, only the scattered index's entries and bytes count.
        Work mixed = table(1_000_000, ordered, scattered(256 * MB));
        assertEquals(averagedShare(256.0 * MB, 512.0 * MB, CACHE) * 1_000_000, missed(mixed, CACHE), 1);
        assertEquals(1, CostModel.misses(mixed, CACHE).indexes());
    }

    @Test
    void anUnknownCacheCountsNoMissAndOnlyAnUpdatePricesThem() {
        Work w = table(1_000_000, scattered(1_000 * MB), scattered(1_000 * MB));
        assertEquals(0, missed(w, 0));
        assertEquals(CostModel.estimate(Cost.ROW_WRITES, w, P).expectedSeconds(), seconds(Cost.ROW_WRITES, w, 0));
        assertTrue(missed(w, CACHE) > 1_000_000);
        assertTrue(seconds(Cost.ROW_WRITES, w, CACHE) > seconds(Cost.ROW_WRITES, w, 0) + 1_000_000 * 0.5 * P.updateEntryMicros() / 1e6);
        assertEquals(seconds(Cost.ROW_DELETES, w, 0), seconds(Cost.ROW_DELETES, w, CACHE));
        assertEquals(seconds(Cost.TABLE_BYTES, w, 0), seconds(Cost.TABLE_BYTES, w, CACHE));
    }

    @Test
    void anInsertSelectMissesInItsTargetsScatteredIndexesAndCreateTableAsInNone() {
        Work source = table(1_000_000, scattered(10 * MB));
        Work target = table(1_000_000, scattered(300 * MB));
        Work insert = Work.copying(source, 1_000_000, target);
        // The target's index gains its own bytes per row for each source row: 300 MB to 600 MB.
        assertEquals(averagedShare(300.0 * MB, 600.0 * MB, CACHE) * 1_000_000, missed(insert, CACHE), 1);
        assertEquals(seconds(Cost.ROW_INSERTS, insert, 0), seconds(Cost.ROW_INSERTS, insert, CACHE));
        assertEquals(0, missed(Work.copying(source, 1_000_000, Work.NONE), CACHE));
    }
}
