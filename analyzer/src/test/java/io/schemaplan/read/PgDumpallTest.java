package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pg_dumpall file is never merged into one model: {@code FILE#db} reads one of its databases, a file with
 * one database holding a schema reads it, and a file with several is a one-line error naming them. The
 * fixtures are restored with psql as a whole (roles, databases and all) and each database read back.
 */
class PgDumpallTest {
    static final Path TWO = PgShapesRoundTripTest.SHAPES.resolve("dumpall-two.sql");
    static final Path ONE = PgShapesRoundTripTest.SHAPES.resolve("dumpall-one.sql");
    static final List<String> DATABASES = List.of("sp_pgshapes_app_a", "sp_pgshapes_app_b", "sp_pgshapes_solo");

    @BeforeAll
    static void restore() {
        LocalPostgres.psqlFile("postgres", TWO);
        LocalPostgres.psqlFile("postgres", ONE);
    }

    @AfterAll
    static void drop() {
        DATABASES.forEach(db -> LocalPostgres.exec("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
        LocalPostgres.exec("postgres", "DROP ROLE IF EXISTS sp_pgshapes_reader");
    }

    private static List<QName> tables(Schema s) {
        return s.tables().stream().map(Table::name).toList();
    }

    @Test
    void fileHashDatabaseReadsOnlyThatDatabase() {
        Loaded b = Sources.load(TWO + "#sp_pgshapes_app_b", null);
        assertEquals(List.of(QName.of("ledger", "entries")), tables(b.schema()));
        assertEquals(List.of("ledger"), b.schema().namespaces());
        assertEquals(List.of(), b.warnings(), "roles, databases and grants are skipped quietly");
        assertEquals(TWO + "#sp_pgshapes_app_b", b.label());
        Loaded a = Sources.load(TWO + "#sp_pgshapes_app_a", null);
        assertEquals(List.of(QName.of("public", "accounts")), tables(a.schema()));
    }

    @Test
    void eachDatabaseDiffsToNothingAgainstItsRestoredDatabase() {
        for (String db : List.of("sp_pgshapes_app_a", "sp_pgshapes_app_b")) {
            Schema dump = Sources.load(TWO + "#" + db, null).schema();
            Schema live = PostgresCatalogReader.read(LocalPostgres.url(db), null);
            assertEquals(List.of(), SchemaDiff.diff(dump, live), db);
        }
        Cli.Result r = Cli.run("diff", TWO + "#sp_pgshapes_app_b", LocalPostgres.url("sp_pgshapes_app_b"));
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void aFileWithTwoDatabasesAndNoNameIsAnErrorNamingBoth() {
        Cli.Result r = Cli.badInput("diff", TWO.toString(), TWO + "#sp_pgshapes_app_a");
        String line = r.errLines().get(0);
        assertTrue(line.contains(TWO + ":"), line);
        assertTrue(line.contains("sp_pgshapes_app_a, sp_pgshapes_app_b"), line);
        assertTrue(line.contains(TWO + "#sp_pgshapes_app_a"), line);
    }

    @Test
    void anUnknownDatabaseIsAnErrorListingTheDatabases() {
        String line = Cli.badInput("diff", TWO + "#app_c", TWO + "#sp_pgshapes_app_a").errLines().get(0);
        assertTrue(line.contains("no database 'app_c'"), line);
        assertTrue(line.contains("template1, sp_pgshapes_app_a, sp_pgshapes_app_b, postgres"), line);
    }

    @Test
    void aFileWithOneDatabaseReadsItAndDiffsToNothing() {
        Loaded solo = Sources.load(ONE.toString(), null);
        assertEquals(List.of(QName.of("ledger", "entries")), tables(solo.schema()));
        assertEquals(List.of(), SchemaDiff.diff(solo.schema(),
                PostgresCatalogReader.read(LocalPostgres.url("sp_pgshapes_solo"), null)));
    }

    @Test
    void aTruncatedPgDumpallFileIsAnError(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        String text = java.nio.file.Files.readString(TWO);
        Path cut = dir.resolve("cut.sql");
        java.nio.file.Files.writeString(cut, text.substring(0, text.indexOf("-- Database \"postgres\" dump")));
        String line = Cli.badInput("diff", cut + "#sp_pgshapes_app_a", TWO + "#sp_pgshapes_app_a").errLines().get(0);
        assertTrue(line.contains("without its '-- PostgreSQL database cluster dump complete' footer"), line);
    }

    @Test
    void aHashOnAPlainDumpIsAnError() {
        String line = Cli.badInput("diff", PgShapesRoundTripTest.SHAPES.resolve("postgis.sql") + "#app",
                PgShapesRoundTripTest.SHAPES.resolve("postgis.sql").toString()).errLines().get(0);
        assertTrue(line.contains("read it without '#app'"), line);
    }
}
