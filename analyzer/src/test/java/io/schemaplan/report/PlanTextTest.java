package io.schemaplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schemaplan.model.QName;
import io.schemaplan.model.TableStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTextTest {
    static final QName T = QName.of("public", "t");

    @Test
    void anEmptyTableReadsAsEmpty() {
        assertEquals("empty (indexes 24 kB)", PlanText.size(new TableStats(T, 0, 0, 0, 24 * 1024, Map.of())));
        assertEquals("empty", PlanText.size(new TableStats(T, 0, 0, 0, 0, Map.of())));
        assertEquals("12.5 M rows, 100 GB + 2.5 GB indexes", PlanText.size(new TableStats(T, 12_500_000, 100L << 30, 0,
                (long) (2.5 * (1L << 30)), Map.of())));
        assertEquals("rows unknown, 8.0 kB + 16 kB indexes", PlanText.size(new TableStats(T, TableStats.UNKNOWN_ROWS,
                8192, 0, 16384, Map.of())));
    }

    @Test
    void backticksMarkCodeAndAnUnpairedOneStaysText() {
        assertEquals(List.of(new PlanText.Span("Measure with ", false), new PlanText.Span("schemaplan calibrate", true),
                new PlanText.Span(" first.", false)), PlanText.spans("Measure with `schemaplan calibrate` first."));
        assertEquals(List.of(new PlanText.Span("a ` b", false)), PlanText.spans("a ` b"));
        assertEquals("Measure with `schemaplan calibrate` for a \\_range\\_.",
                Markdown.prose("Measure with `schemaplan calibrate` for a _range_."));
    }
}
