package io.schemaplan.gate;

import io.schemaplan.model.QName;
import io.schemaplan.model.TableStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a team accepts in an upgrade: item checks (deny or warn by rule id or category, within a scope),
 * caps on the blocking windows, allowances for accepted findings, and sizes to assume when there are no
 * statistics. {@code source} names the policy file in reports. {@code unknownSizeMatches}: a table of
 * unknown size counts as above every threshold, and an unknown window as over every cap (fail safe).
 */
public record Policy(String source, List<Check> checks, List<WindowCap> windows, List<Allowance> allow,
                     Sizes sizes, boolean unknownSizeMatches) {

    public Policy {
        checks = List.copyOf(checks);
        windows = List.copyOf(windows);
        allow = List.copyOf(allow);
    }

    public enum Action { DENY, WARN }

    /** A named check of a policy; {@code line} is where the policy file defines it (0 when not from a file). */
    public sealed interface PolicyCheck permits Check, WindowCap {
        String name();

        Action action();

        int line();
    }

    /**
     * Flags plan items whose rule id is in {@code ruleIds} or that fall into one of {@code categories}, on a
     * table inside {@code scope}.
     */
    public record Check(String name, Action action, Set<String> ruleIds, Set<Category> categories, Scope scope,
                        int line) implements PolicyCheck {
        public Check {
            ruleIds = Set.copyOf(ruleIds);
            categories = Set.copyOf(categories);
        }
    }

    /** A cap on how long a table ({@link Kind#PER_TABLE}) or the application ({@link Kind#TOTAL}) is blocked. */
    public record WindowCap(String name, Action action, Kind kind, double limitSeconds, boolean highEstimate,
                            Scope scope, int line) implements PolicyCheck {
        public enum Kind { PER_TABLE, TOTAL }
    }

    /**
     * The tables a check applies to: at least {@code minRows} rows or {@code minBytes} bytes (heap + TOAST;
     * either suffices when both are set), and, when {@code tables} is not empty, only those. Null thresholds
     * and no names: every table, and operations that lock no existing table.
     */
    public record Scope(Long minRows, Long minBytes, Set<String> tables) {
        public static final Scope ALL = new Scope(null, null, Set.of());

        public Scope {
            tables = Set.copyOf(tables);
        }

        boolean sized() {
            return minRows != null || minBytes != null;
        }

        /** {@code stats} null: size unknown. */
        boolean covers(QName table, TableStats stats, boolean unknownMatches) {
            if (table == null) return !sized() && tables.isEmpty();
            if (!tables.isEmpty() && tables.stream().noneMatch(t -> TableNames.matches(t, table))) return false;
            if (!sized()) return true;
            if (stats == null) return unknownMatches;
            boolean rowsOver = minRows != null && (stats.rowsKnown() ? stats.rows() >= minRows : unknownMatches);
            boolean bytesOver = minBytes != null && stats.tableBytes() >= minBytes;
            return rowsOver || bytesOver;
        }
    }

    /**
     * Accepts the findings on {@code table} (and {@code column}, when set) of the check, rule id or category
     * named {@code check} (every check when null), for {@code reason}.
     */
    public record Allowance(String table, String column, String check, String reason, int line) {
    }

    /** Sizes to assume without statistics: every table of FROM gets {@code defaultRows} unless named. */
    public record Sizes(Long defaultRows, Map<String, TableSize> tables) {
        public static final Sizes NONE = new Sizes(null, Map.of());

        public Sizes {
            tables = Map.copyOf(tables);
        }
    }

    /** {@code bytes} null: estimated from the rows. */
    public record TableSize(long rows, Long bytes) {
    }
}
