package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.Schema;
import io.schemaplan.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corners where pg_dump prints something other than what the catalog literally holds (partitions,
 * cloned keys and triggers, DEFAULT NULL, dropped columns, routine options): a database made from
 * catalog-edges.sql is dumped with the real pg_dump, and both readers must produce one model.
 */
class CatalogVersusPgDumpTest {
    private static final String DB = "sp_catalog_edges";

    @Test
    void theCatalogReadEqualsTheDumpReadOfAFreshPgDump(@TempDir Path dir) throws IOException, InterruptedException {
        LocalPostgres.freshDatabase(DB);
        LocalPostgres.psqlFile(DB, Path.of("src/test/resources/pg/catalog-edges.sql"));
        Path dump = dir.resolve("edges.sql");
        Process p = new ProcessBuilder("pg_dump", "-s", "--no-owner", "--no-privileges", "-h", LocalPostgres.HOST,
                "-p", String.valueOf(LocalPostgres.PORT), "-U", LocalPostgres.USER, "-f", dump.toString(), DB)
                .inheritIO().start();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pg_dump failed");

        Loaded catalog = PostgresCatalogReader.readWithWarnings(LocalPostgres.url(DB), null);
        Schema fromCatalog = CatalogFeaturesTest.withoutExtensionVersions(catalog.schema());
        Schema fromDump = PgDumpReader.read(dump).schema();

        assertEquals(fromDump, fromCatalog, () -> SchemaDifference.describe(fromDump, fromCatalog));
        assertEquals(List.of("aggregate public.agg(integer) is not compared (skipped)"), catalog.warnings());
    }
}
