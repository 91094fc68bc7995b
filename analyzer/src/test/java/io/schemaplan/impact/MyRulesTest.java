package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule table is well formed, ids are stable and mean what they say, server versions map to the right
 * profile, and the version steps of MySQL (which the local server cannot show) are where the manual puts
 * them.
 */
class MyRulesTest {
    /** The ids a CI policy may name; renaming one breaks policies, so the set is pinned here. */
    private static final Set<String> IDS = Set.of("MY-INSTANT", "MY-INPLACE-NO-REBUILD", "MY-INPLACE-REBUILD",
            "MY-INPLACE-LOCKED", "MY-COPY-TYPE", "MY-COPY-TABLE", "MY-COPY-FOREIGN-KEY", "MY-DROP-DATA", "MY-RENAME",
            "MY-CATALOG-ONLY", "MY-DATA-UPDATE", "MY-DATA-DELETE", "MY-DATA-INSERT-SELECT", "MY-TRUNCATE",
            "MY-CREATE-TABLE-AS", "MY-LOCK-TABLES", "MY-CHECK-TABLE", "MY-REPAIR-TABLE", "MY-SEQUENCE-WRITE", "MY-NO-SEQUENCES",
            "MY-ROUTINE-DROP-CREATE");

    @Test
    void everyOperationHasExactlyOneRuleOnEveryProfile() {
        assertTrue(MyOperation.values().length >= 35);
        for (MyOperation op : MyOperation.values()) {
            for (MyEngine p : MyEngine.values()) {
                long n = MyRules.all().stream().filter(r -> r.operation() == op && r.appliesTo(p)).count();
                assertEquals(1, n, op + " has " + n + " rules on " + p);
                assertEquals(op, MyRules.forOperation(op, p).operation());
            }
        }
    }

    @Test
    void idsAreStableAndMatchTheAlgorithm() {
        for (MyRule r : MyRules.all()) {
            String what = r.operation() + " on " + r.from() + ".." + r.to();
            assertTrue(IDS.contains(r.id()), what + ": unknown id " + r.id());
            switch (r.id()) {
                case "MY-INSTANT" -> assertEquals(Algorithm.INSTANT, r.algorithm(), what);
                case "MY-INPLACE-NO-REBUILD" -> assertTrue(!r.rebuildsTable() && r.allowsConcurrentDml()
                        && r.algorithm() != Algorithm.INSTANT && r.algorithm() != Algorithm.COPY, what);
                case "MY-INPLACE-REBUILD" -> assertTrue(r.rebuildsTable() && r.allowsConcurrentDml()
                        && r.algorithm() == Algorithm.INPLACE, what);
                case "MY-INPLACE-LOCKED" -> assertTrue(!r.allowsConcurrentDml() && r.algorithm() != Algorithm.COPY, what);
                case "MY-COPY-TYPE", "MY-COPY-TABLE", "MY-COPY-FOREIGN-KEY" -> assertTrue(r.copiesTable(), what);
                default -> { }
            }
            if (r.copiesTable()) {
                assertTrue(r.rebuildsTable() && !r.allowsConcurrentDml(), what + ": COPY rebuilds and blocks writes");
                assertEquals(Cost.TABLE_AND_INDEX_BYTES, r.cost(), what);
            }
            if (r.algorithm() == Algorithm.INSTANT) {
                assertFalse(r.rebuildsTable(), what);
                assertEquals(Cost.NOTHING, r.cost(), what);
            }
        }
    }

    @Test
    void everyRuleHasAMessageASourceOfItsFamilyAndARecipeWhenItCopiesOrBlocks() {
        for (MyRule r : MyRules.all()) {
            String what = r.operation() + " on " + r.from();
            assertFalse(r.message().isBlank(), what + " has no message");
            String host = r.from().isMariadb() ? "https://mariadb.com/" : "https://dev.mysql.com/doc/refman/";
            assertTrue(r.source().url().startsWith(host), what + " cites " + r.source().url());
            if (r.copiesTable() || r.rebuildsTable() || !r.allowsConcurrentDml()) {
                assertFalse(r.saferRecipe().isBlank(), what + " copies, rebuilds or blocks but offers no recipe");
            }
            if (r.copiesTable() && r.id().equals(MyRules.COPY_TYPE)) {
                assertTrue(r.saferRecipe().contains("pt-online-schema-change --alter \"" + r.operation().clause()
                        + "\" D=db,t=t --execute"), what + ": " + r.saferRecipe());
                assertTrue(r.saferRecipe().contains("gh-ost --alter=\"" + r.operation().clause() + "\""), what);
                assertTrue(r.saferRecipe().contains("Replicas lag by the statement's full duration"), what);
                assertTrue(r.saferRecipe().contains("one ALTER TABLE statement"), what);
            }
        }
    }

    @Test
    void nocopyIsMariadbsNameForInPlaceWithoutRebuild() {
        for (MyOperation op : MyOperation.values()) {
            MyRule mysql = MyRules.forOperation(op, MyEngine.MYSQL_8_4);
            MyRule maria = MyRules.forOperation(op, MyEngine.MARIADB_10_11);
            assertFalse(mysql.algorithm() == Algorithm.NOCOPY, op + ": MySQL has no NOCOPY");
            if (maria.algorithm() == Algorithm.INPLACE) assertTrue(maria.rebuildsTable(), op + ": MariaDB INPLACE "
                    + "without a rebuild is NOCOPY");
        }
    }

    @Test
    void mysqlVersionStepsAreWhereTheManualPutsThem() {
        // INSTANT ADD COLUMN anywhere and DROP COLUMN from 8.0.29; INSTANT RENAME COLUMN from 8.0.28.
        assertEquals(Algorithm.INPLACE, rule(MyOperation.ADD_COLUMN_MIDDLE, "8.0.28").algorithm());
        assertEquals(Algorithm.INSTANT, rule(MyOperation.ADD_COLUMN_MIDDLE, "8.0.29").algorithm());
        assertEquals(Algorithm.INSTANT, rule(MyOperation.ADD_COLUMN_LAST, "8.0.12").algorithm());
        assertTrue(rule(MyOperation.DROP_COLUMN, "8.0.27").rebuildsTable());
        assertEquals(Algorithm.INSTANT, rule(MyOperation.DROP_COLUMN, "8.0.36").algorithm());
        assertEquals(Algorithm.INSTANT, rule(MyOperation.DROP_COLUMN, "8.4.3").algorithm());
        assertEquals(Algorithm.INPLACE, rule(MyOperation.RENAME_COLUMN, "8.0.27").algorithm());
        assertEquals(Algorithm.INSTANT, rule(MyOperation.RENAME_COLUMN, "8.0.28").algorithm());
        // The utf8mb4 boundary: MySQL copies every VARCHAR widening that crosses 255 bytes; MariaDB not from <= 127.
        assertEquals(MyRules.COPY_TYPE, rule(MyOperation.VARCHAR_WIDEN_CROSSES_255, "8.0.36").id());
        assertEquals(MyRules.COPY_TYPE, rule(MyOperation.VARCHAR_WIDEN_FROM_SHORT, "8.0.36").id());
        assertEquals(MyRules.INSTANT, rule(MyOperation.VARCHAR_WIDEN_FROM_SHORT, "10.11.19-MariaDB").id());
        assertEquals(MyRules.INPLACE_NO_REBUILD, rule(MyOperation.VARCHAR_WIDEN, "8.0.36").id());
        assertEquals(MyRules.INSTANT, rule(MyOperation.VARCHAR_WIDEN, "10.6.18-MariaDB").id());
        // Foreign keys: COPY with checks on everywhere; in place with them off.
        assertEquals(Lock.SHARED, rule(MyOperation.ADD_FOREIGN_KEY, "8.0.36").lock());
        assertEquals(Algorithm.INPLACE, rule(MyOperation.ADD_FOREIGN_KEY_CHECKS_OFF, "8.0.36").algorithm());
        // A FULLTEXT table cannot be rebuilt online; MySQL cannot rebuild it in place at all.
        assertEquals(Algorithm.COPY, rule(MyOperation.FORCE_REBUILD_FULLTEXT_TABLE, "8.0.36").algorithm());
        assertEquals(Lock.SHARED, rule(MyOperation.FORCE_REBUILD_FULLTEXT_TABLE, "11.4.2-MariaDB").lock());
    }

    @ParameterizedTest
    @CsvSource({
            "8.0.12, MYSQL_8_0_12", "8.0.27, MYSQL_8_0_12", "8.0.28, MYSQL_8_0_28", "8.0.29, MYSQL_8_0_29",
            "8.0.36, MYSQL_8_0_29", "8.3.0, MYSQL_8_0_29", "8.4.0, MYSQL_8_4", "9.1.0, MYSQL_8_4",
            "8.0.36-0ubuntu0.22.04.1, MYSQL_8_0_29", "10.6.18-MariaDB, MARIADB_10_6", "10.10.7-MariaDB, MARIADB_10_6",
            "10.11.19-MariaDB-0+deb12u1, MARIADB_10_11", "11.3.2-MariaDB, MARIADB_10_11", "11.4.2-MariaDB, MARIADB_11_4",
            "12.0.1-MariaDB-log, MARIADB_11_4", "5.5.5-10.11.6-MariaDB, MARIADB_10_11"})
    void serverVersionsMapToProfiles(String version, MyEngine expected) {
        assertEquals(expected, MyEngine.parse(version));
    }

    @Test
    void olderServersAndNonsenseAreRefused() {
        for (String v : new String[] {"5.7.44", "8.0.11", "10.5.9-MariaDB", "", "PostgreSQL 15.4", "8.0"}) {
            assertThrows(IllegalArgumentException.class, () -> MyEngine.parse(v), v);
        }
    }

    @Test
    void profilesOfOneFamilyFormRanges() {
        Map<MyEngine, Boolean> families = Map.of(MyEngine.MYSQL_8_0_12, false, MyEngine.MARIADB_11_4, true);
        families.forEach((p, maria) -> assertEquals(maria, p.isMariadb()));
        assertThrows(IllegalArgumentException.class, () -> new MyRule(MyOperation.ADD_INDEX, MyEngine.MYSQL_8_4,
                MyEngine.MARIADB_10_6, "MY-INSTANT", Algorithm.INSTANT, Lock.NONE, false, Cost.NOTHING, "x", "",
                MyManual.MYSQL_ONLINE_DDL));
        assertThrows(IllegalArgumentException.class, () -> new MyRule(MyOperation.ADD_INDEX, MyEngine.MYSQL_8_4,
                MyEngine.MYSQL_8_4, "MY-INPLACE-NO-REBUILD", Algorithm.NOCOPY, Lock.NONE, false, Cost.NOTHING, "x", "",
                MyManual.MYSQL_ONLINE_DDL));
    }

    private static MyRule rule(MyOperation op, String version) {
        return MyRules.forOperation(op, MyEngine.parse(version));
    }
}
