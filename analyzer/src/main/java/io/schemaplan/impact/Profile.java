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
 * <p>{@code rowWriteBytesPerSecond} prices the data statements of a migration script (UPDATE, DELETE,
 * INSERT … SELECT, CREATE TABLE AS) per byte of the WAL the cost model counts for them ({@link CostModel}):
 * row versions, index entries and full-page images are what their duration grows with; the index pages an
 * UPDATE images again after each checkpoint it crosses count a third ({@link CostModel#updatePricedBytes}).
 * Measured by {@code scripts/bench-update} (December 2026, a full-table UPDATE of a Dify messages-shaped
 * table with its six indexes, load average 12–17 on the 2 vCPU), priced that way: 16 MB/s on 1 M rows
 * (868 MB heap), 23 MB/s on 5 M (4.3 GB). Before the checkpoint term the same runs gave 15 and 10.8 MB/s
 * per byte of WAL and the default was 12 MB/s; the term explains most of that difference, and the default
 * is now 16 MB/s, the 1 M figure, the slower of the two. Calibrate measures it on its own table (3 indexes,
 * 59 MB) the same way: 25 MB/s at load 15.
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
        double spread) {

    private static final double MB = 1024 * 1024;

    /** The default {@link #rowWriteBytesPerSecond}, also given to profiles written before it existed. */
    public static final double DEFAULT_ROW_WRITE_BYTES_PER_SECOND = 16 * MB;

    public static final Profile DEFAULT = new Profile("default", null, 800 * MB, 80 * MB, 30 * MB, 20 * MB, 4_000_000,
            DEFAULT_ROW_WRITE_BYTES_PER_SECOND, 2.0);

    public Profile {
        Objects.requireNonNull(name, "name");
        requirePositive("seqScanBytesPerSecond", seqScanBytesPerSecond);
        requirePositive("rewriteBytesPerSecond", rewriteBytesPerSecond);
        requirePositive("indexBuildBytesPerSecond", indexBuildBytesPerSecond);
        requirePositive("indexRebuildBytesPerSecond", indexRebuildBytesPerSecond);
        requirePositive("foreignKeyRowsPerSecond", foreignKeyRowsPerSecond);
        requirePositive("rowWriteBytesPerSecond", rowWriteBytesPerSecond);
        if (!(spread >= 1)) throw new IllegalArgumentException("spread must be at least 1, got " + spread);
    }

    /** A profile measured before row writes were (December 2026): the default row-write throughput. */
    public Profile(String name, String measuredOn, double seqScanBytesPerSecond, double rewriteBytesPerSecond,
                   double indexBuildBytesPerSecond, double indexRebuildBytesPerSecond, double foreignKeyRowsPerSecond,
                   double spread) {
        this(name, measuredOn, seqScanBytesPerSecond, rewriteBytesPerSecond, indexBuildBytesPerSecond,
                indexRebuildBytesPerSecond, foreignKeyRowsPerSecond, DEFAULT_ROW_WRITE_BYTES_PER_SECOND, spread);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
