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
                highSeconds + o.highSeconds, extraDiskBytes + o.extraDiskBytes, walBytes + o.walBytes,
                known && o.known);
    }
}
