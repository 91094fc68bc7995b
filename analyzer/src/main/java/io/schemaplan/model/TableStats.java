package io.schemaplan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * {@code heapOrderedIndexes} names the indexes whose key follows the heap's order after a prefix, with the
 * number of distinct prefixes (1: the first key column itself follows it): a statement that writes the
 * rows in heap order puts its new entries into that many places of such an index at a time, where it
 * scatters them over every leaf of any other index. A key column follows the heap order when ANALYZE
 * found {@code |pg_stats.correlation|} ≥ 0.9 (a serial id, a creation time); the prefixes are the product
 * of the preceding columns' {@code n_distinct}. Empty when not known: every index then counts as scattered.
 */
public record TableStats(
        QName table,
        long rows,
        long heapBytes,
        long toastBytes,
        long indexBytes,
        Map<String, Long> indexes,
        Map<String, Integer> columnBytes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> heapOrderedIndexes) {

    public static final long UNKNOWN_ROWS = -1;

    public TableStats {
        indexes = indexes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(indexes));
        columnBytes = columnBytes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(columnBytes));
        heapOrderedIndexes = heapOrderedIndexes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(heapOrderedIndexes));
    }

    /** Without heap-ordered indexes (not known: all count as scattered). */
    public TableStats(QName table, long rows, long heapBytes, long toastBytes, long indexBytes,
                      Map<String, Long> indexes, Map<String, Integer> columnBytes) {
        this(table, rows, heapBytes, toastBytes, indexBytes, indexes, columnBytes, Map.of());
    }

    /** The same table with another row count. */
    public TableStats withRows(long newRows) {
        return new TableStats(table, newRows, heapBytes, toastBytes, indexBytes, indexes, columnBytes, heapOrderedIndexes);
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
