package io.schemaplan.impact;

import java.util.List;

/**
 * The pre-upgrade plan: every operation with its rule and estimate, riskiest first; per table, the
 * blocking window; and for the whole upgrade the total duration, the extra disk it needs at its peak and
 * the WAL it writes. {@code assumptions} lists what the estimates rest on, in the words a DBA checks.
 */
public record Plan(
        String from,
        String to,
        String engine,
        String serverVersion,
        String profile,
        String statsSource,
        boolean singleTransaction,
        List<PlanItem> items,
        List<TableWindow> windows,
        Estimate total,
        List<String> assumptions) {

    public Plan {
        items = List.copyOf(items);
        windows = List.copyOf(windows);
        assumptions = List.copyOf(assumptions);
    }

    public long count(Risk risk) {
        return items.stream().filter(i -> i.risk() == risk).count();
    }
}
