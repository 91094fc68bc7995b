package io.schemaplan.impact;

import java.util.Objects;

/**
 * The throughputs of one server, which turn the bytes and rows an operation touches into seconds;
 * {@code schemaplan calibrate} measures the target server and saves a profile as JSON
 * ({@code schemaplan-profile/1}).
 *
 * <p>{@link #DEFAULT} describes a quiet server of the kind this project is measured on (2 vCPU, virtual SSD,
 * PostgreSQL 15 with stock settings: shared_buffers 128 MB, maintenance_work_mem 64 MB): each throughput is
 * the geometric middle, rounded to the slow side, of {@code schemaplan calibrate} (1 M rows) on the two such
 * hosts recorded before December 8 2026, quiet (docs/data-statements.md, "The default profile"): heap scan
 * 1.0 and 2.5 GB/s → 1.5 GB/s; rewrite 117 and 271 MB/s → 150 MB/s; index build 41 and 94 MB/s → 60 MB/s;
 * the rebuilds of a rewrite 25 and ~55 MB/s (the second host's estimated from its index build) → 35 MB/s; foreign key validation (the whole query per
 * referencing row) 6 and 15.4 million rows/s → 8 million. A busy server is slower (the same 1 M-row UPDATE
 * took ×2.9 longer at load 15 than quiet on one host), a dedicated larger one faster: {@code spread} 2 covers
 * the two quiet hosts; {@code schemaplan calibrate} measures the server itself. Until December 8 2026 the
 * default sat between a quiet and a busy host (×3–5 over on a quiet one of the faster kind).
 *
 * <p>{@code indexBuildBytesPerSecond} prices CREATE INDEX (and other builds of one index);
 * {@code indexRebuildBytesPerSecond} the rebuild of all a table's indexes after a rewrite, which covers the
 * table's whole mix of keys and is slower per byte ({@link Calibration}).
 *
 * <p>{@code updateRowMicros} and {@code updateEntryMicros} price a PostgreSQL UPDATE ({@link CostModel#updateSeconds}):
 * microseconds per row written, and per index entry it writes away from the last one
 * ({@link CostModel#awayEntries}). Measured side by side (docs/data-statements.md, December 7 2026, load 2–3):
 * 1.6 µs + 5.6 µs an entry fits three table shapes (1, 2 and 6 such entries a row) within 6 %. Calibrate put
 * them at 1.50 + 5.26 µs on one quiet host and (from its UPDATE, 31.8 µs a row less the scan) 3.97 + 13.9 µs
 * on the other: the defaults are their geometric middle, 2.45 and 8.575 µs (the fit × 1.53).
 * Calibrate measures its own UPDATE and scales both by one factor ({@link Calibration}).
 *
 * <p>{@code rowWriteBytesPerSecond} prices the other data statements of a migration script (DELETE,
 * INSERT … SELECT, CREATE TABLE AS) per byte of the WAL the cost model counts for them ({@link CostModel}):
 * row versions, index entries and full-page images are what their duration grows with. Measured on a full-table
 * UPDATE of a Dify messages-shaped table with its six indexes ({@code scripts/bench-update}): 35 MB/s per byte
 * on one quiet host, 95 MB/s on the other → 48 MB/s (16 MB/s until December 8 2026, fitted at load 15).
 * Calibrate measures it on its own table's UPDATE.
 *
 * <p>{@code spread} is the factor between the expected duration and either end of the range the plan
 * shows: wide for the default profile (another server), narrower for a calibrated one (same server,
 * other data and load).
 */
public record Profile(
        String name,
        String measuredOn,
        double seqScanBytesPerSecond,
        double rewriteBytesPerSecond,
        double indexBuildBytesPerSecond,
        double indexRebuildBytesPerSecond,
        double foreignKeyRowsPerSecond,
        double rowWriteBytesPerSecond,
        double updateRowMicros,
        double updateEntryMicros,
        double spread) {

    private static final double MB = 1024 * 1024;

    /** The default {@link #rowWriteBytesPerSecond}, also given to profiles written before it existed. */
    public static final double DEFAULT_ROW_WRITE_BYTES_PER_SECOND = 48 * MB;

    /** The default {@link #updateRowMicros}, also given to profiles written before it existed. */
    public static final double DEFAULT_UPDATE_ROW_MICROS = 2.45;
    /** The default {@link #updateEntryMicros}, also given to profiles written before it existed. */
    public static final double DEFAULT_UPDATE_ENTRY_MICROS = 8.575;

    public static final Profile DEFAULT = new Profile("default", null, 1536 * MB, 150 * MB, 60 * MB, 35 * MB, 8_000_000,
            DEFAULT_ROW_WRITE_BYTES_PER_SECOND, DEFAULT_UPDATE_ROW_MICROS, DEFAULT_UPDATE_ENTRY_MICROS, 2.0);

    public Profile {
        Objects.requireNonNull(name, "name");
        requirePositive("seqScanBytesPerSecond", seqScanBytesPerSecond);
        requirePositive("rewriteBytesPerSecond", rewriteBytesPerSecond);
        requirePositive("indexBuildBytesPerSecond", indexBuildBytesPerSecond);
        requirePositive("indexRebuildBytesPerSecond", indexRebuildBytesPerSecond);
        requirePositive("foreignKeyRowsPerSecond", foreignKeyRowsPerSecond);
        requirePositive("rowWriteBytesPerSecond", rowWriteBytesPerSecond);
        requirePositive("updateRowMicros", updateRowMicros);
        requirePositive("updateEntryMicros", updateEntryMicros);
        if (!(spread >= 1)) throw new IllegalArgumentException("spread must be at least 1, got " + spread);
    }

    /** A profile measured before row writes were (December 2026): the default row-write throughput. */
    public Profile(String name, String measuredOn, double seqScanBytesPerSecond, double rewriteBytesPerSecond,
                   double indexBuildBytesPerSecond, double indexRebuildBytesPerSecond, double foreignKeyRowsPerSecond,
                   double spread) {
        this(name, measuredOn, seqScanBytesPerSecond, rewriteBytesPerSecond, indexBuildBytesPerSecond,
                indexRebuildBytesPerSecond, foreignKeyRowsPerSecond, DEFAULT_ROW_WRITE_BYTES_PER_SECOND, spread);
    }

    /** A profile measured before UPDATE was priced per index entry (December 2026): the default per-row costs. */
    public Profile(String name, String measuredOn, double seqScanBytesPerSecond, double rewriteBytesPerSecond,
                   double indexBuildBytesPerSecond, double indexRebuildBytesPerSecond, double foreignKeyRowsPerSecond,
                   double rowWriteBytesPerSecond, double spread) {
        this(name, measuredOn, seqScanBytesPerSecond, rewriteBytesPerSecond, indexBuildBytesPerSecond,
                indexRebuildBytesPerSecond, foreignKeyRowsPerSecond, rowWriteBytesPerSecond, DEFAULT_UPDATE_ROW_MICROS,
                DEFAULT_UPDATE_ENTRY_MICROS, spread);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
