package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Constraint;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real Dify releases restored into the local server read back with the counts their .tables.txt lists. */
class CatalogDifyTest {

    @ParameterizedTest
    @MethodSource("io.schemaplan.testing.Samples#postgresVersions")
    void everyTableHasTheColumnsAndIndexesTheReleaseLists(String version) throws IOException {
        String db = LocalPostgres.restoredDump(Samples.postgres(version));
        Schema schema = PostgresCatalogReader.read(LocalPostgres.url(db), null);

        assertEquals(Engine.POSTGRES, schema.engine());
        assertTrue(schema.serverVersion().matches("15\\.\\d+"), schema.serverVersion());
        assertEquals(expectedCounts(version), actualCounts(schema));
    }

    /**
     * The restored database reads as the same model as the dump it was restored from, but for what a dump
     * cannot know: the extension versions, and the server version (the samples come from 15.18).
     */
    @ParameterizedTest
    @MethodSource("io.schemaplan.testing.Samples#postgresVersions")
    void theCatalogOfARestoredReleaseEqualsTheDumpReadOfIt(String version) {
        String db = LocalPostgres.restoredDump(Samples.postgres(version));
        Schema fromDump = PgDumpReader.read(Samples.postgres(version)).schema();
        Schema c = CatalogFeaturesTest.withoutExtensionVersions(PostgresCatalogReader.read(LocalPostgres.url(db), null));
        Schema fromCatalog = new Schema(c.engine(), fromDump.serverVersion(), c.namespaces(), c.extensions(),
                c.enums(), c.sequences(), c.tables(), c.views(), c.routines(), c.domains());
        assertEquals(fromDump, fromCatalog, () -> SchemaDifference.describe(fromDump, fromCatalog));
    }

    /** {@code table columns=N indexes=M}, where primary key and unique constraints count as indexes. */
    private static Map<String, String> expectedCounts(String version) throws IOException {
        Path file = Samples.postgres(version).resolveSibling("dify-" + version + ".tables.txt");
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
                .collect(Collectors.toMap(f -> f[0], f -> f[1] + " " + f[2], (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> actualCounts(Schema schema) {
        return schema.tables().stream().collect(Collectors.toMap(t -> t.name().name(),
                t -> "columns=" + t.columns().size() + " indexes=" + indexCount(t), (a, b) -> a, TreeMap::new));
    }

    private static long indexCount(Table t) {
        return t.indexes().size() + t.constraints().stream()
                .filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY || c.kind() == Constraint.Kind.UNIQUE)
                .count();
    }
}
