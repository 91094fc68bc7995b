package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.impact.MyRule.Algorithm;
import io.schemaplan.impact.MyRule.Lock;
import io.schemaplan.impact.MyRulesMeasuredTest.Measured;
import io.schemaplan.model.Schema;
import io.schemaplan.read.MysqlCatalogReader;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.read.PgDumpReader;
import io.schemaplan.testing.LocalMariadb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table options, column order and character sets, measured on the local MariaDB the way
 * {@link MyRulesMeasuredTest} measures (every ALGORITHM × LOCK pair on a fresh table of 3,000 rows; a new
 * tablespace id is a rebuild, 3,000 rows affected a copy), and planned from what the server itself prints:
 * the table is dumped with mariadb-dump before and after the clause, both dumps are read and diffed, and
 * the live catalog after the clause must read to the same model as the dump after it.
 */
class MyTableOptionsMeasuredTest {
    private static final String DB = "sp_mysqltruth_measured";
    private static final String DUMPS = "sp_mysqltruth_dumps";
    private static final String TABLE = "CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB;"
            + " CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b varchar(100), d int NOT NULL, KEY t_a (a))"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;";
    private static final String INDEX_B = " ALTER TABLE t ADD KEY t_b (b);";
    private static final String TO_UTF8MB3 = " ALTER TABLE t CONVERT TO CHARACTER SET utf8mb3;";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void databases() {
        for (String db : List.of(DB, DUMPS)) {
            LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`",
                    "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
    }

    @AfterAll
    static void dropDatabases() {
        for (String db : List.of(DB, DUMPS)) LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`");
    }

    private static MyRule rule(MyOperation op) {
        return MyRules.forOperation(op, MariadbProbe.profile());
    }

    /** Measures {@code clause} after {@code setup} and checks it against the rule of {@code op}. */
    private static Measured measured(MyOperation op, String setup, String clause, String cheapest) throws SQLException {
        Measured m = MyRulesMeasuredTest.measure(DB, setup, "", clause);
        m.is(rule(op));
        assertEquals(cheapest, m.algorithm() + "/" + m.lock(), op + ": " + clause);
        return m;
    }

    /**
     * The operations the plan gives for {@code clause}: table t is created (with {@code setup}) and dumped,
     * altered and dumped again; the dumps are diffed. The live catalog afterwards reads as the second dump.
     */
    private static List<MyOperation> planned(String setup, String clause) throws IOException {
        String sql = "DROP TABLE IF EXISTS t, p; " + TABLE + setup;
        List<String> statements = new java.util.ArrayList<>(List.of(sql.split(";")));
        statements.removeIf(String::isBlank);
        LocalMariadb.exec(DUMPS, statements.toArray(String[]::new));
        Schema before = dumped("before");
        LocalMariadb.exec(DUMPS, "ALTER TABLE t " + clause);
        Schema after = dumped("after");
        Schema live = MysqlCatalogReader.read(LocalMariadb.url(DUMPS)).schema();
        assertEquals(after.tables(), live.tables(), "the dump and the live catalog read to one model");
        return SchemaDiff.diff(before, after).stream().flatMap(c -> MyImpacts.operations(c, before, after).stream()).toList();
    }

    private static Schema dumped(String name) throws IOException {
        Path file = LocalMariadb.dump(DUMPS, Files.createTempFile(tmp, name, ".sql"));
        return MysqlDumpReader.read(file).schema();
    }

    @Test
    void changingTheRowFormatRebuildsTheTableInPlaceWhileWritesGoOn() throws Exception {
        assertTrue(measured(MyOperation.ROW_FORMAT, "", "ROW_FORMAT=COMPACT", "INPLACE/NONE").rebuilt());
        assertTrue(measured(MyOperation.ROW_FORMAT, "", "ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8", "INPLACE/NONE").rebuilt());
        assertEquals(List.of(MyOperation.ROW_FORMAT), planned("", "ROW_FORMAT=COMPACT"));
        assertEquals(List.of(MyOperation.ROW_FORMAT), planned("", "ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"));
    }

    @Test
    void aSmallerKeyBlockSizeRebuildsTheCompressedTableInPlace() throws Exception {
        String compressed = " ALTER TABLE t ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;";
        assertTrue(measured(MyOperation.KEY_BLOCK_SIZE, compressed, "KEY_BLOCK_SIZE=4", "INPLACE/NONE").rebuilt());
        assertEquals(List.of(MyOperation.KEY_BLOCK_SIZE), planned(compressed, "KEY_BLOCK_SIZE=4"));
    }

    @Test
    void anExplicitDynamicRowFormatIsTheDefaultAndNoChange() throws Exception {
        assertEquals(List.of(), planned("", "ROW_FORMAT=DYNAMIC"));
    }

    @Test
    void addingAColumnToACompressedTableRebuildsIt() throws Exception {
        String compressed = " ALTER TABLE t ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;";
        assertTrue(measured(MyOperation.ADD_COLUMN_TO_COMPRESSED_TABLE, compressed, "ADD COLUMN z int",
                "INPLACE/NONE").rebuilt());
        assertEquals(List.of(MyOperation.ADD_COLUMN_TO_COMPRESSED_TABLE), planned(compressed, "ADD COLUMN z int"));
    }

    @Test
    void movingATableToAriaCopiesEveryRowEvenWhenInstantIsAskedFor() throws Exception {
        Measured m = MyRulesMeasuredTest.measure(DB, "", "", "ENGINE=Aria");
        MyRule rule = rule(MyOperation.CHANGE_ENGINE);
        // The server's answer: the cheapest pair it accepts is INSTANT with LOCK=SHARED, and it copies anyway.
        assertEquals(Algorithm.INSTANT + "/" + Lock.SHARED, m.algorithm() + "/" + m.lock(), m.accepted().toString());
        assertEquals(MyRulesMeasuredTest.ROWS, m.rowsCopied());
        assertTrue(m.rebuilt(), "t left InnoDB");
        // The rule says what really happens, and says that the INSTANT clause does not protect.
        assertEquals(Algorithm.COPY + "/" + Lock.SHARED, rule.algorithm() + "/" + rule.lock());
        assertTrue(rule.copiesTable());
        assertTrue(rule.message().contains("accepts ALGORITHM=INSTANT") && rule.message().contains("copies anyway"),
                rule.message());
        assertEquals(List.of(MyOperation.CHANGE_ENGINE), planned("", "ENGINE=Aria"));
    }

    @Test
    void movingAColumnIsInstantOnMariadbAndAChangeOnlyThere() throws Exception {
        assertFalse(measured(MyOperation.REORDER_COLUMN, "", "MODIFY d int NOT NULL AFTER id", "INSTANT/NONE").rebuilt());
        assertFalse(measured(MyOperation.REORDER_COLUMN, "", "MODIFY b varchar(100) FIRST", "INSTANT/NONE").rebuilt());
        assertEquals(List.of(MyOperation.REORDER_COLUMN), planned("", "MODIFY d int NOT NULL AFTER id"));
        // Two columns swapped around a third: the fewest moves, one each.
        assertEquals(List.of(MyOperation.REORDER_COLUMN, MyOperation.REORDER_COLUMN),
                planned("", "MODIFY a int FIRST, MODIFY d int NOT NULL AFTER a"));
        // PostgreSQL cannot move a column and compares no order: the same swap there is no change.
        String pg = "CREATE TABLE public.t (\n    id integer NOT NULL,\n    a integer,\n    d integer\n);\n";
        String swapped = "CREATE TABLE public.t (\n    id integer NOT NULL,\n    d integer,\n    a integer\n);\n";
        assertEquals(List.of(), SchemaDiff.diff(pg(pg), pg(swapped)));
    }

    private static Schema pg(String sql) {
        return PgDumpReader.read("t.sql", sql.getBytes(StandardCharsets.UTF_8)).schema();
    }

    @Test
    void convertingFromUtf8mb3ToUtf8mb4InTheSameSortOrderIsInstantIndexesIncluded() throws Exception {
        String mb3 = INDEX_B + TO_UTF8MB3;
        Measured m = measured(MyOperation.CONVERT_TO_UTF8MB4, mb3,
                "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", "INSTANT/NONE");
        assertFalse(m.rebuilt());
        assertEquals(List.of(MyOperation.CONVERT_TO_UTF8MB4),
                planned(mb3, "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"));
    }

    @Test
    void convertingToAnotherSortOrderRebuildsOnlyTheIndexesOnCharacterColumns() throws Exception {
        String clause = "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        assertFalse(measured(MyOperation.CONVERT_COLLATION, "", clause, "INSTANT/NONE").rebuilt());
        assertFalse(measured(MyOperation.CONVERT_COLLATION_INDEXED, INDEX_B, clause, "NOCOPY/NONE").rebuilt());
        assertFalse(measured(MyOperation.CONVERT_COLLATION_INDEXED, INDEX_B + TO_UTF8MB3, clause, "NOCOPY/NONE").rebuilt());
        assertEquals(List.of(MyOperation.CONVERT_COLLATION), planned("", clause));
        assertEquals(List.of(MyOperation.CONVERT_COLLATION_INDEXED), planned(INDEX_B, clause));
        assertEquals(List.of(MyOperation.CONVERT_COLLATION_INDEXED), planned(INDEX_B + TO_UTF8MB3, clause));
    }

    @Test
    void convertingFromLatin1CopiesTheTable() throws Exception {
        String latin1 = " ALTER TABLE t CONVERT TO CHARACTER SET latin1;";
        Measured m = measured(MyOperation.CONVERT_CHARSET, latin1, "CONVERT TO CHARACTER SET utf8mb4", "COPY/SHARED");
        assertEquals(MyRulesMeasuredTest.ROWS, m.rowsCopied());
        assertEquals(List.of(MyOperation.CONVERT_CHARSET), planned(latin1, "CONVERT TO CHARACTER SET utf8mb4"));
    }

    @Test
    void convertingATableWithAnEnumColumnCopiesItWhateverTheSortOrder() throws Exception {
        String enumColumn = " ALTER TABLE t ADD COLUMN e enum('x','y') DEFAULT 'x';";
        String clause = "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        assertEquals(MyRulesMeasuredTest.ROWS, measured(MyOperation.CONVERT_CHARSET, enumColumn, clause, "COPY/SHARED")
                .rowsCopied());
        assertEquals(MyRulesMeasuredTest.ROWS, measured(MyOperation.CONVERT_CHARSET, enumColumn + TO_UTF8MB3,
                "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", "COPY/SHARED").rowsCopied());
        assertEquals(List.of(MyOperation.CONVERT_CHARSET), planned(enumColumn, clause));
        String own = "MODIFY e enum('x','y') COLLATE utf8mb4_unicode_ci DEFAULT 'x'";
        measured(MyOperation.COLUMN_CHARSET_CHANGE, enumColumn, own, "COPY/SHARED");
        assertEquals(List.of(MyOperation.COLUMN_CHARSET_CHANGE), planned(enumColumn, own));
    }

    @Test
    void changingOnlyTheTableDefaultCharsetIsInstantAndColumnsThatKeepTheirsAreUnchanged() throws Exception {
        assertFalse(measured(MyOperation.TABLE_DEFAULT_CHARSET, TO_UTF8MB3, "DEFAULT CHARSET=utf8mb4", "INSTANT/NONE")
                .rebuilt());
        // The dump after it names utf8mb3 on column b, which had inherited it: b did not change.
        assertEquals(List.of(MyOperation.TABLE_DEFAULT_CHARSET), planned(TO_UTF8MB3, "DEFAULT CHARSET=utf8mb4"));
        assertEquals(List.of(MyOperation.TABLE_DEFAULT_CHARSET),
                planned("", "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"));
    }

    @Test
    void aColumnMovedToUtf8mb4InAnotherSortOrderRebuildsItsIndex() throws Exception {
        String mb3Indexed = " ALTER TABLE t MODIFY b varchar(100) CHARACTER SET utf8mb3, ADD KEY t_b (b);";
        String clause = "MODIFY b varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        assertFalse(measured(MyOperation.COLUMN_COLLATION_INDEXED, mb3Indexed, clause, "NOCOPY/NONE").rebuilt());
        assertEquals(List.of(MyOperation.COLUMN_COLLATION_INDEXED), planned(mb3Indexed, clause));
        String same = "MODIFY b varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
        assertFalse(measured(MyOperation.COLUMN_CHARSET_TO_UTF8MB4, mb3Indexed, same, "INSTANT/NONE").rebuilt());
        assertEquals(List.of(MyOperation.COLUMN_CHARSET_TO_UTF8MB4), planned(mb3Indexed, same));
    }

    @Test
    void everyNewOperationIsPlannedThroughTheChangeDescriptions() throws Exception {
        String text = io.schemaplan.report.ChangeText.describe(new Change.TableChanged(
                oneTable("ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"), oneTable("ROW_FORMAT=COMPACT")));
        assertTrue(text.contains("ROW_FORMAT COMPRESSED -> COMPACT") && text.contains("KEY_BLOCK_SIZE 8 -> (none)"), text);
    }

    /** A one-table MariaDB dump with these table options, read. */
    private static io.schemaplan.model.Table oneTable(String options) {
        String sql = "/*M!999999\\- enable the sandbox mode */\nCREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n"
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 " + options + ";\n";
        return MysqlDumpReader.read("t.sql", sql.getBytes(StandardCharsets.UTF_8)).schema().tables().get(0);
    }
}
