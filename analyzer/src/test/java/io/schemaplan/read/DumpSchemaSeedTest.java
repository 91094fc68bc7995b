package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.Schema;
import io.schemaplan.testing.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A finished model made mutable again, for a script to be replayed on it, builds back to the same model. */
class DumpSchemaSeedTest {

    static List<String> versions() {
        return Samples.postgresVersions();
    }

    /** Dumps with what Dify's lack: comments on every kind, domains, views, rules, policies, partitions, inheritance. */
    static List<String> fixtures() {
        return List.of("pg/features.dump.sql", "pg/objects.dump.sql", "pg/shapes/pg96-search-path.sql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void seedingAndBuildingGivesTheSameModelForEveryKindOfObject(String resource) throws Exception {
        Schema read = PgDumpReader.read(java.nio.file.Path.of("src/test/resources", resource)).schema();
        assertEquals(read, DumpSchema.of(read).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void seedingAndBuildingGivesTheSameModel(String version) {
        Schema read = PgDumpReader.read(Samples.postgres(version)).schema();
        assertEquals(read, DumpSchema.of(read).build());
    }
}
