package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemaplan.dify.DifyRelease;
import io.schemaplan.dify.ReleaseCatalog;
import io.schemaplan.testing.Cli;
import io.schemaplan.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that does not have the model's shape is refused on read with one line naming the JSON path,
 * exit 2; before, a column without a type read fine and crashed diff with a NullPointerException.
 */
class SnapshotShapeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static String snapshot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void snapshotOfARealDump() {
        Cli.Result r = Cli.run("snapshot", Samples.postgres("1.12.1").toString());
        assertEquals(0, r.exitCode(), r.err());
        snapshot = r.out();
    }

    /** Writes the snapshot after {@code edit}, runs diff on it, and returns its one error line. */
    String refused(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(snapshot);
        edit.accept(root);
        Path file = tmp.resolve("edited.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        String line = Cli.badInput("diff", file.toString(), Samples.postgres("1.12.1").toString()).errLines().get(0);
        assertTrue(line.startsWith("schemaplan: " + file + ": invalid snapshot: "), line);
        return line.substring(("schemaplan: " + file + ": invalid snapshot: ").length());
    }

    static ObjectNode table(ObjectNode root, int i) {
        return (ObjectNode) root.get("schema").get("tables").get(i);
    }

    @Test
    void theUneditedSnapshotDiffsCleanAgainstItsDump() throws Exception {
        Path file = tmp.resolve("s.json");
        Files.writeString(file, snapshot);
        Cli.Result r = Cli.run("diff", file.toString(), Samples.postgres("1.12.1").toString(), "--exit-code");
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void aColumnWithoutATypeNamesItsPath() throws Exception {
        String column = table(JSON.readTree(snapshot).deepCopy(), 3).get("columns").get(1).get("name").asText();
        assertEquals("schema.tables[3].columns[1].type is missing (in " + column + ")",
                refused(root -> ((ObjectNode) table(root, 3).get("columns").get(1)).remove("type")));
    }

    @Test
    void anIndexWithoutKeysNamesItsPath() throws Exception {
        int t = 0;
        JsonNode tables = JSON.readTree(snapshot).get("schema").get("tables");
        while (!tables.get(t).has("indexes")) t++;
        String index = tables.get(t).get("indexes").get(0).get("name").asText();
        final int at = t;
        assertEquals("schema.tables[" + t + "].indexes[0].keys is empty (in " + index + ")",
                refused(root -> ((ArrayNode) table(root, at).get("indexes").get(0).get("keys")).removeAll()));
        assertEquals("schema.tables[" + t + "].indexes[0].keys is missing (in " + index + ")",
                refused(root -> ((ObjectNode) table(root, at).get("indexes").get(0)).remove("keys")));
    }

    @Test
    void wrongTypesUnknownFieldsAndMissingNamesAreRefused() throws Exception {
        assertTrue(refused(root -> ((ObjectNode) table(root, 0).get("columns").get(0)).put("position", "first"))
                .startsWith("schema.tables[0].columns[0].position is \"first\", expected a whole number"));
        assertTrue(refused(root -> ((ObjectNode) root.get("schema")).put("engine", "ORACLE"))
                .startsWith("schema.engine is \"ORACLE\", expected one of POSTGRES, MYSQL, MARIADB"));
        assertTrue(refused(root -> table(root, 0).put("colour", "red"))
                .startsWith("schema.tables[0].colour is not a field of table"));
        assertTrue(refused(root -> table(root, 1).remove("name")).startsWith("schema.tables[1].name is missing"));
        assertTrue(refused(root -> table(root, 1).put("columns", "id")).startsWith("schema.tables[1].columns is \"id\", expected a list"));
        assertTrue(refused(root -> ((ArrayNode) table(root, 1).get("columns")).addNull())
                .startsWith("schema.tables[1].columns[" + table(snapshotRoot(), 1).get("columns").size() + "] is null"));
        assertEquals("schema is missing", refused(root -> root.remove("schema")));
    }

    static ObjectNode snapshotRoot() {
        try {
            return (ObjectNode) JSON.readTree(snapshot);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBundledDifyReleaseHasTheShape() {
        ReleaseCatalog catalog = ReleaseCatalog.bundled();
        for (DifyRelease r : catalog.releases()) {
            assertEquals(r.spec(), Sources.load(r.spec(), null).label(), r.spec());
        }
    }

    @Test
    void aDifyVersionTooLongForANumberIsOneLine() {
        Cli.Result r = Cli.badInput("diff", "dify:99999999999", "dify:1.12.1");
        assertTrue(r.errLines().get(0).contains("dify:99999999999: not a Dify version"), r.err());
        Cli.badInput("plan", "dify:1.2.99999999999999", "dify:1.12.1");
        Cli.Result nearest = Cli.badInput("diff", "dify:1.12.9", "dify:1.12.1");
        assertTrue(nearest.err().contains("nearest: dify:1.12.1"), nearest.err());
    }
}
