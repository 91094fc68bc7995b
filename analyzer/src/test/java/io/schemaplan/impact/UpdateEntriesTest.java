package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.Calibration.Timings;
import io.schemaplan.model.CheckpointSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL UPDATE priced by its rows and the index entries it writes away from the last one
 * ({@link CostModel#updateSeconds}, {@link CostModel#awayEntries}), and calibrated from one measured UPDATE.
 */
class UpdateEntriesTest {
    static final long MB = 1L << 20;
    /** Heap scans at 1 GB/s, 2 µs a row and 5 µs an away entry. */
    static final Profile P = new Profile("test", null, 1024 * MB, 80 * MB, 30 * MB, 20 * MB, 4e6, 10 * MB, 2, 5, 2);

    static Checkpoints.Index scattered() {
        return new Checkpoints.Index(50 * MB, 0);
    }

    static Checkpoints.Index ordered(long places) {
        return new Checkpoints.Index(50 * MB, places);
    }

    /** 1 M rows, a heap of 1 GB, these indexes (no page images). */
    static Work table(Checkpoints.Index... indexes) {
        Checkpoints c = new Checkpoints(CheckpointSettings.NO_PAGE_IMAGES, 8192, List.of(indexes));
        return new Work(1_000_000, 1024 * MB, 1024 * MB, 50 * MB * indexes.length, indexes.length, 0, true, 1,
                1_000_000, c);
    }

    static double seconds(Work w, Profile p) {
        return CostModel.estimate(Cost.ROW_WRITES, w, p).expectedSeconds();
    }

    @Test
    void oneTwoAndSixAwayEntriesAddTheirEntryCostPerRow() {
        // The three shapes measured: messages with its primary key alone, calibrate's table, messages.
        Work pkOnly = table(scattered());
        Work calibrates = table(scattered(), scattered(), ordered(1));
        Work messages = table(scattered(), scattered(), scattered(), scattered(), scattered(), ordered(500));
        assertEquals(1, CostModel.awayEntries(pkOnly));
        assertEquals(2, CostModel.awayEntries(calibrates));
        assertEquals(6, CostModel.awayEntries(messages));
        assertEquals(1 + 1_000_000 * (2 + 5) / 1e6, seconds(pkOnly, P), 1e-9);
        assertEquals(1 + 1_000_000 * (2 + 2 * 5) / 1e6, seconds(calibrates, P), 1e-9);
        assertEquals(1 + 1_000_000 * (2 + 6 * 5) / 1e6, seconds(messages, P), 1e-9);
        Estimate e = CostModel.estimate(Cost.ROW_WRITES, messages, P);
        assertEquals(e.expectedSeconds() / 2, e.lowSeconds(), 1e-9);
        assertEquals(e.expectedSeconds() * 2, e.highSeconds(), 1e-9);
        // Half the rows: the whole heap still read, half the per-row part.
        assertEquals(1 + 500_000 * 32 / 1e6, seconds(messages.writing(500_000), P), 1e-9);
    }

    @Test
    void aHeapOrderedIndexIsAwayOnlyPastTheThreshold() {
        assertEquals(0, CostModel.awayEntries(table(ordered(1))));
        assertEquals(0, CostModel.awayEntries(table(ordered(CostModel.AWAY_PLACES))));
        assertEquals(1, CostModel.awayEntries(table(ordered(CostModel.AWAY_PLACES + 1))));
        assertEquals(1, CostModel.awayEntries(table(ordered(1_000))));
        assertEquals(seconds(table(ordered(1), ordered(1)), P) + 5, seconds(table(ordered(1), ordered(501)), P), 1e-9);
        // Without per-index statistics every index counts.
        assertEquals(3, CostModel.awayEntries(new Work(1_000, 1_000, 200, 3, 0, true)));
    }

    @Test
    void calibrationRoundTripGivesTheMeasuredUpdateBackAndScalesBothCostsByOneFactor() {
        Work calibrates = table(scattered(), scattered(), ordered(1));
        Timings t = new Timings(1.0, 9.0, 14.0, 2.0, 0.5, 31.0);
        Profile p = Calibration.derive(calibrates, 9 * MB, t, "here");
        assertEquals(31.0, seconds(calibrates, p), 1e-6);
        double k = p.updateRowMicros() / Profile.DEFAULT_UPDATE_ROW_MICROS;
        assertEquals(k, p.updateEntryMicros() / Profile.DEFAULT_UPDATE_ENTRY_MICROS, 1e-12);
        // 30 s less the scan over 1 M rows of 2 away entries: k = 30 / (row + 2 x entry), the defaults' costs.
        double row = Profile.DEFAULT_UPDATE_ROW_MICROS;
        double entry = Profile.DEFAULT_UPDATE_ENTRY_MICROS;
        assertEquals(30.0 / (row + 2 * entry), k, 1e-9);
        // The six-entry table on the same server: (row + 6 entries) / (row + 2 entries) times the per-row part
        // (2.75 with the defaults' ratio 1.6 : 5.6).
        Work messages = table(scattered(), scattered(), scattered(), scattered(), scattered(), ordered(500));
        assertEquals(2.75, (row + 6 * entry) / (row + 2 * entry), 1e-9);
        assertEquals(1.0 + 30.0 * 2.75, seconds(messages, p), 1e-6);
        assertTrue(seconds(messages, p) > 2.5 * seconds(calibrates, p));
    }
    /**
     * On a server whose shared_buffers its scattered indexes outgrow, calibrate's UPDATE pays for misses too:
     * the calibration takes them out (a smaller factor than without the cache), and the plan, given the same
     * cache, adds them back to the measured time.
     */
    @Test
    void aCalibrationWhoseUpdateMissesTheCacheTakesThemOutAndThePlanAddsThemBack() {
        Work calibrates = table(scattered(), scattered(), ordered(1));
        long cache = 32 * MB;   // two scattered indexes of 50 MB, 200 MB once written
        assertTrue(CostModel.misses(calibrates, cache).entries() > 1_000_000);
        Timings t = new Timings(1.0, 9.0, 14.0, 2.0, 0.5, 31.0);
        Profile blind = Calibration.derive(calibrates, 9 * MB, t, "here");
        Profile aware = Calibration.derive(calibrates, 9 * MB, List.of(t), "here", cache);
        assertTrue(aware.updateEntryMicros() < blind.updateEntryMicros(), aware + " vs " + blind);
        double planned = CostModel.estimate(Cost.ROW_WRITES, calibrates, aware, io.schemaplan.model.Engine.POSTGRES, cache)
                .expectedSeconds();
        assertEquals(31.0, planned, 1e-6);
        // With no cache known the aware profile prices the misses nowhere: less than measured.
        assertTrue(seconds(calibrates, aware) < 31.0 - 1);
    }
}
