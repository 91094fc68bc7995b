package io.schemaplan.impact;

import java.util.Locale;

/** Human spellings of sizes and durations, for messages and reports (binary units, as PostgreSQL prints). */
public final class Units {
    private Units() {
    }

    /** {@code 512 B}, {@code 1.5 MB}, {@code 98 GB}: two significant digits below 10, none above. */
    public static String bytes(long n) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 || v >= 10 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** {@code < 1 s}, {@code 42 s}, {@code 7 min}, {@code 2 h 05 min}. */
    public static String duration(double seconds) {
        if (seconds < 1) return "< 1 s";
        // Math.round rounds half up, as "%.0f" did; String.format was a tenth of the time of a 20,000-table plan.
        if (seconds < 90) return Math.round(seconds) + " s";
        if (seconds < 90 * 60) return Math.round(seconds / 60) + " min";
        long minutes = Math.round(seconds / 60);
        return minutes / 60 + " h " + (minutes % 60 < 10 ? "0" : "") + minutes % 60 + " min";
    }

    /** A range, {@code 3–12 min}; {@code instant} when both ends are zero, {@code unknown} when not known. */
    public static String range(Estimate e) {
        if (!e.known()) return "unknown";
        if (e.highSeconds() == 0) return "instant";
        String lo = duration(e.lowSeconds());
        String hi = duration(e.highSeconds());
        return lo.equals(hi) ? hi : lo + " – " + hi;
    }
}
