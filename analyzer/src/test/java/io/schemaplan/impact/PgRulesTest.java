package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule table is well formed, and the version-dependent facts are where the release notes put them. */
class PgRulesTest {
    @Test
    void everyOperationHasExactlyOneRulePerVersionWhereItExists() {
        for (PgOperation op : PgOperation.values()) {
            for (int v = PgRules.OLDEST; v <= PgRules.NEWEST; v++) {
                int version = v;
                long n = PgRules.all().stream().filter(r -> r.operation() == op && r.appliesTo(version)).count();
                assertTrue(n <= 1, op + " has " + n + " rules for " + v);
            }
            assertTrue(PgRules.forOperation(op, PgRules.NEWEST).isPresent(), op + " has no rule for the newest version");
        }
    }

    @Test
    void everyRuleHasAMessageAndASourceAndARecipeWhenItBlocks() {
        for (PgRule r : PgRules.all()) {
            assertFalse(r.message().isBlank(), r.operation() + " has no message");
            assertTrue(r.source().url().startsWith("https://www.postgresql.org/docs/"), r.operation() + " source");
            if (r.blocksWrites() || !r.runsInTransactionBlock()) {
                assertFalse(r.saferRecipe().isBlank(), r.operation() + " blocks writes or needs its own transaction but offers no recipe");
            }
        }
    }

    @Test
    void blockingIsDerivedFromTheLockMode() {
        assertTrue(LockMode.ACCESS_EXCLUSIVE.blocksReads());
        assertFalse(LockMode.EXCLUSIVE.blocksReads());
        assertTrue(LockMode.SHARE.blocksWrites());
        assertFalse(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites());
        assertTrue(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE));
        assertFalse(LockMode.ROW_EXCLUSIVE.conflictsWith(LockMode.ROW_EXCLUSIVE));
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                assertEquals(a.conflictsWith(b), b.conflictsWith(a), "the conflict table is symmetric: " + a + "/" + b);
            }
        }
    }

    @Test
    void setNotNullUsesAValidCheckFromPostgres12() {
        assertTrue(PgRules.forOperation(PgOperation.SET_NOT_NULL_WITH_VALID_CHECK, 11).orElseThrow().scansTable());
        assertFalse(PgRules.forOperation(PgOperation.SET_NOT_NULL_WITH_VALID_CHECK, 12).orElseThrow().scansTable());
        assertEquals(PgRules.SCAN_NOT_NULL, PgRules.forOperation(PgOperation.SET_NOT_NULL, 17).orElseThrow().id());
    }

    @Test
    void enumValuesCanBeAddedInATransactionBlockFromPostgres12() {
        assertFalse(PgRules.forOperation(PgOperation.ENUM_ADD_VALUE, 11).orElseThrow().runsInTransactionBlock());
        assertTrue(PgRules.forOperation(PgOperation.ENUM_ADD_VALUE, 12).orElseThrow().runsInTransactionBlock());
    }

    @Test
    void concurrentFormsExistOnlyWhereTheServerHasThem() {
        assertTrue(PgRules.forOperation(PgOperation.REINDEX_CONCURRENTLY, 11).isEmpty());
        assertTrue(PgRules.forOperation(PgOperation.DETACH_PARTITION_CONCURRENTLY, 13).isEmpty());
        assertTrue(PgRules.forOperation(PgOperation.DETACH_PARTITION_CONCURRENTLY, 14).isPresent());
        assertEquals(LockMode.ACCESS_EXCLUSIVE, PgRules.forOperation(PgOperation.RENAME_INDEX, 11).orElseThrow().lock());
        assertEquals(LockMode.SHARE_UPDATE_EXCLUSIVE, PgRules.forOperation(PgOperation.RENAME_INDEX, 12).orElseThrow().lock());
    }

    @Test
    void newerServersGetTheNewestRulesAndOlderOnesAreRefused() {
        assertEquals(PgRules.forOperation(PgOperation.ADD_COLUMN, 18), PgRules.forOperation(PgOperation.ADD_COLUMN, 19));
        assertThrows(IllegalArgumentException.class, () -> PgRules.forOperation(PgOperation.ADD_COLUMN, 10));
    }

    @Test
    void aVolatileDefaultRewritesButAConstantOneDoesNot() {
        PgRule constant = PgRules.forOperation(PgOperation.ADD_COLUMN_CONSTANT_DEFAULT, 11).orElseThrow();
        PgRule volatileDefault = PgRules.forOperation(PgOperation.ADD_COLUMN_VOLATILE_DEFAULT, 15).orElseThrow();
        assertFalse(constant.rewritesTable());
        assertTrue(volatileDefault.rewritesTable() && volatileDefault.rebuildsIndexes());
        assertEquals(Cost.TABLE_AND_INDEX_BYTES, volatileDefault.cost());
        assertTrue(volatileDefault.blocksReads());
    }
}
