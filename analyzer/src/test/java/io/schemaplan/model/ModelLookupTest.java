package io.schemaplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookups by name on the model: the same answers as a scan, from an index beside the immutable lists. */
class ModelLookupTest {
    static Table table(String name, String... columns) {
        List<Column> cs = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cs.add(new Column(columns[i], i + 1, DataType.of("integer"), true, null, null, null, null, null));
        }
        return new Table(QName.of("public", name), cs, List.of(), List.of(), List.of(), List.of(), false, null,
                null, null, null);
    }

    @Test
    void tablesColumnsAndStatisticsAreFoundByNameAndMissingOnesAreEmpty() {
        Schema s = new Schema(Engine.POSTGRES, "15", List.of(), List.of(), List.of(), List.of(),
                List.of(table("b", "x", "y"), table("a", "id")), List.of(), List.of());
        assertEquals("a", s.tables().get(0).name().name(), "still sorted by name");
        assertSame(s.tables().get(1), s.table(QName.of("public", "b")).orElseThrow());
        assertTrue(s.table(QName.of("other", "b")).isEmpty());
        Table b = s.table(QName.of("public", "b")).orElseThrow();
        assertEquals(2, b.column("y").orElseThrow().position());
        assertTrue(b.column("z").isEmpty());
        Stats st = new Stats("15", 0, 0, 8192, List.of(
                new TableStats(QName.of("public", "b"), 2, 8192, 0, 0, Map.of()),
                new TableStats(QName.of("public", "a"), 1, 8192, 0, 0, Map.of())));
        assertEquals(2, st.table(QName.of("public", "b")).orElseThrow().rows());
        assertTrue(st.table(QName.of("public", "c")).isEmpty());
    }

    @Test
    void theListsStayImmutableAndCompareByContent() {
        Schema s = new Schema(Engine.POSTGRES, "15", List.of(), List.of(), List.of(), List.of(),
                List.of(table("a", "id")), List.of(), List.of());
        assertThrows(UnsupportedOperationException.class, () -> s.tables().add(table("b")));
        assertThrows(UnsupportedOperationException.class, () -> s.tables().get(0).columns().remove(0));
        assertEquals(List.of(table("a", "id")), s.tables());
        assertEquals(s, new Schema(Engine.POSTGRES, "15", null, null, null, null, List.of(table("a", "id")), null, null));
    }

    @Test
    void aDuplicateNameFindsTheFirstAsTheScanDid() {
        Table first = table("t", "a");
        Table second = table("t", "b");
        Schema s = new Schema(Engine.POSTGRES, "15", List.of(), List.of(), List.of(), List.of(),
                List.of(first, second), List.of(), List.of());
        assertSame(s.tables().get(0), s.table(QName.of("public", "t")).orElseThrow());
    }
}
