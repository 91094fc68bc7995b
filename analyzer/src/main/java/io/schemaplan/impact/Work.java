package io.schemaplan.impact;

/**
 * What one operation touches on one table, from the catalog statistics: the table's rows and bytes
 * ({@code tableBytes}: heap plus TOAST, what a rewrite copies; {@code heapBytes}: the heap alone, what a scan
 * reads), its existing indexes (a rewrite rebuilds them all), and the bytes of the index it builds
 * ({@code newIndexBytes}: an estimate for a new index, the current size for a rebuild). {@code known} is
 * false when no statistics cover the table; the estimate is then unknown rather than zero.
 */
public record Work(long rows, long tableBytes, long heapBytes, long indexBytes, int indexCount, long newIndexBytes,
                   boolean known) {
    public static final Work UNKNOWN = new Work(0, 0, 0, 0, 0, false);
    /** A table that does not exist yet, or an operation that touches no rows. */
    public static final Work NONE = new Work(0, 0, 0, 0, 0, 0, true);

    /** A table whose bytes are not split into heap and TOAST: all of it counts as heap. */
    public Work(long rows, long tableBytes, long indexBytes, int indexCount, long newIndexBytes, boolean known) {
        this(rows, tableBytes, tableBytes, indexBytes, indexCount, newIndexBytes, known);
    }

    public Work withNewIndexBytes(long bytes) {
        return new Work(rows, tableBytes, heapBytes, indexBytes, indexCount, bytes, known);
    }
}
