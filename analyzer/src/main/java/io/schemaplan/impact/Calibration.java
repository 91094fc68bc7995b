package io.schemaplan.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Turns the durations {@code schemaplan calibrate} measured on one table into the throughputs of a
 * {@link Profile}, chosen so that {@link CostModel} gives back the measured durations. Pure arithmetic;
 * the measuring is {@code read.PgCalibrator}.
 *
 * <p>With T the table's bytes (heap + TOAST), H its heap bytes, R its rows, k its index count and I their
 * bytes, N the bytes of the index built, and the cost model's formulas read backwards:
 * <ol>
 * <li>seqScan = H / scan (SET NOT NULL: one heap scan);</li>
 * <li>rewrite = T / rewriteWithoutIndexes (ALTER TYPE on the table with its indexes dropped: the copy
 * alone);</li>
 * <li>indexBuild = N / (indexBuild − H / (seqScan × P)): CREATE INDEX once its heap scan (shared by the
 * table's {@link Work#buildProcesses} P parallel participants, as in the cost model) is taken out;</li>
 * <li>indexRebuild = I / (rewrite − T / rewrite − k × H / (seqScan × P)): what remains of the rewrite with
 * indexes once the copy and the k heap scans are taken out. It is kept apart from indexBuild because the
 * two differ per byte: the rebuilds cover the table's whole mix of keys (a random uuid primary key, a
 * composite with a varchar), and in four calibrations on 300,000 and 1 M rows they ran at 11–27 MB/s
 * while CREATE INDEX on (uuid, timestamp) ran at 33–46 MB/s. A throughput pooled over both overstated
 * CREATE INDEX by ×1.4–2 on the benchmark (scripts/bench-estimate);</li>
 * <li>foreignKeyRows = R / foreignKey (the validation query as a whole, its heap read included);</li>
 * <li>updateRowMicros and updateEntryMicros: a full-table UPDATE of an unindexed column (not HOT: the
 * table is packed, so every index gets an entry per row), once its heap read is taken out, is R × (row +
 * entry × a) µs ({@link CostModel#updateSeconds}, a the entries a row writes away from the last one: 2 on
 * calibrate's table, its primary key and (tenant_id, app_id, triggered_from); its created_at entries go next
 * to each other). One measurement cannot give two unknowns, so both defaults are scaled by one factor
 * k = (update − H / seqScan) / (R × (row + entry × a)) with the defaults' ratio (1.6 : 5.6, measured across
 * three table shapes at one load), which is what the load moves: the same fit ×6 slower at load 15;</li>
 * <li>rowWrite = W / (update − H / seqScan), W the UPDATE's own WAL ({@link CostModel#updateWal}): the
 * throughput DELETE and INSERT … SELECT are priced at, per byte of their WAL.</li>
 * </ol>
 * A remainder is never taken below {@link #MIN_SHARE} of its measurement: a timing too close to its scan
 * part still spent some time on the rest, and a zero or negative remainder would make a throughput
 * infinite or negative.
 *
 * <p>Calibrate measures in rounds (each round times every statement once) and {@link #derive(Work, long,
 * List, String)} takes, for each throughput, the median of the rounds' profiles. The rebuild throughput is
 * a difference of two timings (rewrite with indexes minus the copy), so it must come from timings taken
 * under the same conditions: measured here on a shared virtual disk, the copy of one table took 10.7 s in
 * one set of three consecutive runs and 14.1 s in the next while the rewrite with indexes took 15.3 s and
 * 16.7 s, and the index throughput derived from separate medians moved from 36 to 21 MB/s.
 */
public final class Calibration {
    /** The least part of a measurement attributed to the work left after the scans. */
    static final double MIN_SHARE = 0.1;
    /** How far the durations on the target server wander with its load and data: narrower than the default's. */
    public static final double CALIBRATED_SPREAD = 1.5;

    private Calibration() {
    }

    /** The seconds each statement took on the calibration table. */
    public record Timings(double scan, double rewriteWithoutIndexes, double rewrite, double indexBuild,
                          double foreignKey, double update) {
        public Timings {
            for (double s : new double[] {scan, rewriteWithoutIndexes, rewrite, indexBuild, foreignKey, update}) {
                if (!(s > 0)) throw new IllegalArgumentException("a measured duration must be positive, got " + s);
            }
        }
    }

    /**
     * @param table the calibration table as the statistics see it (rows, heap + TOAST bytes, its indexes)
     * @param builtIndexBytes the size of the index the CREATE INDEX measurement built
     */
    public static Profile derive(Work table, long builtIndexBytes, Timings t, String measuredOn) {
        return derive(table, builtIndexBytes, t, measuredOn, 0);
    }

    /**
     * The same on a server whose buffer cache is {@code bufferCacheBytes} (0: not known): the UPDATE's index
     * entries that miss it ({@link CostModel#updateSeconds(Work, Profile, long)}) are taken out before its two
     * costs are derived, as the plan adds them back. None at calibrate's default size on stock settings (its
     * scattered indexes stay under 128 MB).
     */
    public static Profile derive(Work table, long builtIndexBytes, Timings t, String measuredOn, long bufferCacheBytes) {
        if (!table.known() || table.heapBytes() <= 0 || table.rows() <= 0 || table.indexBytes() <= 0) {
            throw new IllegalArgumentException("the calibration table has no size");
        }
        if (builtIndexBytes <= 0) throw new IllegalArgumentException("the built index has no size");
        double bytes = table.tableBytes();
        double seqScan = table.heapBytes() / t.scan();
        double rewrite = bytes / t.rewriteWithoutIndexes();
        double scanSeconds = t.scan();
        double buildScan = scanSeconds / table.buildProcesses();
        double inRewrite = remainder(t.rewrite(), bytes / rewrite + table.indexCount() * buildScan);
        double inBuild = remainder(t.indexBuild(), buildScan);
        double indexBuild = builtIndexBytes / inBuild;
        double indexRebuild = table.indexBytes() / inRewrite;
        double foreignKeyRows = table.rows() / t.foreignKey();
        double inUpdate = remainder(t.update(), scanSeconds);
        double rowWrite = CostModel.updateWal(table) / inUpdate;
        Profile d = Profile.DEFAULT;
        double perRow = CostModel.updateRowCost(table, d.updateRowMicros(), d.updateEntryMicros());
        double missed = bufferCacheBytes <= 0 ? 0 : CostModel.misses(table, bufferCacheBytes).entries();
        // One factor for both: one timing, two unknowns.
        double k = inUpdate * 1e6 / (table.rows() * perRow + missed * CostModel.MISS_ENTRY_SHARE * d.updateEntryMicros());
        return new Profile("calibrated", measuredOn, seqScan, rewrite, indexBuild, indexRebuild, foreignKeyRows,
                rowWrite, k * d.updateRowMicros(), k * d.updateEntryMicros(), CALIBRATED_SPREAD);
    }

    /**
     * The profile of several rounds of timings: each round's profile ({@link #derive(Work, long, Timings,
     * String)}), then the median of each throughput, so that one round slowed by other work on the server
     * (or one fast copy beside a slow rewrite) moves nothing.
     */
    public static Profile derive(Work table, long builtIndexBytes, List<Timings> rounds, String measuredOn) {
        return derive(table, builtIndexBytes, rounds, measuredOn, 0);
    }

    /** The same on a server whose buffer cache is {@code bufferCacheBytes} (0: not known). */
    public static Profile derive(Work table, long builtIndexBytes, List<Timings> rounds, String measuredOn,
                                 long bufferCacheBytes) {
        if (rounds.isEmpty()) throw new IllegalArgumentException("no rounds of timings");
        List<Profile> each = new ArrayList<>();
        for (Timings t : rounds) each.add(derive(table, builtIndexBytes, t, measuredOn, bufferCacheBytes));
        return new Profile("calibrated", measuredOn,
                median(each, Profile::seqScanBytesPerSecond), median(each, Profile::rewriteBytesPerSecond),
                median(each, Profile::indexBuildBytesPerSecond), median(each, Profile::indexRebuildBytesPerSecond),
                median(each, Profile::foreignKeyRowsPerSecond), median(each, Profile::rowWriteBytesPerSecond),
                median(each, Profile::updateRowMicros), median(each, Profile::updateEntryMicros), CALIBRATED_SPREAD);
    }

    private static double median(List<Profile> profiles, ToDoubleFunction<Profile> value) {
        return median(profiles.stream().mapToDouble(value).toArray());
    }

    /** The median (the mean of the middle two for an even count). */
    public static double median(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double remainder(double measured, double explained) {
        return Math.max(measured - explained, MIN_SHARE * measured);
    }
}
