package io.schemaplan.impact;

import io.schemaplan.diff.Change;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    /** {@link #byChange} of all the items. */
    public List<Map.Entry<Change, List<PlanItem>>> itemsByChange() {
        return byChange(items);
    }

    /**
     * {@code items} grouped by the change they price, each group in the order of its first item. By identity:
     * the items hold the diff's own Change objects, and a Change's hash is that of the whole table or routine
     * it carries (at start-up, also a record's first hashCode costs more than all the grouping).
     */
    public static List<Map.Entry<Change, List<PlanItem>>> byChange(List<PlanItem> items) {
        Map<Change, List<PlanItem>> groups = new IdentityHashMap<>();
        List<Map.Entry<Change, List<PlanItem>>> ordered = new ArrayList<>();
        for (PlanItem i : items) {
            groups.computeIfAbsent(i.change(), c -> {
                List<PlanItem> group = new ArrayList<>();
                ordered.add(new AbstractMap.SimpleImmutableEntry<>(c, group));
                return group;
            }).add(i);
        }
        return ordered;
    }
}
