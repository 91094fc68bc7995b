package io.schemaplan.impact;

/**
 * The estimated cost of one operation: a duration range around the expected seconds, the extra disk it
 * needs while it runs (a rewrite keeps the old files until commit), and the WAL it writes. All zero for
 * catalog-only work; {@code known} is false when the table's size is not known.
 */
public record Estimate(double lowSeconds, double expectedSeconds, double highSeconds, long extraDiskBytes,
                       long walBytes, boolean known) {
    public static final Estimate NONE = new Estimate(0, 0, 0, 0, 0, true);
    public static final Estimate UNKNOWN = new Estimate(0, 0, 0, 0, 0, false);

    /** Two operations one after the other: durations, disk and WAL add up. */
    public Estimate plus(Estimate o) {
        return new Estimate(lowSeconds + o.lowSeconds, expectedSeconds + o.expectedSeconds,
                highSeconds + o.highSeconds, sum(extraDiskBytes, o.extraDiskBytes), sum(walBytes, o.walBytes),
                known && o.known);
    }

    /**
     * Byte counts add up without wrapping: statistics are bounded on read, but a plan of many huge tables
     * could still pass 2^63, and a wrapped sum would read as a negative size that passes every gate.
     */
    static long sum(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : s;
    }
}
