package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Schema;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * varchar/text to citext: citext declares binary-coercible casts, so the server keeps the table's file; an
 * index on the column is rebuilt, because citext's operator classes are not text's. The plan must say
 * both, from the generated cast table (scripts/pg-casts.sql), and the table must match this server's pg_cast.
 */
class PgTypeChangesCitextTest {
    private static final String DB = "sp_pgimpact_citext";
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, indexed varchar(100), plain varchar(100),"
            + " body text); CREATE INDEX t_indexed ON t (indexed); CREATE INDEX t_body ON t USING hash (body);"
            + " INSERT INTO t SELECT g, 'v' || g, 'p' || g, 'b' || g FROM generate_series(1, 5000) g;";
    private static Plan plan;
    private static Map<String, Long> before;
    private static Map<String, Long> after;

    @BeforeAll
    static void alterOnTheServer() throws SQLException {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE EXTENSION citext; " + TABLE);
        Schema from = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
        before = files();
        LocalPostgres.exec(DB, "ALTER TABLE t ALTER COLUMN indexed TYPE citext, ALTER COLUMN plain TYPE citext,"
                + " ALTER COLUMN body TYPE citext");
        after = files();
        Schema to = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
        plan = Planner.plan(new Planner.Input("from", "to", from, to, SchemaDiff.diff(from, to), null, null,
                Profile.DEFAULT, 15, true));
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(DB);
    }

    private static Map<String, Long> files() throws SQLException {
        Map<String, Long> files = new HashMap<>();
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname, relfilenode FROM pg_class WHERE relname IN "
                     + "('t', 't_pkey', 't_indexed', 't_body')")) {
            while (rs.next()) files.put(rs.getString(1), rs.getLong(2));
        }
        return files;
    }

    private static PlanItem itemFor(String column) {
        List<PlanItem> items = plan.items().stream().filter(i -> i.change() instanceof Change.ColumnTypeChanged c
                && c.to().name().equals(column)).toList();
        assertEquals(1, items.size(), column + ": " + plan.items());
        return items.get(0);
    }

    @Test
    void theServerKeepsTheTableAndRebuildsTheIndexesOnTheColumn() {
        assertEquals(before.get("t"), after.get("t"), "varchar -> citext rewrote the table");
        assertEquals(before.get("t_pkey"), after.get("t_pkey"), "an index on another column was rebuilt");
        assertNotEquals(before.get("t_indexed"), after.get("t_indexed"), "the btree index on the column was kept");
        assertNotEquals(before.get("t_body"), after.get("t_body"), "the hash index on the column was kept");
    }

    @Test
    void thePlanSaysNoRewriteAndTheIndexRebuild() {
        for (String column : List.of("indexed", "body")) {
            PlanItem i = itemFor(column);
            assertEquals("ALTER_TYPE_REINDEX", i.operation(), column);
            assertEquals(PgRules.REINDEX_TYPE, i.ruleId());
            assertFalse(i.rewritesTable(), column);
            assertTrue(i.rebuildsIndexes(), column);
            assertEquals("ACCESS EXCLUSIVE", i.lock());
        }
        PlanItem plain = itemFor("plain");
        assertEquals("ALTER_TYPE_BINARY_COERCIBLE", plain.operation());
        assertFalse(plain.rewritesTable() || plain.rebuildsIndexes() || plain.scansTable());
    }

    /** Dump spellings: pg_dump writes public.citext; a column without an index keeps everything. */
    @Test
    void theCastTableKnowsCitextQualifiedOrNot() {
        DataType citext = DataType.of("public.citext");
        assertEquals(PgOperation.ALTER_TYPE_BINARY_COERCIBLE, PgTypeChanges.classify(DataType.of("varchar", 50), citext));
        assertEquals(PgOperation.ALTER_TYPE_BINARY_COERCIBLE, PgTypeChanges.classify(DataType.of("text"), DataType.of("citext")));
        assertEquals(PgOperation.ALTER_TYPE_REINDEX,
                PgTypeChanges.classify(DataType.of("text"), citext, false, Set.of("btree")));
        // citext has no gin class: a gin index on a text column (pg_trgm) is not in the rebuilt methods.
        assertEquals(PgOperation.ALTER_TYPE_BINARY_COERCIBLE,
                PgTypeChanges.classify(DataType.of("text"), citext, false, Set.of("gin")));
        // varchar -> text keeps a btree index (varchar uses text_ops).
        assertEquals(PgOperation.ALTER_TYPE_BINARY_COERCIBLE,
                PgTypeChanges.classify(DataType.of("varchar", 50), DataType.of("text"), false, Set.of("btree")));
    }

    /** Every core and citext row of the generated table is a cast WITHOUT FUNCTION on this server. */
    @Test
    void theGeneratedTableMatchesThisServersCatalog() throws Exception {
        String table;
        try (var in = PgTypeChanges.class.getResourceAsStream("pg-binary-casts.tsv")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int checked = 0;
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement()) {
            for (String line : table.split("\n")) {
                String[] f = line.split("\t", -1);
                if (!f[2].isEmpty() && !f[2].equals("citext")) continue;
                try (ResultSet rs = s.executeQuery("SELECT castmethod FROM pg_cast WHERE castsource = '" + f[0]
                        + "'::regtype AND casttarget = '" + f[1] + "'::regtype")) {
                    assertTrue(rs.next(), line);
                    assertEquals("b", rs.getString(1), line);
                }
                checked++;
            }
        }
        assertTrue(checked > 50, "core rows checked: " + checked);
    }
}
