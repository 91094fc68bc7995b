package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.diff.SchemaDiff;
import io.schemaplan.dify.DifyRelease;
import io.schemaplan.dify.ReleaseCatalog;
import io.schemaplan.model.QName;
import io.schemaplan.model.Routine;
import io.schemaplan.model.Schema;
import io.schemaplan.testing.LocalPostgres;
import io.schemaplan.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, item 7: one schema, however it is read, is one model. For every fixture and every bundled Dify
 * release: the dump, the database restored from it, a snapshot of either read back, and (for Dify) the
 * {@code dify:} catalog entry give the same model; where the sources differ in what they can know (the server
 * and extension versions) the diff between them is empty.
 */
class PgRoundTripPropertyTest {

    static Stream<String> fixtures() {
        return Stream.concat(PgShapesRoundTripTest.RESTORABLE.stream().map(f -> "shapes/" + f),
                Stream.of("features.dump.sql"));
    }

    static Stream<String> difyReleases() {
        return ReleaseCatalog.bundled().ofEngine(DifyRelease.POSTGRES).stream()
                .filter(r -> r.variant() == null && java.nio.file.Files.exists(Samples.postgres(r.version())))
                .map(DifyRelease::version);
    }

    static Schema throughSnapshot(Schema schema) {
        return Snapshots.read("round-trip", Snapshots.toJson(new Loaded("round-trip", schema, List.of()))).schema();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aFixtureReadsToOneModelFromTheDumpTheDatabaseAndTheirSnapshots(String fixture) {
        Path dump = Path.of("src/test/resources/pg").resolve(fixture);
        Schema fromDump = PgDumpReader.read(dump).schema();
        assertEquals(fromDump, throughSnapshot(fromDump), "dump -> snapshot -> model");
        PgShapesRoundTripTest.withRestored("prop_" + Path.of(fixture).getFileName().toString().replaceAll("\\W", "_"), dump, url -> {
            Schema live = PostgresCatalogReader.read(url, null);
            assertEquals(live, throughSnapshot(live), "live -> snapshot -> model");
            assertEquals(List.of(), SchemaDiff.diff(fromDump, live), "dump against live");
            assertEquals(List.of(), SchemaDiff.diff(throughSnapshot(fromDump), throughSnapshot(live)), "their snapshots");
        });
    }

    @ParameterizedTest
    @MethodSource("difyReleases")
    void aDifyReleaseReadsToOneModelFromTheDumpTheCatalogTheDatabaseAndSnapshots(String version) {
        Schema fromDump = PgDumpReader.read(Samples.postgres(version)).schema();
        Schema fromCatalog = Sources.load("dify:" + version, null).schema();
        assertEquals(fromDump, fromCatalog, () -> "dump vs dify:" + version + "\n" + SchemaDifference.describe(fromDump, fromCatalog));
        assertEquals(fromDump, throughSnapshot(fromDump), "dump -> snapshot -> model");
        assertEquals(fromCatalog, throughSnapshot(fromCatalog), "dify: -> snapshot -> model");
        Schema live = PostgresCatalogReader.read(LocalPostgres.url(LocalPostgres.restoredDump(Samples.postgres(version))), null);
        assertEquals(List.of(), SchemaDiff.diff(fromCatalog, live), "dify:" + version + " against its restored database");
        assertEquals(live, throughSnapshot(live), "live -> snapshot -> model");
    }

    /** The bug this test found: a routine without arguments came back from a snapshot as uuidv7(null). */
    @Test
    void aRoutineWithoutArgumentsKeepsItsSignatureThroughASnapshot() {
        Routine uuidv7 = Sources.load("dify:1.12.1", null).schema().routines().stream()
                .filter(r -> r.name().equals(QName.of("public", "uuidv7"))).findFirst().orElseThrow();
        assertEquals("public.uuidv7()", uuidv7.signature());
        assertEquals("", uuidv7.arguments());
    }
}
