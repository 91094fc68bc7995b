package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MySQL/MariaDB shape fixture and every bundled Dify MySQL release survives dump → model →
 * snapshot JSON → model unchanged: what the dump reader builds, a snapshot keeps.
 */
class MysqlShapesSnapshotTest {

    static List<Path> fixtures() {
        try (Stream<Path> files = Files.list(MysqlShapesRoundTripTest.DIR)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> difyReleases() {
        return Samples.mysqlVersions().stream().filter(v -> !v.contains("patched")).map(v -> "dify:" + v + "/mysql").toList();
    }

    static void assertSurvivesASnapshot(Loaded read) {
        assertFalse(read.schema().tables().isEmpty(), read.label());
        String json = Snapshots.toJson(read);
        Loaded back = Snapshots.read("snapshot.json", json);
        assertEquals(read.schema(), back.schema(), () -> SchemaDifference.describe(read.schema(), back.schema()));
        assertEquals(json, Snapshots.toJson(new Loaded(read.label(), back.schema(), List.of())), "written again, byte for byte");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aShapeFixture(Path file) {
        assertSurvivesASnapshot(MysqlDumpReader.read(file));
    }

    @ParameterizedTest
    @MethodSource("difyReleases")
    void aDifyMysqlRelease(String spec) {
        assertSurvivesASnapshot(Sources.load(spec, null));
    }
}
