package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.model.View;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalMariadb;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our own small dumps in the shapes real mysqldump 5.7, mariadb-dump 10.11 / 11.4 and Navicat files have
 * (resources/mysql/shapes/), each restored with the {@code mariadb} client into the local MariaDB 10.11:
 * the dump and the database restored from it read to the same tables and views, so a diff between them
 * has no change. MySQL 8.0/8.4 dumps cannot be restored here ({@link MysqlShapesDumpOnlyTest} says why).
 */
class MysqlShapesRoundTripTest {
    static final Path DIR = Path.of("src/test/resources/mysql/shapes");
    static final List<String> RESTORABLE = List.of("mysqldump-5.7", "mariadb-dump-10.11", "mariadb-dump-11.4", "navicat-5.7");
    static final Map<String, String> DATABASES = new LinkedHashMap<>();

    @BeforeAll
    static void restore() {
        for (String name : RESTORABLE) {
            String db = LocalMariadb.freshDatabase("myshapes_" + name.replaceAll("[^A-Za-z0-9]", "_"));
            DATABASES.put(name, db);
            LocalMariadb.clientFile(db, file(name));
        }
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.values().forEach(db -> LocalMariadb.exec("mysql", "DROP DATABASE IF EXISTS `" + db + "`"));
    }

    static Path file(String name) {
        return DIR.resolve(name + ".sql");
    }

    static Loaded dump(String name) {
        return MysqlDumpReader.read(file(name));
    }

    static Loaded live(String name) {
        return MysqlCatalogReader.read(LocalMariadb.url(DATABASES.get(name)));
    }

    /** The schema's tables and views by name, under one engine and version, so two reads compare whole. */
    static Schema comparable(Schema s) {
        return new Schema(Engine.MARIADB, null, s.namespaces(), s.extensions(), s.enums(), s.sequences(),
                s.tables().stream().sorted(Comparator.comparing(t -> t.name().toString())).toList(),
                s.views().stream().sorted(Comparator.comparing(v -> v.name().toString())).toList(), s.routines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysqldump-5.7", "mariadb-dump-10.11", "mariadb-dump-11.4", "navicat-5.7"})
    void theDumpAndTheDatabaseRestoredFromItReadAlike(String name) {
        Schema d = comparable(dump(name).schema());
        Schema l = comparable(live(name).schema());
        assertFalse(d.tables().isEmpty());
        assertEquals(d, l, () -> SchemaDifference.describe(d, l));
        assertEquals(List.of(), SchemaDiff.diff(dump(name).schema(), live(name).schema()));
        assertEquals(List.of(), SchemaDiff.diff(live(name).schema(), dump(name).schema()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysqldump-5.7", "mariadb-dump-10.11", "mariadb-dump-11.4", "navicat-5.7"})
    void theCliFindsNoDifferenceAndExitsZero(String name) {
        Cli.Result r = Cli.run("diff", "--exit-code", file(name).toString(), LocalMariadb.url(DATABASES.get(name)));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    static Table table(Schema s, String name) {
        return s.table(QName.of("", name)).orElseThrow();
    }

    static Column column(Schema s, String table, String name) {
        return table(s, table).column(name).orElseThrow();
    }

    static Index index(Schema s, String table, String name) {
        return table(s, table).indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- mysqldump 5.7 ----

    @Test
    void mysql57Utf8IsUtf8mb3AtTableAndColumnLevel() {
        Schema s = dump("mysqldump-5.7").schema();
        assertEquals(Engine.MYSQL, s.engine());
        assertEquals("5.7.44", s.serverVersion());
        assertEquals("utf8mb3_general_ci", table(s, "customers").collation());
        assertEquals("utf8mb3_bin", column(s, "customers", "code").collation(), "CHARACTER SET utf8 COLLATE utf8_bin");
        assertEquals("utf8mb3_bin", column(s, "customers", "nick").collation(), "COLLATE utf8_bin alone");
        assertEquals("latin1_swedish_ci", column(s, "customers", "country").collation());
        assertEquals("utf8mb3_unicode_ci", column(s, "legacy", "v").collation());
        assertEquals("latin1_general_ci", table(s, "legacy").collation());
    }

    @Test
    void mysql57Utf8mb4WithoutCollateMeansGeneralCiAndAnExplicitTableCharsetOnAColumnIsInherited() {
        Schema s = dump("mysqldump-5.7").schema();
        assertEquals("utf8mb4_general_ci", table(s, "orders").collation(), "5.7's utf8mb4 default, not 8.0's 0900_ai_ci");
        assertNull(column(s, "orders", "reference").collation(), "CHARACTER SET utf8mb4 in a utf8mb4 table");
        assertEquals("utf8mb3_general_ci", column(s, "orders", "memo").collation());
    }

    @Test
    void mysql57DisplayWidthsGoExceptTinyint1() {
        Schema s = dump("mysqldump-5.7").schema();
        assertEquals(DataType.of("integer"), column(s, "customers", "id").type());
        assertEquals(new DataType("tinyint", 1, null, 0), column(s, "customers", "active").type());
        assertEquals(new DataType("smallint", null, null, 0, true, List.of()), column(s, "customers", "visits").type());
        assertEquals(DataType.of("bigint"), column(s, "customers", "big").type());
        assertEquals(column(s, "customers", "active").type(),
                column(live("mysqldump-5.7").schema(), "customers", "active").type(), "MariaDB keeps tinyint(1) too");
    }

    @Test
    void spatialKeysHaveNoPrefixLiveOrDumped() {
        for (Schema s : List.of(dump("mysqldump-5.7").schema(), live("mysqldump-5.7").schema())) {
            Index spatial = index(s, "customers", "customers_location");
            assertEquals("spatial", spatial.method());
            assertNull(spatial.keys().get(0).prefixLength());
            assertEquals(50, index(s, "customers", "customers_name").keys().get(0).prefixLength());
        }
    }

    @Test
    void viewTextComparesWithoutCharsetIntroducers() {
        View dumped = dump("mysqldump-5.7").schema().views().get(0);
        assertEquals("select `customers`.`id` AS `id`,concat(`customers`.`code`,' ',`customers`.`name`) AS `label`"
                + " from `customers` where `customers`.`active` = 1 and `customers`.`country` <> 'XX'", dumped.definition());
        View emoji = dump("mariadb-dump-11.4").schema().views().get(0);
        assertTrue(emoji.definition().contains("' \uD83D\uDCDD'"), emoji.definition());
        assertTrue(emoji.definition().contains("<> 'it\\'s'"), emoji.definition());
        assertEquals(emoji, live("mariadb-dump-11.4").schema().views().get(0),
                "a 4-byte character information_schema prints as '?' is read from SHOW CREATE VIEW");
    }

    @Test
    void dataIsOneWarningAndRoutinesAreRead() {
        assertEquals(List.of(
                file("mysqldump-5.7") + ":51: skipped 9 data statements (INSERT, LOCK TABLES, ALTER TABLE … DISABLE KEYS,"
                        + " …) from here on: table rows are not part of the schema model"),
                dump("mysqldump-5.7").warnings());
        List<String> w = dump("mariadb-dump-10.11").warnings();
        assertEquals(2, w.size(), w.toString());
        // The sequence is read (MysqlSequencesReadTest); the DO SETVAL after it is its current value, not data.
        assertTrue(w.get(0).endsWith(":60: skipped ignored index places.places_name: index visibility is not part of"
                + " the schema model"), w.get(0));
        assertTrue(w.get(1).matches(".*:70: skipped 9 data statements \\(.*"), w.get(1));
        String url = LocalMariadb.url(DATABASES.get("mariadb-dump-10.11"));
        assertEquals(List.of(),
                live("mariadb-dump-10.11").warnings(), "the live read words them alike");
        assertEquals(List.of("event purge_visits", "function place_count()", "procedure forget_place(p integer)",
                "procedure touch_place(p integer)"), dump("mariadb-dump-10.11").schema().routines().stream()
                .map(r -> r.kind() + " " + r.signature()).sorted().toList());
        Routine close = dump("mysqldump-5.7").schema().routines().get(0);
        assertEquals("before_day date", close.arguments(), "IN is the default mode");
        assertEquals("BEGIN\nDELETE FROM orders WHERE placed_on < before_day;\nEND", close.body(), "indentation goes");
        assertEquals(close, live("mysqldump-5.7").schema().routines().get(0));
    }

    /** Navicat's export, common in public repositories: spaced options, {@code INDEX name(cols) USING BTREE}, no header. */
    @Test
    void navicatShapes() {
        Loaded r = dump("navicat-5.7");
        Schema s = r.schema();
        assertEquals("5.7.44", s.serverVersion(), "Source Server Version : 50744");
        assertEquals(Engine.MYSQL, s.engine());
        assertEquals("utf8mb3_general_ci", table(s, "loans").collation());
        assertEquals("utf8mb3_bin", column(s, "loans", "member").collation());
        assertNull(column(s, "loans", "title").collation());
        assertEquals(new DataType("tinyint", 1, null, 0, true, List.of()), column(s, "loans", "returned").type());
        assertEquals("UNIQUE (title(100), due)", table(s, "loans").constraints().get(1).definition());
        assertEquals("btree", index(s, "loans", "loans_member").method());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    // ---- mariadb-dump 10.11 and 11.4 ----

    @Test
    void mariadbShapes() {
        Schema s = dump("mariadb-dump-10.11").schema();
        assertEquals(Engine.MARIADB, s.engine());
        assertEquals("10.11.19", s.serverVersion());
        assertEquals(DataType.of("json"), column(s, "places", "attrs").type());
        assertEquals(DataType.of("uuid"), column(s, "places", "uid").type());
        assertEquals("uuid()", column(s, "places", "uid").defaultExpr());
        assertEquals("1 + 1", column(s, "places", "score").defaultExpr());
        assertEquals("CURRENT_TIMESTAMP", column(s, "places", "created_at").defaultExpr());
        assertEquals("ON UPDATE CURRENT_TIMESTAMP(3)", column(s, "places", "changed_at").defaultExpr());
        assertTrue(column(s, "places", "secret").invisible());
        assertEquals("utf8mb3_unicode_ci", column(s, "places", "name").collation());
        assertEquals("utf8mb4_general_ci", column(s, "places", "label").collation());
        assertEquals("utf8mb3_general_ci", table(s, "visits").collation());
        assertEquals(1, table(s, "visits").triggers().size());

        Schema e = dump("mariadb-dump-11.4").schema();
        assertEquals("11.4.5", e.serverVersion());
        assertEquals("utf8mb4_uca1400_ai_ci", table(e, "authors").collation());
        assertTrue(table(e, "authors").constraints().stream().anyMatch(c -> c.name().equals("karma")
                && c.definition().equals("CHECK (`karma` >= 0)")), "MariaDB's column CHECK, named after its column");
        assertTrue(index(e, "authors", "authors_joined").keys().get(0).descending());
        assertEquals("char_length(`body`) - char_length(replace(`body`,' ','')) + 1",
                column(e, "notes", "words").generatedExpr());
        assertTrue(column(e, "notes", "words").virtual());
        assertFalse(column(e, "notes", "title_lower").virtual());
        assertEquals(List.of(Constraint.Kind.PRIMARY_KEY, Constraint.Kind.UNIQUE, Constraint.Kind.CHECK),
                table(e, "authors").constraints().stream().map(Constraint::kind).toList());
    }
}
