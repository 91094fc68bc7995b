package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.QName;
import io.schemaplan.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Finding where a table, column, index or constraint is defined in real pg_dump and mysqldump files. */
class DumpLinesTest {
    private static String line(Path file, OptionalInt line) throws IOException {
        assertTrue(line.isPresent(), "not found in " + file);
        return Files.readAllLines(file).get(line.getAsInt() - 1);
    }

    @Test
    void pgDump() throws IOException {
        Path f = Samples.postgres("1.12.1");
        DumpLines d = new DumpLines(Files.readString(f));
        QName runs = QName.of("public", "workflow_runs");
        assertEquals("CREATE TABLE public.workflow_runs (", line(f, d.table(runs)));
        assertTrue(line(f, d.column(runs, "total_tokens")).startsWith("    total_tokens bigint"));
        assertTrue(line(f, d.index("workflow_run_triggerd_from_idx")).startsWith("CREATE INDEX workflow_run_triggerd_from_idx ON public.workflow_runs"));
        assertEquals("    ADD CONSTRAINT workflow_run_pkey PRIMARY KEY (id);", line(f, d.constraint("workflow_run_pkey")));
        // A column that is not in the table points at the table; a table that is not there, nowhere.
        assertEquals(d.table(runs), d.column(runs, "no_such_column"));
        assertTrue(d.table(QName.of("public", "no_such_table")).isEmpty());
        assertTrue(d.table(QName.of("other", "workflow_runs")).isEmpty());
    }

    @Test
    void mysqldump() throws IOException {
        Path f = Samples.mysql("1.12.1.patched-32196");
        DumpLines d = new DumpLines(Files.readString(f));
        QName annotations = QName.of("", "message_annotations");
        assertEquals("CREATE TABLE `message_annotations` (", line(f, d.table(annotations)));
        assertTrue(line(f, d.column(annotations, "content")).startsWith("  `content` longtext"));
        assertTrue(line(f, d.index("unique_provider_open_id")).startsWith("  UNIQUE KEY `unique_provider_open_id`"));
        assertTrue(line(f, d.constraint("tool_published_apps_ibfk_1")).startsWith("  CONSTRAINT `tool_published_apps_ibfk_1`"));
    }

    @Test
    void quotedNames() {
        DumpLines d = new DumpLines(String.join("\n", List.of("CREATE TABLE \"Mixed\".\"Order\" (",
                "    \"Select\" integer,", "    id integer", ");", "CREATE UNIQUE INDEX \"Odd Name\" ON \"Mixed\".\"Order\" USING btree (id);")));
        assertEquals(1, d.table(QName.of("Mixed", "Order")).getAsInt());
        assertEquals(2, d.column(QName.of("Mixed", "Order"), "Select").getAsInt());
        assertEquals(3, d.column(QName.of("Mixed", "Order"), "id").getAsInt());
        assertEquals(5, d.index("Odd Name").getAsInt());
    }
}
