package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * InnoDB DDL priced by what InnoDB does ({@link InnodbCost#ddl}): a COPY and an in-place rebuild of the same
 * table at their own throughputs, an index build as a scan and a build, under the rules MariaDB 10.11 has.
 */
class InnodbDdlCostTest {
    static final double MB = 1024 * 1024;
    static final Work TABLE = new Work(1_000_000, (long) (1240 * MB), (long) (179 * MB), 2, 0, true);

    static MyRule rule(MyOperation op) {
        return MyRules.forOperation(op, MyEngine.MARIADB_10_11);
    }

    @Test
    void aCopyAndAnInPlaceRebuildOfOneTableTakeTheirOwnThroughputs() {
        MyRule copy = rule(MyOperation.INT_WIDEN);
        MyRule rebuild = rule(MyOperation.SET_NOT_NULL);
        assertSame(MyRule.Algorithm.COPY, copy.algorithm());
        assertSame(MyRule.Algorithm.INPLACE, rebuild.algorithm());
        assertTrue(rebuild.rebuildsTable());
        Estimate c = CostModel.estimate(copy, TABLE, Profile.DEFAULT);
        Estimate r = CostModel.estimate(rebuild, TABLE, Profile.DEFAULT);
        assertEquals(1419 * MB / InnodbCost.COPY_BYTES_PER_SECOND, c.expectedSeconds(), 1e-6);
        assertEquals(1419 * MB / InnodbCost.REBUILD_BYTES_PER_SECOND, r.expectedSeconds(), 1e-6);
        assertTrue(c.expectedSeconds() > r.expectedSeconds(), c + " " + r);
        assertEquals(c.expectedSeconds() / 2, c.lowSeconds(), 1e-9);
        assertEquals((long) (1419 * MB), c.extraDiskBytes(), 1, "the new copy of the table and its indexes");
        // Not PostgreSQL's rewrite at the profile's throughput.
        assertTrue(Math.abs(c.expectedSeconds() - CostModel.estimate(Cost.TABLE_AND_INDEX_BYTES, TABLE, Profile.DEFAULT)
                .expectedSeconds()) > 1);
    }

    @Test
    void anIndexBuildReadsTheClusteredIndexThenBuildsTheNewOne() {
        MyRule add = rule(MyOperation.ADD_INDEX);
        assertSame(Cost.INDEX_BUILD, add.cost());
        Work w = TABLE.withNewIndexBytes((long) (30 * MB));
        assertEquals(1240 * MB / InnodbCost.SCAN_BYTES_PER_SECOND + 30 * MB / InnodbCost.INDEX_BUILD_BYTES_PER_SECOND,
                CostModel.estimate(add, w, Profile.DEFAULT).expectedSeconds(), 1e-6);
    }

    @Test
    void aCalibratedPostgresProfileNarrowsNothingAndCatalogWorkCostsNothing() {
        Profile narrow = new Profile("calibrated", "pg", 1e9, 1e8, 1e7, 1e7, 1e6, 1.5);
        Estimate e = CostModel.estimate(rule(MyOperation.INT_WIDEN), TABLE, narrow);
        assertEquals(CostModel.estimate(rule(MyOperation.INT_WIDEN), TABLE, Profile.DEFAULT), e);
        assertEquals(Estimate.NONE, CostModel.estimate(rule(MyOperation.DROP_INDEX), TABLE, Profile.DEFAULT));
        assertEquals(Estimate.UNKNOWN, CostModel.estimate(rule(MyOperation.INT_WIDEN), new Work(0, 0, 0, 0, 0, 0, false), Profile.DEFAULT));
    }
}
