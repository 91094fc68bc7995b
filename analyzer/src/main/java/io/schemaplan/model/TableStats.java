package io.schemaplan.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Size facts of one table, from the catalog only. {@code rows} is {@code pg_class.reltuples} rounded, or
 * {@link #UNKNOWN_ROWS} (-1) when the table was never vacuumed or analyzed (PG >= 14 reports -1 then;
 * PG 11–13 report 0, which cannot be told from an empty table). Byte counts are {@code relpages × block_size}
 * as of the last VACUUM, ANALYZE or CREATE INDEX. {@code indexes} maps index name to bytes, sorted.
 * {@code columnBytes} maps a column name to the average width of its stored values as ANALYZE sampled it
 * ({@code pg_stats.avg_width}), sorted; empty when not analyzed or not known (MySQL statistics). It sizes a
 * new index on a variable-width key.
 */
public record TableStats(
        QName table,
        long rows,
        long heapBytes,
        long toastBytes,
        long indexBytes,
        Map<String, Long> indexes,
        Map<String, Integer> columnBytes) {

    public static final long UNKNOWN_ROWS = -1;

    public TableStats {
        indexes = indexes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(indexes));
        columnBytes = columnBytes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(columnBytes));
    }

    /** Without column widths. */
    public TableStats(QName table, long rows, long heapBytes, long toastBytes, long indexBytes,
                      Map<String, Long> indexes) {
        this(table, rows, heapBytes, toastBytes, indexBytes, indexes, Map.of());
    }

    public boolean rowsKnown() {
        return rows >= 0;
    }

    /** Heap plus TOAST: what a rewrite copies besides the indexes. */
    public long tableBytes() {
        // Saturates rather than wraps (each term is bounded on read; see StatsJson).
        long sum = heapBytes + toastBytes;
        return ((heapBytes ^ sum) & (toastBytes ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
