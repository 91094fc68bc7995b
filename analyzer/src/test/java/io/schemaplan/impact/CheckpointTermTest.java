package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.CheckpointSettings;
import io.schemaplan.model.QName;
import io.schemaplan.model.Stats;
import io.schemaplan.model.TableStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint term of a full-table UPDATE ({@link CostModel#checkpointWal}): the index pages imaged again
 * after each checkpoint the statement crosses, checked against its defining balance rather than against
 * the formula's own arithmetic.
 */
class CheckpointTermTest {
    static final long MB = 1L << 20;
    /** max_wal_size 190 MB at completion target 0.9: a checkpoint every 100 MB of WAL. */
    static final CheckpointSettings EVERY_100_MB = new CheckpointSettings(190 * MB, 3_600, 0.9, true);
    /** 10 MB/s of row-write WAL, heap scans at 1 GB/s. */
    static final Profile P = new Profile("test", null, 1024 * MB, 80 * MB, 30 * MB, 20 * MB, 4e6, 10 * MB, 2);

    /** 1 M rows, a heap of 800 MB, two indexes of {@code each} bytes, one of them heap-ordered after {@code prefixes}. */
    static Work table(long each, long prefixes, CheckpointSettings settings) {
        Checkpoints c = new Checkpoints(settings, 8192,
                List.of(new Checkpoints.Index(each, 0), new Checkpoints.Index(each, prefixes)));
        return new Work(1_000_000, 800 * MB, 800 * MB, 2 * each, 2, 0, true, 1, 1_000_000, c);
    }

    static long own(Work w) {
        return CostModel.estimate(Cost.ROW_WRITES, w.withCheckpoints(Checkpoints.NONE), P).walBytes();
    }

    @Test
    void theDistanceIsMaxWalSizeOverOnePlusTheTargetOrTheTimeoutAtTheWriteRate() {
        assertEquals(100 * MB, EVERY_100_MB.checkpointDistanceBytes(), 1);
        assertEquals(1024 * MB / 1.9, CheckpointSettings.POSTGRES_DEFAULTS.checkpointDistanceBytes(), 1);
        Checkpoints c = new Checkpoints(new CheckpointSettings(190 * MB, 5, 0.9, true), 8192, List.of());
        assertEquals(50 * MB, CostModel.checkpointDistance(c, P), 1);   // 5 s x 10 MB/s comes first
    }

    @Test
    void scatteredIndexesAreImagedAgainAfterEveryCheckpointTheStatementCrosses() {
        Work w = table(20 * MB, 0, EVERY_100_MB);
        long own = own(w);
        Estimate e = CostModel.estimate(Cost.ROW_WRITES, w, P);
        double total = e.walBytes();
        // The balance that defines it: K = W' / C checkpoints, r = n / K rows between two, each re-imaging
        // E(r) of both indexes (every leaf, at this many rows per leaf), and W' = W + K x E(r).
        double k = total / (100 * MB);
        double r = 1_000_000 / k;
        double leaves = 20.0 * MB / 8192;
        double e1 = 20.0 * MB * (1 - Math.exp(-r / leaves));
        assertTrue(r > 10 * leaves, "rows between checkpoints " + r);
        assertEquals(own + k * 2 * e1, total, total * 1e-6);
        // About 1.7 GB of own WAL crosses ~17 checkpoints that re-image 40 MB each (~0.7 GB more); the
        // images again are reported, not priced (measured cheap): the seconds are the rows' and entries' alone.
        assertTrue(total > own * 1.6 && total < own * 1.8, total / own + "");
        assertEquals(CostModel.estimate(Cost.ROW_WRITES, w.withCheckpoints(Checkpoints.NONE), P).expectedSeconds(),
                e.expectedSeconds(), 1e-9);
        assertEquals(800.0 / 1024 + 1_000_000 * (P.updateRowMicros() + 2 * P.updateEntryMicros()) / 1e6,
                e.expectedSeconds(), 1e-6);
    }

    @Test
    void aHeapOrderedIndexIsImagedAgainOnlyWhereItsPrefixesAreBeingFilled() {
        long scatteredOnly = CostModel.estimate(Cost.ROW_WRITES, table(20 * MB, 0, EVERY_100_MB), P).walBytes();
        long oneOrdered = CostModel.estimate(Cost.ROW_WRITES, table(20 * MB, 1, EVERY_100_MB), P).walBytes();
        long fewPrefixes = CostModel.estimate(Cost.ROW_WRITES, table(20 * MB, 100, EVERY_100_MB), P).walBytes();
        Work w = table(20 * MB, 1, EVERY_100_MB);
        long own = own(w);
        // The ordered index adds about one page per checkpoint (and per prefix) instead of its 20 MB.
        assertTrue(scatteredOnly - oneOrdered > (scatteredOnly - own) * 0.45, scatteredOnly + " vs " + oneOrdered);
        assertTrue(oneOrdered < fewPrefixes && fewPrefixes < scatteredOnly);
        double k = oneOrdered / (100.0 * MB);
        assertEquals(oneOrdered - own, k * (20.0 * MB * -Math.expm1(-(1_000_000 / k) / 2560.0) + 8192), k * 8192);
    }

    @Test
    void noTermWithoutPageImagesOrWithoutIndexes() {
        Work off = table(20 * MB, 0, new CheckpointSettings(190 * MB, 3_600, 0.9, false));
        assertEquals(own(off), CostModel.estimate(Cost.ROW_WRITES, off, P).walBytes());
        Work bare = new Work(1_000_000, 800 * MB, 800 * MB, 0, 0, 0, true, 1, 1_000_000,
                new Checkpoints(EVERY_100_MB, 8192, List.of()));
        assertEquals(own(bare), CostModel.estimate(Cost.ROW_WRITES, bare, P).walBytes());
        // DELETE and INSERT ... SELECT carry no term: a DELETE changes no index, and the heap is written in order.
        Work w = table(20 * MB, 0, EVERY_100_MB);
        assertEquals(CostModel.estimate(Cost.ROW_DELETES, w.withCheckpoints(Checkpoints.NONE), P),
                CostModel.estimate(Cost.ROW_DELETES, w, P));
    }

    @Test
    void aStatementWellInsideOneIntervalPaysOnlyItsChanceOfMeetingACheckpoint() {
        // 10,000 rows of 1 M: ~19 MB of own WAL against a checkpoint every 100 MB. Its start falls anywhere
        // between two checkpoints, so it meets W' / C of them, each re-imaging the leaves those 10,000 rows
        // reach (98 % of both indexes).
        Work w = table(20 * MB, 0, EVERY_100_MB).writing(10_000);
        long own = own(w);
        long total = CostModel.estimate(Cost.ROW_WRITES, w, P).walBytes();
        double reached = 2 * 20.0 * MB * -Math.expm1(-10_000 / 2560.0);
        assertEquals(total / (100.0 * MB) * reached, total - own, total * 1e-6);
        assertTrue(total - own < reached, (total - own) + " of " + reached);
    }

    @Test
    void workFromStatisticsCarriesTheServersSettingsAndWhichIndexesFollowTheHeap() {
        TableStats ts = new TableStats(QName.of("public", "messages"), 1_000, 8192, 0, 3 * 8192,
                Map.of("message_pkey", 8192L, "message_app_id_idx", 16384L), Map.of(), Map.of("message_app_id_idx", 500L));
        Stats stats = new Stats("15.10", 64 * MB, 2, 8192, List.of(ts), List.of(), EVERY_100_MB);
        Checkpoints c = Work.of(ts, stats, 1_000).checkpoints();
        assertEquals(EVERY_100_MB, c.settings());
        assertEquals(List.of(new Checkpoints.Index(16384, 500), new Checkpoints.Index(8192, 0)), c.indexes());
        assertEquals(c, Work.of(ts, stats, 1_000).writing(10).checkpoints());
        // Statistics from before the settings were read: PostgreSQL's defaults.
        assertEquals(CheckpointSettings.POSTGRES_DEFAULTS,
                Work.of(ts, new Stats("15.10", 64 * MB, 2, 8192, List.of(ts)), 1_000).checkpoints().settings());
    }
}
