package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The cost model's formulas, term by term, with throughputs chosen so each term is a round number. */
class CostModelTest {
    /** seqScan 100 B/s, rewrite 10 B/s, index build 5 B/s, index rebuild 4 B/s, 50 rows/s, spread 2. */
    static final Profile P = new Profile("test", null, 100, 10, 5, 4, 50, 2);
    /** 1,000 rows, 1,000 table bytes, 2 indexes of 200 bytes in all, a new index of 50 bytes. */
    static final Work W = new Work(1_000, 1_000, 200, 2, 50, true);

    @Test
    void catalogOnlyWorkCostsNothingWhateverTheTable() {
        assertEquals(Estimate.NONE, CostModel.estimate(Cost.NOTHING, W, P));
        assertEquals(Estimate.NONE, CostModel.estimate(Cost.NOTHING, Work.UNKNOWN, P));
    }

    @Test
    void aScanReadsTheTableOnce() {
        // 1000 / 100 = 10 s; nothing written.
        assertEquals(new Estimate(5, 10, 20, 0, 0, true), CostModel.estimate(Cost.TABLE_BYTES, W, P));
    }

    @Test
    void aRewriteCopiesTheTableThenScansItOncePerIndexAndWritesTheIndexes() {
        // copy 1000 / 10 = 100 s, + 2 index scans x 1000 / 100 = 20 s, + 200 / 4 = 50 s of index rebuilds.
        Estimate e = CostModel.estimate(Cost.TABLE_AND_INDEX_BYTES, W, P);
        assertEquals(new Estimate(85, 170, 340, 1_200, 1_200, true), e);
    }

    @Test
    void anIndexBuildScansTheTableAndWritesTheNewIndex() {
        // 1000 / 100 = 10 s + 50 / 5 = 10 s.
        assertEquals(new Estimate(10, 20, 40, 50, 50, true), CostModel.estimate(Cost.INDEX_BUILD, W, P));
    }

    @Test
    void aForeignKeyCheckIsPricedPerReferencingRowItsReadIncluded() {
        // 1000 rows / 50 = 20 s, whatever the heap's bytes.
        assertEquals(new Estimate(10, 20, 40, 0, 0, true), CostModel.estimate(Cost.ROWS, W, P));
    }

    @Test
    void scansReadTheHeapOnlyWhileARewriteAlsoCopiesTheToast() {
        // 1,000 bytes of which 400 heap: a scan is 400 / 100 = 4 s; a rewrite copies all 1,000 (100 s), then
        // scans the heap once per index (2 x 4 s) and rebuilds the indexes (50 s).
        Work toasted = new Work(1_000, 1_000, 400, 200, 2, 50, true);
        assertEquals(4, CostModel.estimate(Cost.TABLE_BYTES, toasted, P).expectedSeconds(), 1e-9);
        assertEquals(158, CostModel.estimate(Cost.TABLE_AND_INDEX_BYTES, toasted, P).expectedSeconds(), 1e-9);
        assertEquals(14, CostModel.estimate(Cost.INDEX_BUILD, toasted, P).expectedSeconds(), 1e-9);
        assertEquals(20, CostModel.estimate(Cost.ROWS, toasted, P).expectedSeconds(), 1e-9);
    }

    /**
     * The same profile writing 1,000 bytes of WAL a second (so seconds = WAL / 1000 after the scan), and
     * pricing an UPDATE at 1,000 µs a row and 500 µs an index entry written away from the last one.
     */
    static final Profile WRITES = new Profile("test", null, 100, 10, 5, 4, 50, 1_000, 1_000, 500, 2);

    @Test
    void aFullTableUpdateWritesEachRowAgainAnEntryInEveryIndexAndImagesOfTheOldPages() {
        // Heap 1,000 and indexes 200 written again: extra disk 1,200. WAL: new versions 1,000 + full-page
        // images of the old heap 1,000 and of the indexes 200 + 1,000 rows x (110 + 2 x 80) = 272,200.
        Estimate e = CostModel.estimate(Cost.ROW_WRITES, W, WRITES);
        assertEquals(1_200, e.extraDiskBytes());
        assertEquals(2_200 + 270_000, e.walBytes());
        // The scan 1000 / 100 = 10 s, then 1,000 rows x (1,000 µs + 2 indexes x 500 µs) = 2 s: per row and
        // entry, not per WAL byte (both indexes count as away: no statistics say where their entries go).
        assertEquals(12, e.expectedSeconds(), 1e-9);
        assertEquals(e.expectedSeconds() / 2, e.lowSeconds(), 1e-9);
    }

    @Test
    void anUpdateOfPartOfTheTableWritesItsShareButStillReadsTheWholeHeap() {
        Work quarter = W.writing(250);
        assertEquals(0.25, quarter.writtenShare(), 1e-12);
        Estimate e = CostModel.estimate(Cost.ROW_WRITES, quarter, WRITES);
        assertEquals(300, e.extraDiskBytes());
        assertEquals(550 + 250 * 270, e.walBytes());
        assertEquals(10 + 250 * 2_000 / 1e6, e.expectedSeconds(), 1e-9);
        // More rows than the table holds are all of them, no more.
        assertEquals(1.0, W.writing(5_000).writtenShare());
        assertEquals(0.0, W.writing(-3).writtenShare());
    }

    @Test
    void aDeleteMarksRowsWithoutIndexWritesOrExtraDisk() {
        // WAL: images of the heap 1,000 + 1,000 rows x 55; priced at 3 x 1000 B/s after the 10 s scan.
        Estimate e = CostModel.estimate(Cost.ROW_DELETES, W, WRITES);
        assertEquals(0, e.extraDiskBytes());
        assertEquals(56_000, e.walBytes());
        assertEquals(10 + 56_000 / 3_000.0, e.expectedSeconds(), 1e-9);
    }

    @Test
    void insertSelectCopiesTheRowsWithTheirToastAndIndexesThemInTheTarget() {
        // Source: 1,000 rows, 1,000 bytes of which 400 heap, 2 indexes of 200 bytes. Target: empty, 1 index,
        // sized like one of the source's (100 bytes for 1,000 rows).
        Work source = new Work(1_000, 1_000, 400, 200, 2, 0, true);
        Work target = new Work(0, 0, 0, 0, 1, 0, true);
        Work copy = Work.copying(source, 1_000, target);
        Estimate e = CostModel.estimate(Cost.ROW_INSERTS, copy, WRITES);
        assertEquals(1_100, e.extraDiskBytes());
        assertEquals(1_100 + 1_000 * (30 + 80), e.walBytes());
        assertEquals(4 + e.walBytes() / 1000.0, e.expectedSeconds(), 1e-9);
        // CREATE TABLE AS: a new table without indexes gets the rows only.
        Estimate ctas = CostModel.estimate(Cost.ROW_INSERTS, Work.copying(source, 500, Work.NONE), WRITES);
        assertEquals(500, ctas.extraDiskBytes());
        assertEquals(500 + 500 * 30, ctas.walBytes());
        // A target with rows sizes its index entries from its own bytes per row: 300 bytes for 100 rows.
        Work filled = new Work(100, 1_000, 300, 1, 0, true);
        assertEquals(3_000, Work.copying(source, 1_000, filled).indexBytes());
        assertFalse(Work.copying(source, 10, Work.UNKNOWN).known());
    }

    @Test
    void profilesWithoutARowWriteThroughputOrUpdateCostsGetTheDefaults() {
        assertEquals(Profile.DEFAULT_ROW_WRITE_BYTES_PER_SECOND, P.rowWriteBytesPerSecond());
        assertEquals(Profile.DEFAULT_ROW_WRITE_BYTES_PER_SECOND, Profile.DEFAULT.rowWriteBytesPerSecond());
        Profile older = new Profile("test", null, 100, 10, 5, 4, 50, 1_000, 2);
        assertEquals(Profile.DEFAULT_UPDATE_ROW_MICROS, older.updateRowMicros());
        assertEquals(Profile.DEFAULT_UPDATE_ENTRY_MICROS, older.updateEntryMicros());
        assertEquals(Profile.DEFAULT_UPDATE_ENTRY_MICROS, P.updateEntryMicros());
    }

    @Test
    void anUnknownTableGivesAnUnknownEstimateNotZero() {
        for (Cost c : new Cost[] {Cost.TABLE_BYTES, Cost.TABLE_AND_INDEX_BYTES, Cost.INDEX_BUILD, Cost.ROWS,
                Cost.ROW_WRITES, Cost.ROW_DELETES, Cost.ROW_INSERTS}) {
            assertFalse(CostModel.estimate(c, Work.UNKNOWN, P).known(), c.name());
        }
    }
}
