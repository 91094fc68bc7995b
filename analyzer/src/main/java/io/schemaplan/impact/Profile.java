package io.schemaplan.impact;

import java.util.Objects;

/**
 * The throughputs of one server, which turn the bytes and rows an operation touches into seconds. The
 * {@link #DEFAULT} profile was measured on a small cloud machine (2 vCPU, SSD); {@code schemaplan
 * calibrate} measures the target server and saves a profile as JSON ({@code schemaplan-profile/1}).
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
        double foreignKeyRowsPerSecond,
        double spread) {

    private static final double MB = 1024 * 1024;

    public static final Profile DEFAULT = new Profile("default", null, 400 * MB, 60 * MB, 25 * MB, 1_000_000, 2.0);

    public Profile {
        Objects.requireNonNull(name, "name");
        requirePositive("seqScanBytesPerSecond", seqScanBytesPerSecond);
        requirePositive("rewriteBytesPerSecond", rewriteBytesPerSecond);
        requirePositive("indexBuildBytesPerSecond", indexBuildBytesPerSecond);
        requirePositive("foreignKeyRowsPerSecond", foreignKeyRowsPerSecond);
        if (!(spread >= 1)) throw new IllegalArgumentException("spread must be at least 1, got " + spread);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
