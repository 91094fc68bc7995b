package io.schemaplan.impact;

import java.util.Objects;

/**
 * The throughputs of one server, which turn the bytes and rows an operation touches into seconds;
 * {@code schemaplan calibrate} measures the target server and saves a profile as JSON
 * ({@code schemaplan-profile/1}).
 *
 * <p>{@link #DEFAULT} is {@code schemaplan calibrate} (300,000 rows) on a small cloud machine: 2 vCPU, 24 GB
 * RAM, virtual SSD, PostgreSQL 15 with stock settings (shared_buffers 128 MB, maintenance_work_mem 64 MB,
 * 2 parallel maintenance workers), November 2026, rounded to numbers between what it did quiet and what it
 * did while other jobs kept both CPUs busy: heap scan 950–970 MB/s quiet (the table was in the page cache),
 * 570 MB/s busy → 800 MB/s; rewrite 135–153 MB/s quiet, 31 MB/s busy → 80 MB/s; index build 35–41 MB/s
 * quiet, 16 MB/s busy → 30 MB/s (CREATE INDEX alone, December 2026: 33–46 MB/s quiet); the rebuilds of a
 * rewrite 11–27 MB/s quiet, December 2026 → 20 MB/s. Foreign key validation (the whole query per referencing row), measured in
 * December 2026 on 1 M to 5 M rows: 4.3–8.4 million rows/s quiet → 4 million. The spread of 2 covers both.
 *
 * <p>{@code indexBuildBytesPerSecond} prices CREATE INDEX (and other builds of one index);
 * {@code indexRebuildBytesPerSecond} the rebuild of all a table's indexes after a rewrite, which covers the
 * table's whole mix of keys and is slower per byte ({@link Calibration}).
 *
 * <p>{@code updateRowMicros} and {@code updateEntryMicros} price a PostgreSQL UPDATE ({@link CostModel#updateSeconds}):
 * microseconds per row written, and per index entry it writes away from the last one
 * ({@link CostModel#awayEntries}). Measured side by side (docs/data-statements.md, December 7 2026, load 2–3):
 * 1.6 µs + 5.6 µs an entry fits three table shapes (1, 2 and 6 such entries a row) within 6 %. Both move
 * with the machine's load (the same UPDATE took ×6 longer per row at load 15 than at load 2–3), so the
 * defaults are them × 4.375, 7 and 24.5 µs, between the recorded benchmark runs: a 1 M-row Dify messages
 * table (6 such entries a row, {@code scripts/bench-update}) prices at 155 s, ×1.94 over the quiet run
 * (80.0 s) and ×1.48 under the load-15 run (229.1 s); 5 M rows at 775 s, ×1.91 under (1,477.9 s, load 15).
 * It is ×3.9 over the same UPDATE at load 2–3 (39.9 s): no one pair covers a ×7.6 spread of machine states
 * within ×2.
 * Calibrate measures its own UPDATE and scales both by one factor ({@link Calibration}).
 *
 * <p>{@code rowWriteBytesPerSecond} prices the other data statements of a migration script (DELETE,
 * INSERT … SELECT, CREATE TABLE AS) per byte of the WAL the cost model counts for them ({@link CostModel}):
 * row versions, index entries and full-page images are what their duration grows with. It was first fitted
 * on UPDATE, measured by {@code scripts/bench-update} (December 2026, a full-table UPDATE of a Dify messages-shaped
 * table with its six indexes, load average 12–17 on the 2 vCPU), priced that way: 16 MB/s on 1 M rows
 * (868 MB heap), 23 MB/s on 5 M (4.3 GB). Before the checkpoint term the same runs gave 15 and 10.8 MB/s
 * per byte of WAL and the default was 12 MB/s; the term explains most of that difference, and the default
 * is now 16 MB/s, the 1 M figure, the slower of the two. Calibrate measures it on its own table's UPDATE
 * (3 indexes, 59 MB): 25 MB/s at load 15.
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
    public static final double DEFAULT_ROW_WRITE_BYTES_PER_SECOND = 16 * MB;

    /** The default {@link #updateRowMicros}, also given to profiles written before it existed. */
    public static final double DEFAULT_UPDATE_ROW_MICROS = 7.0;
    /** The default {@link #updateEntryMicros}, also given to profiles written before it existed. */
    public static final double DEFAULT_UPDATE_ENTRY_MICROS = 24.5;

    public static final Profile DEFAULT = new Profile("default", null, 800 * MB, 80 * MB, 30 * MB, 20 * MB, 4_000_000,
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
