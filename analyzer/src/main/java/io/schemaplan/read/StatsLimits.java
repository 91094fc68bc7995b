package io.schemaplan.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The range each number of a {@code schemaplan-stats/1} document may take, checked on every read (a file
 * or a live catalog) so that a negative or absurd size never reaches the cost model: a negative byte count
 * made a 100 GB rewrite "low, < 1 s", which a gate passes.
 *
 * <p>Limits are physical maxima with room to spare, not guesses of what is likely: {@link #MAX_BYTES} is
 * 1 PiB (2^50) per table, index or setting; the largest a PostgreSQL table can be is 32 TB at 8 kB blocks
 * (128 TB at 32 kB), an InnoDB tablespace 256 TB at 64 kB pages. Sums of up to 8,192 such values still fit
 * in a long, and the cost model's sums saturate beyond. Rows are at most 2^50 too (a 1 PiB table of the
 * smallest rows holds fewer), or {@code -1}: never analyzed (PostgreSQL 14+ {@code reltuples}).
 */
final class StatsLimits {
    static final long MAX_BYTES = 1L << 50;
    static final long MAX_ROWS = 1L << 50;
    /** PostgreSQL's own upper bound for max_parallel_maintenance_workers (MAX_PARALLEL_WORKER_LIMIT). */
    static final long MAX_WORKERS = 1024;
    /** pg_stats.avg_width cannot pass the largest field PostgreSQL stores: 1 GB. */
    static final long MAX_COLUMN_BYTES = 1L << 30;
    /** Block and page sizes the engines can be built with: PostgreSQL 1–32 kB, InnoDB 4–64 kB; 0 when unknown. */
    static final long MAX_BLOCK = 65536;

    /** A version as the servers print it: a major of at most four digits, then anything ("16beta1", "8.0.36"). */
    static final java.util.regex.Pattern SERVER_VERSION = java.util.regex.Pattern.compile("\\d{1,4}(\\D.{0,200})?");

    /** One number: its key, the smallest and largest value allowed, and what it is (for the message). */
    record Limit(String key, long min, long max, String what) {
    }

    static final List<Limit> SETTINGS = List.of(
            new Limit("maintenanceWorkMemBytes", 0, MAX_BYTES, "bytes"),
            new Limit("maxParallelMaintenanceWorkers", 0, MAX_WORKERS, "workers"),
            new Limit("blockSize", 0, MAX_BLOCK, "bytes"),
            new Limit("bufferPoolBytes", 0, MAX_BYTES, "bytes"));
    static final List<Limit> TABLE = List.of(
            new Limit("rows", -1, MAX_ROWS, "rows (-1: never analyzed)"),
            new Limit("heapBytes", 0, MAX_BYTES, "bytes"),
            new Limit("toastBytes", 0, MAX_BYTES, "bytes"),
            new Limit("indexBytes", 0, MAX_BYTES, "bytes"));
    static final Limit INDEX = new Limit("", 0, MAX_BYTES, "bytes");
    static final Limit COLUMN = new Limit("", 0, MAX_COLUMN_BYTES, "bytes");

    private StatsLimits() {
    }

    /**
     * Checks a statistics document (its JSON tree, without {@code format}); {@code label} names the file or
     * the database in the one-line error, which also gives the JSON path of the bad value.
     */
    static void check(String label, JsonNode root) {
        JsonNode version = root.path("serverVersion");
        if (!version.isMissingNode() && !version.isNull()
                && !(version.isTextual() && SERVER_VERSION.matcher(version.asText()).matches())) {
            throw bad(label, "serverVersion", "is " + version + ", not a server version such as \"15.10\" or"
                    + " \"10.11.19-MariaDB\"");
        }
        for (Limit l : SETTINGS) number(label, root, l.key(), l);
        JsonNode tables = root.path("tables");
        if (tables.isMissingNode() || tables.isNull()) return;
        if (!tables.isArray()) throw bad(label, "tables", "is not a list");
        for (int i = 0; i < tables.size(); i++) {
            JsonNode t = tables.get(i);
            String at = "tables[" + i + "]";
            if (!t.isObject()) throw bad(label, at, "is not an object");
            JsonNode name = t.path("table");
            if (!name.isTextual() || name.asText().isBlank()) throw bad(label, at + ".table", "is missing (the table's name)");
            String of = " (table " + name.asText() + ")";
            for (Limit l : TABLE) {
                if (!t.has(l.key()) && (l.key().equals("rows") || l.key().equals("heapBytes"))) {
                    throw bad(label, at + "." + l.key(), "is missing" + of);
                }
                number(label, t, at + "." + l.key(), l, of);
            }
            entries(label, t.path("indexes"), at + ".indexes", INDEX, of);
            entries(label, t.path("columnBytes"), at + ".columnBytes", COLUMN, of);
        }
    }

    private static void entries(String label, JsonNode map, String at, Limit limit, String of) {
        if (map.isMissingNode() || map.isNull()) return;
        if (!map.isObject()) throw bad(label, at, "is not an object" + of);
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            check(label, e.getValue(), at + "." + e.getKey(), limit, of);
        }
    }

    private static void number(String label, JsonNode parent, String key, Limit l) {
        number(label, parent, key, l, "");
    }

    private static void number(String label, JsonNode parent, String path, Limit l, String of) {
        JsonNode v = parent.path(l.key());
        if (v.isMissingNode()) return;
        check(label, v, path, l, of);
    }

    private static void check(String label, JsonNode v, String path, Limit l, String of) {
        if (!v.isNumber()) throw bad(label, path, "is " + (v.isNull() ? "null" : v.toString()) + ", not a number" + of);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(label, path, "is " + v.asText() + ", not a whole number of " + l.what() + " within range" + of);
        }
        long n = v.asLong();
        if (n < l.min()) {
            throw bad(label, path, "is " + n + (l.min() == 0 ? ", a negative number of " : ", below " + l.min() + " ")
                    + l.what() + of);
        }
        if (n > l.max()) throw bad(label, path, "is " + n + ", above the limit of " + l.max() + " " + l.what() + of);
    }

    private static ReadException bad(String label, String path, String what) {
        return new ReadException(label + ": invalid statistics: " + path + " " + what);
    }
}
