package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Column;
import io.schemaplan.model.Constraint;
import io.schemaplan.model.DataType;
import io.schemaplan.model.Engine;
import io.schemaplan.model.Index;
import io.schemaplan.model.QName;
import io.schemaplan.model.Schema;
import io.schemaplan.model.Table;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every Dify release dump reads completely, and agrees with the independent counts beside it. */
class PgDumpReaderDifyTest {

    static List<String> versions() {
        return Samples.postgresVersions();
    }

    private static Schema read(String version) {
        return PgDumpReader.read(Samples.postgres(version)).schema();
    }

    private static Table table(Schema s, String name) {
        return s.table(QName.of("public", name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    /** "name columns=N indexes=M" per table, from the .tables.txt file. */
    private static Map<String, String> expectedCounts(String version) throws IOException {
        Path p = Samples.root().resolve("postgres/dify-" + version + ".tables.txt");
        try (Stream<String> lines = Files.lines(p)) {
            return lines.map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1] + " " + f[2], (a, b) -> a, TreeMap::new));
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void columnAndIndexCountsMatchTheTablesFile(String version) throws IOException {
        Loaded result = PgDumpReader.read(Samples.postgres(version));
        Map<String, String> actual = new TreeMap<>();
        for (Table t : result.schema().tables()) {
            long keys = t.constraints().stream()
                    .filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY || c.kind() == Constraint.Kind.UNIQUE).count();
            actual.put(t.name().name(), "columns=" + t.columns().size() + " indexes=" + (t.indexes().size() + keys));
        }
        assertEquals(expectedCounts(version), actual);
        assertEquals(List.of(), result.warnings());
        assertEquals("15.18", result.schema().serverVersion());
        assertEquals(Engine.POSTGRES, result.schema().engine());
    }

    @Test
    void workflowRunsTotalTokensBecameBigintIn0153() {
        assertEquals(DataType.of("bigint"), table(read("0.15.3"), "workflow_runs").column("total_tokens").orElseThrow().type());
        assertEquals(DataType.of("integer"), table(read("0.14.2"), "workflow_runs").column("total_tokens").orElseThrow().type());
    }

    @Test
    void defaultsLoseTheServersRedundantCast() {
        Schema s = read("1.12.1");
        Column permission = table(s, "account_plugin_permissions").column("install_permission").orElseThrow();
        assertEquals("'everyone'", permission.defaultExpr());
        assertEquals(new DataType("varchar", 16, null, 0), permission.type());
        assertEquals(false, permission.nullable());
        Column id = table(s, "workflow_runs").column("id").orElseThrow();
        assertEquals("public.uuid_generate_v4()", id.defaultExpr());
        Column created = table(s, "workflow_runs").column("created_at").orElseThrow();
        assertEquals("CURRENT_TIMESTAMP(0)", created.defaultExpr());
        assertEquals(DataType.of("timestamp"), created.type());
    }

    @Test
    void serialDefaultsComeFromTheLaterAlterTable() {
        Schema s = read("1.12.1");
        Column id = table(s, "invitation_codes").column("id").orElseThrow();
        assertEquals("nextval('public.invitation_codes_id_seq'::regclass)", id.defaultExpr());
        var seq = s.sequences().stream().filter(q -> q.name().name().equals("invitation_codes_id_seq")).findFirst().orElseThrow();
        assertEquals("public.invitation_codes.id", seq.ownedBy());
        assertEquals("integer", seq.dataType());
    }

    @Test
    void theGinIndexesHaveMethodGin() {
        Schema s = read("1.12.1");
        Map<String, String> gin = Map.of("documents", "document_metadata_idx", "datasets", "retrieval_model_idx",
                "data_source_oauth_bindings", "source_info_idx");
        gin.forEach((table, index) -> {
            Index i = table(s, table).indexes().stream().filter(x -> x.name().equals(index)).findFirst().orElseThrow();
            assertEquals("gin", i.method(), index);
        });
        long ginCount = s.tables().stream().flatMap(t -> t.indexes().stream()).filter(i -> i.method().equals("gin")).count();
        assertEquals(3, ginCount);
    }

    @Test
    void theUuidExtensionAndFunctionsAreRead() {
        Schema s = read("1.12.1");
        assertTrue(s.extensions().stream().anyMatch(e -> e.name().equals("uuid-ossp") && "public".equals(e.schema())));
        var uuidv7 = s.routines().stream().filter(r -> r.name().equals(QName.of("public", "uuidv7"))).findFirst().orElseThrow();
        assertEquals("uuid", uuidv7.returns());
        assertEquals("sql", uuidv7.language());
        assertEquals(List.of("PARALLEL SAFE"), uuidv7.attributes());
        assertTrue(uuidv7.body().contains("set_bit("), uuidv7.body());
        assertTrue(uuidv7.comment().startsWith("Generate a uuid-v7 value"));
    }
}
