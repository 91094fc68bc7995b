package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Dify MariaDB dump reads completely and agrees with the independent counts beside it. */
class MysqlDumpReaderDifyTest {

    static List<String> versions() {
        return Samples.mysqlVersions();
    }

    static Schema read(String version) {
        return MysqlDumpReader.read(Samples.mysql(version)).schema();
    }

    static Table table(Schema s, String name) {
        return s.table(QName.of("", name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    static Column column(Schema s, String table, String column) {
        return table(s, table).column(column).orElseThrow(() -> new AssertionError("no column " + table + "." + column));
    }

    /** "columns=N indexes=M" per table, from the .tables.txt file (primary and unique keys count as indexes). */
    static Map<String, String> expectedCounts(String version) throws IOException {
        Path p = Samples.root().resolve("mysql/dify-" + version + ".tables.txt");
        try (Stream<String> lines = Files.lines(p)) {
            return lines.map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1] + " " + f[2], (a, b) -> a, TreeMap::new));
        }
    }

    static Map<String, String> actualCounts(Schema schema) {
        Map<String, String> actual = new TreeMap<>();
        for (Table t : schema.tables()) {
            long keys = t.constraints().stream()
                    .filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY || c.kind() == Constraint.Kind.UNIQUE).count();
            actual.put(t.name().name(), "columns=" + t.columns().size() + " indexes=" + (t.indexes().size() + keys));
        }
        return actual;
    }

    @ParameterizedTest
    @MethodSource("versions")
    void columnAndIndexCountsMatchTheTablesFile(String version) throws IOException {
        Loaded result = MysqlDumpReader.read(Samples.mysql(version));
        assertEquals(expectedCounts(version), actualCounts(result.schema()));
        assertEquals(List.of(), result.warnings());
        assertEquals(Engine.MARIADB, result.schema().engine());
        assertNull(result.schema().serverVersion(), "--skip-comments dumps carry no version");
    }

    @Test
    void thePatchedReleaseAddsOneTableAndOneIndexOverTheHalfMigratedOne() {
        Schema broken = read("1.11.4");
        Schema patched = read("1.11.4.patched-32196");
        assertEquals(107, broken.tables().size()); // 106 Dify tables and alembic_version
        List<Table> added = patched.tables().stream().filter(t -> !broken.tables().contains(t)).toList();
        assertEquals(List.of("tenant_credit_pools", "workflow_runs"), added.stream().map(t -> t.name().name()).toList());
        List<String> newIndexes = table(patched, "workflow_runs").indexes().stream()
                .filter(i -> !table(broken, "workflow_runs").indexes().contains(i)).map(Index::name).toList();
        assertEquals(List.of("workflow_run_created_at_id_idx"), newIndexes);
    }

    @Test
    void namesHaveNoDatabaseAndTablesKeepTheirDefaultCollation() {
        Table accounts = table(read("1.10.1"), "accounts");
        assertEquals(QName.of("", "accounts"), accounts.name());
        assertEquals("utf8mb4_general_ci", accounts.collation());
        assertEquals(new Constraint("PRIMARY", Constraint.Kind.PRIMARY_KEY, List.of("id"), "PRIMARY KEY (id)",
                false, false, true), accounts.primaryKey().orElseThrow());
    }

    @Test
    void mariadbJsonColumnsAreJsonWithoutTheirCheck() {
        // `inputs` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(`inputs`)),
        Schema s = read("1.12.1.patched-32196");
        Table conversations = table(s, "conversations");
        Column inputs = conversations.column("inputs").orElseThrow();
        assertEquals(DataType.of("json"), inputs.type());
        assertNull(inputs.collation());
        assertEquals(false, inputs.nullable());
        assertEquals(List.of(), conversations.constraints().stream().filter(c -> c.kind() == Constraint.Kind.CHECK).toList());
        // `inputs` longtext DEFAULT NULL, (a plain Dify LongText stays longtext)
        assertEquals(DataType.of("longtext"), column(s, "workflow_runs", "inputs").type());
    }

    @Test
    void typesAndDefaultsAreCanonical() {
        Schema s = read("1.12.1.patched-32196");
        // `created_at` datetime NOT NULL DEFAULT current_timestamp(),
        Column created = column(s, "workflow_runs", "created_at");
        assertEquals(DataType.of("datetime"), created.type());
        assertEquals("CURRENT_TIMESTAMP", created.defaultExpr());
        // `install_permission` varchar(16) NOT NULL DEFAULT 'everyone',
        assertEquals("'everyone'", column(s, "account_plugin_permissions", "install_permission").defaultExpr());
        // `total_tokens` bigint(20) NOT NULL DEFAULT 0,  (int display widths are dropped)
        Column tokens = column(s, "workflow_runs", "total_tokens");
        assertEquals(DataType.of("bigint"), tokens.type());
        assertEquals("0", tokens.defaultExpr());
        // `id` char(36) NOT NULL,
        assertEquals(DataType.of("char", 36), column(s, "workflow_runs", "id").type());
    }

    @Test
    void descendingKeyPartsAreKept() {
        // KEY `workflow_run_triggered_idx` (... ,`created_at` DESC) style keys in 1.12.1
        Schema s = read("1.12.1.patched-32196");
        List<Index.IndexKey> desc = s.tables().stream().flatMap(t -> t.indexes().stream())
                .flatMap(i -> i.keys().stream()).filter(Index.IndexKey::descending).toList();
        assertTrue(!desc.isEmpty());
    }
}
