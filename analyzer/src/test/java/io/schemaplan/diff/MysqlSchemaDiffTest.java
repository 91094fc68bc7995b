package io.schemaplan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemaplan.diff.Change.ColumnGeneratedChanged;
import io.schemaplan.diff.Change.ColumnVisibilityChanged;
import io.schemaplan.diff.Change.TableChanged;
import io.schemaplan.read.Loaded;
import io.schemaplan.read.MysqlDumpReader;
import io.schemaplan.report.ChangeText;
import io.schemaplan.report.DiffJsonRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts only MySQL/MariaDB have are compared too: VIRTUAL vs STORED, INVISIBLE, table collation and engine. */
class MysqlSchemaDiffTest {

    static Loaded read(String sql) {
        return MysqlDumpReader.read("in.sql", sql.getBytes(StandardCharsets.UTF_8));
    }

    static final String BEFORE = """
            CREATE TABLE `t` (
              `a` varchar(10) NOT NULL,
              `b` varchar(10) GENERATED ALWAYS AS (lower(`a`)) STORED,
              `c` int(11) DEFAULT NULL,
              PRIMARY KEY (`a`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
            """;

    static List<Change> diff(String after) {
        return SchemaDiff.diff(read(BEFORE).schema(), read(after).schema());
    }

    @Test
    void theSameDumpHasNoChanges() {
        assertEquals(List.of(), diff(BEFORE));
    }

    @Test
    void storedToVirtualIsAGeneratedColumnChange() {
        List<Change> changes = diff(BEFORE.replace(") STORED", ") VIRTUAL"));
        assertEquals(1, changes.size(), changes.toString());
        ColumnGeneratedChanged c = (ColumnGeneratedChanged) changes.get(0);
        assertEquals("column b generated: (lower(`a`)) STORED -> (lower(`a`)) VIRTUAL", ChangeText.describe(c));
    }

    @Test
    void invisibilityIsAColumnChange() throws Exception {
        Loaded after = read(BEFORE.replace("`c` int(11) DEFAULT NULL", "`c` int(11) DEFAULT NULL INVISIBLE"));
        List<Change> changes = SchemaDiff.diff(read(BEFORE).schema(), after.schema());
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("column c: SET INVISIBLE", ChangeText.describe((ColumnVisibilityChanged) changes.get(0)));
        JsonNode json = DiffJsonRenderer.parse(DiffJsonRenderer.render(read(BEFORE), after, changes)).get("changes").get(0);
        assertEquals("column.visibility_changed", json.get("kind").asText());
        assertEquals("VISIBLE", json.get("from").asText());
        assertEquals("INVISIBLE", json.get("to").asText());
    }

    @Test
    void tableCollationAndEngineAreTableChanges() {
        List<Change> changes = diff(BEFORE.replace("ENGINE=InnoDB", "ENGINE=MyISAM")
                .replace("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci", "DEFAULT CHARSET=latin1"));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("table t: collation utf8mb4_general_ci -> latin1_swedish_ci; engine InnoDB -> MyISAM",
                ChangeText.describe((TableChanged) changes.get(0)));
    }

    @Test
    void anAddedColumnShowsItsMysqlFacts() {
        List<Change> changes = diff(BEFORE.replace("  PRIMARY KEY", "  `d` int GENERATED ALWAYS AS (`c` + 1) VIRTUAL INVISIBLE,\n  PRIMARY KEY"));
        assertEquals("column d integer GENERATED ALWAYS AS (`c` + 1) VIRTUAL INVISIBLE", ChangeText.describe(changes.get(0)));
    }
}
