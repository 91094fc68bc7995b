package io.schemaplan.gate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings a policy uses for durations ({@code 30s}, {@code 5m}, {@code 1h}, a bare number of seconds),
 * sizes ({@code 10GB}, {@code 512 MB}, binary units as PostgreSQL prints them; a bare number of bytes) and
 * row counts ({@code 1M}, {@code 250k rows}, {@code 1000000}). Pure; a bad spelling throws
 * {@link IllegalArgumentException} with a message that shows a good one.
 */
public final class Quantities {
    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    private static final Map<String, Double> SECONDS = Map.of("", 1.0, "ms", 0.001, "s", 1.0, "sec", 1.0,
            "m", 60.0, "min", 60.0, "h", 3600.0);
    private static final Map<String, Double> BYTES = Map.ofEntries(Map.entry("", 1.0), Map.entry("b", 1.0),
            Map.entry("kb", 1024.0), Map.entry("kib", 1024.0), Map.entry("mb", 1024.0 * 1024),
            Map.entry("mib", 1024.0 * 1024), Map.entry("gb", Math.pow(1024, 3)), Map.entry("gib", Math.pow(1024, 3)),
            Map.entry("tb", Math.pow(1024, 4)), Map.entry("tib", Math.pow(1024, 4)));
    private static final Map<String, Double> ROWS = Map.of("", 1.0, "k", 1e3, "m", 1e6, "b", 1e9);

    private Quantities() {
    }

    public static double seconds(String text) {
        return parse(text, SECONDS, "a duration such as 30s, 5m or 1h");
    }

    public static long bytes(String text) {
        return Math.round(parse(text, BYTES, "a size such as 10GB or 512MB"));
    }

    public static long rows(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*rows?$", "");
        return Math.round(parse(t, ROWS, "a row count such as 1M, 250k or '1M rows'"));
    }

    private static double parse(String text, Map<String, Double> units, String expected) {
        Matcher m = NUMBER_UNIT.matcher(text.trim().toLowerCase(Locale.ROOT).replace("_", ""));
        Double factor = m.matches() ? units.get(m.group(2)) : null;
        if (factor == null) throw new IllegalArgumentException("'" + text + "' is not " + expected);
        return Double.parseDouble(m.group(1)) * factor;
    }
}
