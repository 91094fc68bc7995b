package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Calibration.Timings;
import org.junit.jupiter.api.Test;

/** The derived profile gives back, through the cost model, the durations it was derived from. */
class CalibrationTest {
    /** 300,000 rows, 300 MB of which 200 MB heap and 100 MB TOAST, 3 indexes of 18 MB in all. */
    static final Work TABLE = new Work(300_000, 300_000_000, 200_000_000, 18_000_000, 3, 0, true);
    static final long BUILT = 9_000_000;
    static final Timings T = new Timings(0.3, 3.0, 4.5, 0.8, 0.5, 2.0);

    static double expected(Cost cost, Work w, Profile p) {
        return CostModel.estimate(cost, w, p).expectedSeconds();
    }

    @Test
    void scanRewriteAndForeignKeyAreReproducedExactly() {
        Profile p = Calibration.derive(TABLE, BUILT, T, "here");
        assertEquals(0.3, expected(Cost.TABLE_BYTES, TABLE, p), 1e-9);
        Work withoutIndexes = new Work(300_000, 300_000_000, 200_000_000, 0, 0, 0, true);
        assertEquals(3.0, expected(Cost.TABLE_AND_INDEX_BYTES, withoutIndexes, p), 1e-9);
        assertEquals(0.5, expected(Cost.ROWS, TABLE, p), 1e-9);
        assertEquals(200_000_000 / 0.3, p.seqScanBytesPerSecond(), 1e-3, "the scan read the heap");
        assertEquals(1.5, p.spread());
        assertEquals("here", p.measuredOn());
    }

    @Test
    void theUpdateIsReproducedThroughItsPerRowCosts() {
        Profile p = Calibration.derive(TABLE, BUILT, T, "here");
        assertEquals(2.0, expected(Cost.ROW_WRITES, TABLE, p), 1e-9);
        // Its heap read (0.3 s) taken out, 1.7 s for 300,000 rows of 3 away entries (no statistics say where
        // they go): both defaults scaled by one factor, their ratio kept.
        double k = 1.7e6 / (300_000 * (Profile.DEFAULT_UPDATE_ROW_MICROS + 3 * Profile.DEFAULT_UPDATE_ENTRY_MICROS));
        assertEquals(k * Profile.DEFAULT_UPDATE_ROW_MICROS, p.updateRowMicros(), 1e-9);
        assertEquals(k * Profile.DEFAULT_UPDATE_ENTRY_MICROS, p.updateEntryMicros(), 1e-9);
        // The row-write throughput (DELETE, INSERT … SELECT) is the UPDATE's own WAL over the same 1.7 s.
        long wal = CostModel.estimate(Cost.ROW_WRITES, TABLE, Profile.DEFAULT).walBytes();
        assertEquals(wal / 1.7, p.rowWriteBytesPerSecond(), 1e-3);
        // A slower round, a faster round: the median is the middle one.
        Profile q = Calibration.derive(TABLE, BUILT, java.util.List.of(T, new Timings(0.3, 3.0, 4.5, 0.8, 0.5, 3.7),
                new Timings(0.3, 3.0, 4.5, 0.8, 0.5, 1.0)), "here");
        assertEquals(p.rowWriteBytesPerSecond(), q.rowWriteBytesPerSecond(), 1e-6);
        assertEquals(p.updateEntryMicros(), q.updateEntryMicros(), 1e-9);
        assertEquals(p.updateRowMicros(), q.updateRowMicros(), 1e-9);
    }

    @Test
    void aCalibrationTableShapedLikeCalibratesCountsItsTwoAwayEntriesAndItsCheckpointsOnlyInItsWal() {
        // The table of calibrate's default 1 M rows on stock settings: a uuid primary key and (tenant_id, app_id,
        // triggered_from), scattered, and created_at, heap-ordered from its first column. Its UPDATE writes
        // ~1.3 GB, more than the ~540 MB between two checkpoints: the term is in its WAL, not its seconds.
        long mb = 1L << 20;
        Checkpoints stock = new Checkpoints(io.schemaplan.model.CheckpointSettings.POSTGRES_DEFAULTS, 8192,
                java.util.List.of(new Checkpoints.Index(20 * mb, 0), new Checkpoints.Index(20 * mb, 0),
                        new Checkpoints.Index(19 * mb, 1)));
        Work table = new Work(1_000_000, 900 * mb, 560 * mb, 59 * mb, 3, 0, true, 1, 1_000_000, stock);
        assertEquals(2, CostModel.awayEntries(table));
        Timings t = new Timings(0.7, 9.0, 14.0, 2.0, 0.5, 45.0);
        Profile p = Calibration.derive(table, BUILT, t, "here");
        assertEquals(45.0, expected(Cost.ROW_WRITES, table, p), 1e-6);
        assertEquals(44.3e6 / 1_000_000, p.updateRowMicros() + 2 * p.updateEntryMicros(), 1e-9);
        long own = CostModel.estimate(Cost.ROW_WRITES, table.withCheckpoints(Checkpoints.NONE), p).walBytes();
        long with = CostModel.estimate(Cost.ROW_WRITES, table, p).walBytes();
        assertTrue(with > own && with < own * 1.25, own + " -> " + with);
        // Without per-index statistics all three count: the same 44.3 s spread over more entries.
        Profile blind = Calibration.derive(table.withCheckpoints(Checkpoints.NONE), BUILT, t, "here");
        assertTrue(blind.updateEntryMicros() < p.updateEntryMicros());
    }

    @Test
    void eachIndexMeasurementIsReproducedByItsOwnThroughput() {
        Profile p = Calibration.derive(TABLE, BUILT, T, "here");
        assertEquals(4.5, expected(Cost.TABLE_AND_INDEX_BYTES, TABLE, p), 1e-9);
        assertEquals(0.8, expected(Cost.INDEX_BUILD, TABLE.withNewIndexBytes(BUILT), p), 1e-9);
        // Rebuilds: 4.5 - 3.0 - 3 x 0.3 = 0.6 s for 18 MB; CREATE INDEX: 0.8 - 0.3 = 0.5 s for 9 MB.
        assertEquals(18_000_000 / 0.6, p.indexRebuildBytesPerSecond(), 1e-3);
        assertEquals(9_000_000 / 0.5, p.indexBuildBytesPerSecond(), 1e-3);
    }

    @Test
    void aMeasurementNoSlowerThanItsScanStillLeavesAPositiveThroughput() {
        // A foreign key validation faster than SET NOT NULL's scan (its query reads only the key) is priced as
        // measured, not floored at the scan.
        Profile p = Calibration.derive(TABLE, BUILT, new Timings(0.3, 3.0, 4.5, 0.8, 0.1, 2.0), "here");
        assertEquals(300_000 / 0.1, p.foreignKeyRowsPerSecond(), 1e-6);
        assertEquals(0.1, expected(Cost.ROWS, TABLE, p), 1e-9);
        // A rewrite barely slower than copy and scans: a tenth of it (0.35 s) counts as index work.
        Profile q = Calibration.derive(TABLE, BUILT, new Timings(0.3, 3.0, 3.5, 0.8, 0.5, 2.0), "here");
        assertEquals(18_000_000 / 0.35, q.indexRebuildBytesPerSecond(), 1e-3);
    }

    @Test
    void severalRoundsGiveTheMedianOfEachThroughput() {
        // Round 2's copy ran fast beside a slow rewrite (what a shared disk does between minutes): on its own
        // it would put 2.1 s of the rewrite on the indexes. Round 3 ran everything 10 % slower.
        Timings ordinary = T;
        Timings fastCopy = new Timings(0.3, 1.5, 4.5, 0.8, 0.5, 2.0);
        Timings slower = new Timings(0.33, 3.3, 4.95, 0.88, 0.55, 2.2);
        Profile p = Calibration.derive(TABLE, BUILT, java.util.List.of(ordinary, fastCopy, slower), "here");
        Profile alone = Calibration.derive(TABLE, BUILT, ordinary, "here");
        Profile fast = Calibration.derive(TABLE, BUILT, fastCopy, "here");
        Profile slow = Calibration.derive(TABLE, BUILT, slower, "here");
        assertTrue(fast.indexRebuildBytesPerSecond() < 0.5 * alone.indexRebuildBytesPerSecond(),
                "the fast-copy round alone would halve the rebuild throughput: " + fast);
        // Each throughput is the middle one of the three rounds, whichever round it comes from.
        assertEquals(alone.rewriteBytesPerSecond(), p.rewriteBytesPerSecond(), 1e-6, "300 MB / 3.0 s");
        assertEquals(slow.indexRebuildBytesPerSecond(), p.indexRebuildBytesPerSecond(), 1e-6, "not the outlier's");
        assertEquals(alone.indexBuildBytesPerSecond(), p.indexBuildBytesPerSecond(), 1e-6);
        assertEquals(alone.seqScanBytesPerSecond(), p.seqScanBytesPerSecond(), 1e-6);
        assertEquals(alone.foreignKeyRowsPerSecond(), p.foreignKeyRowsPerSecond(), 1e-6);
        assertEquals("calibrated", p.name());
        assertEquals(1.5, p.spread());
        // Two rounds: the mean of the two.
        Profile two = Calibration.derive(TABLE, BUILT, java.util.List.of(ordinary, slower), "here");
        assertEquals((200_000_000 / 0.3 + 200_000_000 / 0.33) / 2, two.seqScanBytesPerSecond(), 1e-3);
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.derive(TABLE, BUILT, java.util.List.of(), "here"));
    }

    @Test
    void durationsMustBePositiveAndTheTableMustHaveASize() {
        assertThrows(IllegalArgumentException.class, () -> new Timings(0, 1, 1, 1, 1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> Calibration.derive(Work.UNKNOWN, BUILT, T, "x"));
        IllegalArgumentException noIndex = assertThrows(IllegalArgumentException.class,
                () -> Calibration.derive(TABLE, 0, T, "x"));
        assertEquals("the built index has no size", noIndex.getMessage());
    }
}
