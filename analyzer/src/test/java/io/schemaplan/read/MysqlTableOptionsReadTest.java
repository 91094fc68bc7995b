package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Table;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ROW_FORMAT and KEY_BLOCK_SIZE as a dump spells them: the server default reads as none, the facts survive
 * a snapshot, and a value no server prints is a one-line error at the table's line. The live catalog's side
 * is checked against real dumps in {@code MyTableOptionsMeasuredTest}.
 */
class MysqlTableOptionsReadTest {
    private static Loaded read(String options) {
        String sql = "/*M!999999\\- enable the sandbox mode */\nCREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n"
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 " + options + ";\n";
        return MysqlDumpReader.read("t.sql", sql.getBytes(StandardCharsets.UTF_8));
    }

    private static Table table(String options) {
        return read(options).schema().tables().get(0);
    }

    @Test
    void theServerDefaultRowFormatReadsAsNone() {
        for (String o : new String[] {"", "ROW_FORMAT=DYNAMIC", "ROW_FORMAT=dynamic", "ROW_FORMAT=DEFAULT", "KEY_BLOCK_SIZE=0"}) {
            assertNull(table(o).rowFormat(), o);
            assertNull(table(o).keyBlockSize(), o);
            assertEquals(table(""), table(o), o);
        }
    }

    @Test
    void compressedAndCompactAreKeptWithTheirBlockSize() {
        Table t = table("ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8");
        assertEquals("COMPRESSED", t.rowFormat());
        assertEquals(8, t.keyBlockSize());
        assertEquals("COMPACT", table("ROW_FORMAT = compact").rowFormat());
    }

    @Test
    void theRowFormatSurvivesASnapshot() {
        Loaded l = read("ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=4");
        String json = Snapshots.toJson(l);
        assertTrue(json.contains("\"rowFormat\" : \"COMPRESSED\"") && json.contains("\"keyBlockSize\" : 4"), json);
        assertEquals(l.schema(), Snapshots.read("s.json", json).schema());
        assertTrue(!Snapshots.toJson(read("")).contains("rowFormat"), "a default table adds no field");
    }

    @Test
    void aRowFormatNoServerPrintsIsAOneLineErrorAtTheTable() {
        for (String o : new String[] {"ROW_FORMAT=`x;y`", "KEY_BLOCK_SIZE=eight"}) {
            ReadException e = assertThrows(ReadException.class, () -> read(o));
            assertTrue(e.getMessage().startsWith("t.sql:2: ") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
