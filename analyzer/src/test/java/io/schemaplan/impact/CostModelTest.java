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

    @Test
    void anUnknownTableGivesAnUnknownEstimateNotZero() {
        for (Cost c : new Cost[] {Cost.TABLE_BYTES, Cost.TABLE_AND_INDEX_BYTES, Cost.INDEX_BUILD, Cost.ROWS}) {
            assertFalse(CostModel.estimate(c, Work.UNKNOWN, P).known(), c.name());
        }
    }
}
