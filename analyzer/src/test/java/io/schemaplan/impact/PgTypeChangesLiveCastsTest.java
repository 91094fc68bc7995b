package io.schemaplan.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.Change;
import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.BinaryCast;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Stats;
import io.schemaplan.read.PostgresCatalogReader;
import io.schemaplan.read.PostgresStatsReader;
import io.schemaplan.read.StatsJson;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a live PostgreSQL source, whether a type change rewrites the table comes from that server's own
 * pg_cast, extension types included; dumps keep the generated table. The database has citext and a cast
 * the generated table cannot know ({@code CREATE CAST (bigint AS timestamp) WITHOUT FUNCTION}): the server
 * keeps the table's file across it, the live read says so, the generated table says rewrite.
 */
class PgTypeChangesLiveCastsTest {
    private static final String DB = "sp_mysqltruth_pgcast";
    private static Schema from;
    private static Schema to;
    private static Stats stats;
    private static long fileBefore;
    private static long fileAfter;

    @BeforeAll
    static void alterOnTheServer() throws SQLException {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.exec(DB, "CREATE EXTENSION citext;"
                + " CREATE CAST (bigint AS timestamp) WITHOUT FUNCTION AS ASSIGNMENT;"
                + " CREATE TABLE t (id int PRIMARY KEY, v varchar(100), n bigint); CREATE INDEX t_v ON t (v);"
                + " INSERT INTO t SELECT g, 'v' || g, g FROM generate_series(1, 3000) g; ANALYZE t;");
        from = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
        stats = PostgresStatsReader.read(LocalPostgres.url(DB));
        fileBefore = relfilenode();
        LocalPostgres.exec(DB, "ALTER TABLE t ALTER COLUMN v TYPE citext, ALTER COLUMN n TYPE timestamp");
        fileAfter = relfilenode();
        to = PostgresCatalogReader.read(LocalPostgres.url(DB), null);
    }

    @AfterAll
    static void drop() {
        LocalPostgres.dropDatabase(DB);
    }

    private static long relfilenode() throws SQLException {
        try (Connection c = LocalPostgres.connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = 't'")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** The operation planned for the type change of {@code column}, with these statistics (or none). */
    private static PgOperation operation(String column, Stats s) {
        PgImpacts impacts = new PgImpacts(from, to, s);
        List<PgOperation> ops = SchemaDiff.diff(from, to).stream()
                .filter(c -> c instanceof Change.ColumnTypeChanged t && t.to().name().equals(column))
                .flatMap(c -> impacts.steps(c).stream()).map(PgImpacts.Step::operation).toList();
        assertEquals(1, ops.size(), column + ": " + ops);
        return ops.get(0);
    }

    @Test
    void theLiveReadCarriesTheServersCastsExtensionTypesIncluded() {
        assertTrue(stats.binaryCasts().contains(new BinaryCast("character varying", "citext", List.of("btree", "hash"))),
                stats.binaryCasts().toString());
        // Its own cast too: bigint's btree class (integer_ops) is not timestamp's, so a btree index would be rebuilt.
        assertTrue(stats.binaryCasts().stream().anyMatch(c -> c.source().equals("bigint")
                && c.target().equals("timestamp without time zone") && c.rebuiltIndexMethods().contains("btree")),
                stats.binaryCasts().toString());
        // A statistics file written from the live read carries them too.
        assertEquals(stats.binaryCasts(), StatsJson.parse("s.json", StatsJson.toJson(stats)).binaryCasts());
    }

    @Test
    void varcharToCitextKeepsTheTableButRebuildsItsIndexFromTheLiveCasts() {
        assertEquals(PgOperation.ALTER_TYPE_REINDEX, operation("v", stats));
    }

    @Test
    void aCastOnlyThisServerHasKeepsTheTableAndOnlyTheLiveReadKnowsIt() {
        assertEquals(fileBefore, fileAfter, "the server rewrote t: the cast is not binary-coercible after all");
        assertEquals(PgOperation.ALTER_TYPE_BINARY_COERCIBLE, operation("n", stats));
        // Without the live facts (a dump, a stats file from the psql script) the generated table applies.
        assertEquals(PgOperation.ALTER_TYPE_REWRITE, operation("n", null));
        assertNotEquals(operation("n", null), operation("n", stats));
    }

    @Test
    void thePlanSaysWhereItsCastsCameFrom() {
        List<Change> changes = SchemaDiff.diff(from, to);
        Plan live = Planner.plan(new Planner.Input("from", "to", from, to, changes, stats, "live", Profile.DEFAULT, 15, true));
        Plan none = Planner.plan(new Planner.Input("from", "to", from, to, changes, null, null, Profile.DEFAULT, 15, true));
        assertTrue(live.assumptions().stream().anyMatch(a -> a.contains("the server's own pg_cast")), live.assumptions().toString());
        assertTrue(none.assumptions().stream().anyMatch(a -> a.contains("casts of a stock PostgreSQL")), none.assumptions().toString());
    }
}
